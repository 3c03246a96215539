package io.auralis.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioStream;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads whole streams for tests, and checks how they fail. */
public final class Samples {
    private Samples() {
    }

    /** Reads a stream to its end in reads of {@code bufferSize} samples, checking the read contract on the way. */
    public static float[] readAll(AudioStream stream, int bufferSize) throws IOException {
        float[] all = new float[1024];
        int total = 0;
        float[] buffer = new float[bufferSize + 3];
        while (true) {
            // An offset of 3 checks that offsets are honoured.
            int n = stream.read(buffer, 3, bufferSize);
            if (n < 0) {
                break;
            }
            if (n == 0 || n > bufferSize) {
                throw new AssertionError("read returned " + n + " for a request of " + bufferSize);
            }
            if (total + n > all.length) {
                all = Arrays.copyOf(all, Math.max(2 * all.length, total + n));
            }
            System.arraycopy(buffer, 3, all, total, n);
            total += n;
        }
        if (stream.read(buffer, 0, bufferSize) != -1) {
            throw new AssertionError("a stream at its end must keep returning -1");
        }
        return Arrays.copyOf(all, total);
    }

    /**
     * Checks that opening a file at 16 kHz and reading it to its end fails with one line that names the file and
     * contains the problem.
     */
    public static AudioFormatException failsWhileDecoding(AudioDecoder decoder, Path file, String problem) {
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> {
            try (AudioStream stream = decoder.open(file, 16000)) {
                readAll(stream, 4096);
            }
        });
        assertEquals(file.toString(), e.file());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.problem().contains(problem), "expected '" + problem + "' in: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }
}
