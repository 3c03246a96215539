package io.auralis.api.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AudioBlockTest {

    @Test
    void aBlockKnowsWhereItSitsInTheFile() {
        AudioBlock b = new AudioBlock(new float[1024], 800, 32000, 16000);
        assertEquals(2.0, b.startTime());
        assertEquals(0.05, b.duration(), 1e-12);
        assertEquals(800, b.length());
    }

    @Test
    void impossibleBlocksAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AudioBlock(new float[10], 11, 0, 16000));
        assertThrows(IllegalArgumentException.class, () -> new AudioBlock(new float[10], -1, 0, 16000));
        assertThrows(IllegalArgumentException.class, () -> new AudioBlock(new float[10], 10, 0, 0));
    }

    @Test
    void formatErrorsAreOneLineNamingTheFile() {
        AudioFormatException e = new AudioFormatException("calls/a.wav", "truncated: data ends at byte 1200 of 4044");
        assertEquals("calls/a.wav: truncated: data ends at byte 1200 of 4044", e.getMessage());
        assertEquals("calls/a.wav", e.file());
        assertTrue(e.problem().startsWith("truncated"));
    }
}
