package io.auralis.ser.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class OptimisationTest {

    @Test
    void theLossIsTheNegativeLogLikelihoodOfTheTrueClass() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logProbabilities = m.create(new float[] {0.7f, 0.2f, 0.1f, 0.1f, 0.1f, 0.8f}, new Shape(2, 3))
                .log();
            NDArray labels = m.create(new long[] {0, 2});

            float loss = TrainerFactory.loss(new TrainingOptions()).evaluate(new NDList(labels), new NDList(logProbabilities)).getFloat();

            assertEquals(-(Math.log(0.7) + Math.log(0.8)) / 2, loss, 1e-6);
            NDArray uniform = m.full(new Shape(4, 7), (float) Math.log(1.0 / 7));
            assertEquals(Math.log(7), TrainerFactory.loss(new TrainingOptions()).evaluate(new NDList(m.create(new long[] {0, 1, 2, 6})),
                new NDList(uniform)).getFloat(), 1e-6);
        }
    }

    @Test
    void resumableAdamUpdatesExactlyAsDjlsAdam() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] start = {0.5f, -1.0f, 2.0f};
            NDArray a = m.create(start);
            NDArray b = m.create(start);
            Optimizer reference = Adam.builder().optLearningRateTracker(Tracker.fixed(0.01f)).optWeightDecays(1e-2f)
                .build();
            ResumableAdam ours = ResumableAdam.builder().optLearningRateTracker(Tracker.fixed(0.01f))
                .optWeightDecays(1e-2f).build();
            for (int step = 0; step < 5; step++) {
                NDArray grad = m.create(new float[] {0.1f * step, -0.3f, 1.0f / (step + 1)});
                reference.update("w", a, grad);
                ours.update("w", b, grad);
            }
            assertArrayEquals(a.toFloatArray(), b.toFloatArray(), 0f);
            assertEquals(5, ours.updates());
        }
    }

    @Test
    void savedAdamStateContinuesAsIfNeverInterrupted() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            Block block = Linear.builder().setUnits(2).build();
            block.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 3));
            Parameter weight = block.getParameters().get("weight");
            Parameter bias = block.getParameters().get("bias");
            NDArray w0 = weight.getArray().duplicate();
            NDArray b0 = bias.getArray().duplicate();

            // Uninterrupted: four updates.
            ResumableAdam straight = ResumableAdam.builder().optLearningRateTracker(Tracker.fixed(0.05f)).build();
            NDArray w = w0.duplicate();
            NDArray bb = b0.duplicate();
            for (int step = 0; step < 4; step++) {
                straight.update(weight.getId(), w, gradient(m, step, w.getShape()));
                straight.update(bias.getId(), bb, gradient(m, step + 10, bb.getShape()));
            }

            // Interrupted after two updates, saved, and resumed by a new optimiser.
            ResumableAdam first = ResumableAdam.builder().optLearningRateTracker(Tracker.fixed(0.05f)).build();
            weight.getArray().set(w0.toFloatArray());
            bias.getArray().set(b0.toFloatArray());
            for (int step = 0; step < 2; step++) {
                first.update(weight.getId(), weight.getArray(), gradient(m, step, w0.getShape()));
                first.update(bias.getId(), bias.getArray(), gradient(m, step + 10, b0.getShape()));
            }
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            first.save(block, new DataOutputStream(saved));
            ResumableAdam second = ResumableAdam.builder().optLearningRateTracker(Tracker.fixed(0.05f))
                .optBeginNumUpdate(first.updates()).build();
            int updates = second.load(block, m, Device.cpu(),
                new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));
            assertEquals(2, updates);
            for (int step = 2; step < 4; step++) {
                second.update(weight.getId(), weight.getArray(), gradient(m, step, w0.getShape()));
                second.update(bias.getId(), bias.getArray(), gradient(m, step + 10, b0.getShape()));
            }

            assertArrayEquals(w.toFloatArray(), weight.getArray().toFloatArray(), 0f);
            assertArrayEquals(bb.toFloatArray(), bias.getArray().toFloatArray(), 0f);
            assertEquals(4, second.updates());
        }
    }

    private static NDArray gradient(NDManager m, int step, Shape shape) {
        float[] g = new float[(int) shape.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) Math.sin(step * 1.7 + i);
        }
        return m.create(g, shape);
    }
}
