package io.auralis.ser.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StepLrTrackerTest {

    @Test
    void theRateDropsExactlyAtEveryStepEpochBoundary() {
        // 10 updates per epoch, decay by 10 every 20 epochs: updates 1..200 are epochs 0..19.
        StepLrTracker tracker = new StepLrTracker(1e-3f, 0.1f, 20, 10);

        assertEquals(1e-3, tracker.getNewValue(1), 1e-9);
        assertEquals(1e-3, tracker.getNewValue(200), 1e-9);
        assertEquals(1e-4, tracker.getNewValue(201), 1e-10);
        assertEquals(1e-4, tracker.getNewValue(400), 1e-10);
        assertEquals(1e-5, tracker.getNewValue(401), 1e-11);
        assertEquals(1e-4, tracker.valueAtEpoch(20), 1e-10);
        assertEquals(1e-3, tracker.valueAtEpoch(19), 1e-9);
    }

    @Test
    void everyUpdateOfAnEpochUsesTheSameRate() {
        StepLrTracker tracker = new StepLrTracker(0.01f, 0.5f, 1, 7);
        for (int epoch = 0; epoch < 4; epoch++) {
            float expected = (float) (0.01 * Math.pow(0.5, epoch));
            for (int u = 1; u <= 7; u++) {
                assertEquals(expected, tracker.getNewValue(epoch * 7 + u), 1e-9, "epoch " + epoch + " update " + u);
            }
        }
    }
}
