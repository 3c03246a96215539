package io.auralis.ser.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.evaluator.Accuracy;

import org.junit.jupiter.api.Test;

class MultiTaskLossTest {

    /** Log-probabilities of three clips over two classes: p(0) = 0.9, 0.2 and 0.6. */
    private static NDArray emotion(NDManager m) {
        return m.create(new float[] {0.9f, 0.1f, 0.2f, 0.8f, 0.6f, 0.4f}, new Shape(3, 2)).log();
    }

    /** Three clips over the three arousal levels. */
    private static NDArray arousal(NDManager m) {
        return m.create(new float[] {0.5f, 0.25f, 0.25f, 0.1f, 0.1f, 0.8f, 0.2f, 0.7f, 0.1f}, new Shape(3, 3)).log();
    }

    @Test
    void clipsWithoutAClassOrAnArousalAddNothingToThatHeadsMean() {
        try (NDManager m = NDManager.newBaseManager()) {
            MultiTaskLoss loss = new MultiTaskLoss(false, 0.5f);
            // clip 1 is arousal-only (no class), clip 2 has no arousal (disgust)
            float value = loss.evaluate(new NDList(m.create(new long[] {0, -1, 1}), m.create(new long[] {0, 2, -1})),
                new NDList(emotion(m), arousal(m))).getFloat();
            double emotionNll = -(Math.log(0.9) + Math.log(0.4)) / 2;
            double arousalNll = -(Math.log(0.5) + Math.log(0.8)) / 2;
            assertEquals(emotionNll + 0.5 * arousalNll, value, 1e-5);
        }
    }

    @Test
    void withEveryLabelKnownTheEmotionTermIsThePublishedNll() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList labels = new NDList(m.create(new long[] {0, 1, 1}));
            float plain = new MultiTaskLoss(false, 0f).evaluate(labels, new NDList(emotion(m))).getFloat();
            float masked = MultiTaskLoss.knownLabelNll(labels.head(), emotion(m)).getFloat();
            assertEquals(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.4)) / 3, plain, 1e-6);
            assertEquals(plain, masked, 1e-6f);
            // a batch of arousal-only clips gives the emotion nothing, not a division by zero
            assertEquals(0f, MultiTaskLoss.knownLabelNll(m.create(new long[] {-1, -1, -1}), emotion(m)).getFloat(),
                0f);
        }
    }

    @Test
    void theCorpusComesBeforeTheArousalAndAMismatchedBatchIsNamed() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray corpus = m.create(new float[] {0.5f, 0.5f, 0.25f, 0.75f, 1f, 0f}, new Shape(3, 2)).log();
            float value = new MultiTaskLoss(true, 1f).evaluate(new NDList(m.create(new long[] {0, 1, 1}),
                m.create(new long[] {0, 1, 0}), m.create(new long[] {0, 2, 1})),
                new NDList(emotion(m), corpus, arousal(m))).getFloat();
            double expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.4)) / 3
                - (Math.log(0.5) + Math.log(0.75) + Math.log(1)) / 3
                - (Math.log(0.5) + Math.log(0.8) + Math.log(0.7)) / 3;
            assertEquals(expected, value, 1e-5);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MultiTaskLoss(true,
                1f).evaluate(new NDList(m.create(new long[] {0, 1, 1}), m.create(new long[] {0, 1, 0})),
                new NDList(emotion(m), corpus)));
            assertTrue(e.getMessage().contains("expected 3 (emotion, corpus, arousal)"), e.getMessage());
        }
    }

    @Test
    void accuracyCountsOnlyTheClipsThatHaveAClass() {
        try (NDManager m = NDManager.newBaseManager()) {
            Accuracy accuracy = new KnownLabelAccuracy();
            accuracy.addAccumulator("train");
            // clip 0 right, clip 1 arousal-only, clip 2 wrong
            accuracy.updateAccumulator("train", new NDList(m.create(new long[] {0, -1, 1})), new NDList(emotion(m)));
            assertEquals(0.5f, accuracy.getAccumulator("train"), 1e-6f);
            Accuracy djl = new Accuracy("accuracy", 1);
            djl.addAccumulator("train");
            NDList labels = new NDList(m.create(new long[] {0, 1, 1}));
            djl.updateAccumulator("train", labels, new NDList(emotion(m)));
            accuracy.resetAccumulator("train");
            accuracy.updateAccumulator("train", labels, new NDList(emotion(m)));
            assertEquals(djl.getAccumulator("train"), accuracy.getAccumulator("train"));
        }
    }
}
