package io.auralis.ser.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrainingOptionsTest {

    @Test
    void theDefaultsAreThePublishedProtocol() {
        TrainingOptions o = new TrainingOptions();
        o.architecture = "cnn18gru";
        assertEquals(List.of(), o.problems());
        assertEquals(50, o.epochs);
        assertEquals(32, o.batchSize);
        assertEquals(1e-3, o.learningRate);
        assertEquals(1e-5, o.weightDecay);
        assertEquals(20, o.stepEpochs);
        assertEquals(0.1, o.gamma);
        assertEquals(64, o.hidden);
        assertEquals(1, o.layers);
        assertEquals(0.0, o.dropout);
        assertTrue(o.protocol().startsWith("Adam (lr 0.001, weight decay 1e-5), learning rate x0.1 every 20 epochs"),
            o.protocol());
    }

    @Test
    void zeroEpochsAndOtherBadValuesAreProblemsNamingTheOption() {
        TrainingOptions o = new TrainingOptions();
        o.architecture = "cnn7gru";
        o.epochs = 0;
        o.batchSize = -1;
        o.learningRate = 0;
        o.dropout = 1;
        o.device = "tpu";

        List<String> problems = o.problems();

        assertEquals(6, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("--arch: unknown architecture 'cnn7gru'"), problems.get(0));
        assertEquals("--epochs must be at least 1, got 0", problems.get(1));
        assertEquals("--batch-size must be at least 1, got -1", problems.get(2));
        assertTrue(problems.get(3).startsWith("--lr must be positive"), problems.get(3));
        assertTrue(problems.get(4).startsWith("--dropout must be in [0, 1)"), problems.get(4));
        assertTrue(problems.get(5).startsWith("--device: unknown device 'tpu'"), problems.get(5));
    }
}
