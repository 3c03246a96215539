package io.auralis.ser.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.Test;

class ArousalHeadTest {

    private static final int SAMPLES = 4000;

    private static CnnGruBlock block(NDManager manager, int adversaryCorpora) {
        Engine.getEngine("PyTorch").setRandomSeed(3);
        CnnGruBlock block = CnnGru.builder().setArchitecture(Architecture.CNN3).setNumClasses(4).optHidden(16)
            .optAdversary(adversaryCorpora, 0.5f).optArousalHead(true).build();
        block.initialize(manager, DataType.FLOAT32, new Shape(2, 1, SAMPLES));
        return block;
    }

    private static NDArray batch(NDManager manager) {
        float[] samples = new float[2 * SAMPLES];
        System.arraycopy(SignalFixture.signal(SAMPLES, 1), 0, samples, 0, SAMPLES);
        System.arraycopy(SignalFixture.signal(SAMPLES, 2), 0, samples, SAMPLES, SAMPLES);
        return manager.create(samples, new Shape(2, 1, SAMPLES));
    }

    @Test
    void trainingReturnsTheArousalLevelsLastAndEvaluationTheEmotionAlone() {
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock alone = block(manager, 0);
            NDList train = alone.forward(new ParameterStore(manager, false), new NDList(batch(manager)), true);
            assertEquals(2, train.size());
            assertEquals(new Shape(2, CnnGruBlock.AROUSAL_LEVELS), train.get(1).getShape());
            assertArrayEquals(new float[] {1, 1}, train.get(1).exp().sum(new int[] {1}).toFloatArray(), 1e-5f);
            assertEquals(1, alone.forward(new ParameterStore(manager, false), new NDList(batch(manager)), false)
                .size());

            CnnGruBlock both = block(manager, 3);
            NDList three = both.forward(new ParameterStore(manager, false), new NDList(batch(manager)), true);
            assertEquals(3, three.size(), "emotion, corpus, arousal");
            assertEquals(new Shape(2, 3), three.get(1).getShape());
            assertEquals(new Shape(2, CnnGruBlock.AROUSAL_LEVELS), three.get(2).getShape());
            assertTrue(both.toString().contains("adversary over 3 corpora, arousal head"), both.toString());
        }
    }

    @Test
    void theHeadDoesNotChangeTheEmotionANetworkGives() {
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock with = block(manager, 0);
            Engine.getEngine("PyTorch").setRandomSeed(3);
            CnnGruBlock without = CnnGru.builder().setArchitecture(Architecture.CNN3).setNumClasses(4).optHidden(16)
                .build();
            without.initialize(manager, DataType.FLOAT32, new Shape(2, 1, SAMPLES));
            // the head is the last child, so the shared layers draw the same initial weights
            float[] a = with.forward(new ParameterStore(manager, false), new NDList(batch(manager)), false).head()
                .toFloatArray();
            float[] b = without.forward(new ParameterStore(manager, false), new NDList(batch(manager)), false).head()
                .toFloatArray();
            assertArrayEquals(b, a, 0f);
        }
    }
}
