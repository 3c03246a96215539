package io.auralis.ser.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.util.Pair;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AdversaryTest {

    private static final int SAMPLES = 4000;
    private static final long[] CORPORA = {0, 1, 2, 0};

    private static CnnGruBlock block(NDManager manager, int adversaryCorpora, float weight) {
        Engine.getEngine("PyTorch").setRandomSeed(3);
        CnnGruBlock block = CnnGru.builder().setArchitecture(Architecture.CNN3).setNumClasses(4).optHidden(16)
            .optAdversary(adversaryCorpora, weight).build();
        block.initialize(manager, DataType.FLOAT32, new Shape(4, 1, SAMPLES));
        return block;
    }

    private static NDArray batch(NDManager manager) {
        float[] samples = new float[4 * SAMPLES];
        for (int b = 0; b < 4; b++) {
            System.arraycopy(SignalFixture.signal(SAMPLES, b + 1), 0, samples, b * SAMPLES, SAMPLES);
        }
        return manager.create(samples, new Shape(4, 1, SAMPLES));
    }

    /** The corpus NLL of a training pass, and the gradient it leaves on every parameter. */
    private static float corpusLoss(CnnGruBlock block, NDManager manager, Map<String, float[]> gradients) {
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDList out = block.forward(new ParameterStore(manager, false), new NDList(batch(manager)), true);
            NDArray loss = new SoftmaxCrossEntropyLoss("corpus", 1f, -1, true, false)
                .evaluate(new NDList(manager.create(CORPORA)), new NDList(out.get(1)));
            collector.backward(loss);
            if (gradients != null) {
                for (Pair<String, Parameter> p : block.getParameters()) {
                    if (p.getValue().requiresGradient()) {
                        gradients.put(p.getKey(), p.getValue().getArray().getGradient().toFloatArray());
                    }
                }
            }
            return loss.getFloat();
        }
    }

    @Test
    void evaluationGivesTheEmotionAloneAndTrainingAddsTheCorpusLogProbabilities() {
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock block = block(manager, 3, 0.5f);
            NDList eval = block.forward(new ParameterStore(manager, false), new NDList(batch(manager)), false);
            assertEquals(1, eval.size());
            assertEquals(new Shape(4, 4), eval.head().getShape());
            NDList train = block.forward(new ParameterStore(manager, false), new NDList(batch(manager)), true);
            assertEquals(2, train.size());
            assertEquals(new Shape(4, 3), train.get(1).getShape());
            float[] total = train.get(1).exp().sum(new int[] {1}).toFloatArray();
            assertArrayEquals(new float[] {1, 1, 1, 1}, total, 1e-5f);
        }
    }

    @Test
    void theNetworkGetsTheCorpusGradientReversedAndScaledByTheWeightWhileTheAdversaryGetsItWhole() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, float[]> half = new HashMap<>();
            Map<String, float[]> whole = new HashMap<>();
            Map<String, float[]> none = new HashMap<>();
            float l1 = corpusLoss(block(manager, 3, 0.5f), manager, half);
            float l2 = corpusLoss(block(manager, 3, 1f), manager, whole);
            corpusLoss(block(manager, 3, 0f), manager, none);
            assertEquals(l1, l2, 1e-6f, "the reversal changes gradients, not values");
            // DJL names a child's parameters after its position and name: 05fc1_weight
            String fc1 = name(whole, "fc1_weight");
            String adv = name(whole, "adv2_weight");
            assertTrue(max(whole.get(fc1)) > 0, "the corpus loss reaches the network");
            assertArrayEquals(scaled(whole.get(fc1), 0.5f), half.get(fc1), 1e-6f);
            assertEquals(0f, max(none.get(fc1)), "weight 0 stops it");
            assertArrayEquals(whole.get(adv), half.get(adv), 1e-7f);
            assertEquals(0f, max(whole.get(name(whole, "fc2_weight"))), "fc2 is not on the corpus's path");
        }
    }

    @Test
    void aStepDownTheNetworksGradientMakesTheCorporaHarderToTellApart() {
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock block = block(manager, 3, 1f);
            Map<String, float[]> gradients = new HashMap<>();
            float before = corpusLoss(block, manager, gradients);
            for (Pair<String, Parameter> p : block.getParameters()) {
                float[] g = gradients.get(p.getKey());
                if (g != null && !p.getKey().contains("adv")) {
                    NDArray array = p.getValue().getArray();
                    array.subi(manager.create(g, array.getShape()).mul(0.05f));
                }
            }
            float after = corpusLoss(block, manager, null);
            assertTrue(after > before, "corpus NLL " + before + " -> " + after);
        }
    }

    @Test
    void oneCorpusOrANegativeWeightIsRefused() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> CnnGru.builder()
            .setArchitecture(Architecture.CNN3).setNumClasses(4).optAdversary(1, 1f).build());
        assertTrue(one.getMessage().contains("at least 2 corpora"), one.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> CnnGru.builder()
            .setArchitecture(Architecture.CNN3).setNumClasses(4).optAdversary(2, -1f).build());
        assertTrue(negative.getMessage().contains("at least 0"), negative.getMessage());
    }

    private static String name(Map<String, float[]> gradients, String suffix) {
        return gradients.keySet().stream().filter(k -> k.endsWith(suffix)).findFirst()
            .orElseThrow(() -> new AssertionError("no parameter " + suffix + " in " + gradients.keySet()));
    }

    private static float max(float[] values) {
        float m = 0;
        for (float v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static float[] scaled(float[] values, float factor) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }
}
