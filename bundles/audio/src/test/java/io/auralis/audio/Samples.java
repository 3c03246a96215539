package io.auralis.audio;

import io.auralis.api.audio.AudioStream;

import java.io.IOException;
import java.util.Arrays;

/** Reads whole streams for tests. */
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
}
