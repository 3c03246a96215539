package io.auralis.extractors;

import io.auralis.api.audio.AudioStream;
import io.auralis.audio.AudioDecoderComponent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/** Files of the real corpora (found with the test kit's {@code Corpora}) decoded with the platform's decoder. */
public final class Decoding {
    private Decoding() {
    }

    /**
     * Decodes a whole file to mono at a rate, as the host does before framing.
     *
     * @param file the file
     * @param rate the analysis rate
     * @return the samples
     * @throws IOException if it cannot be decoded
     */
    public static float[] decode(Path file, int rate) throws IOException {
        try (AudioStream stream = new AudioDecoderComponent().open(file, rate)) {
            float[] buffer = new float[1 << 16];
            int total = 0;
            int n;
            while ((n = stream.read(buffer, total, buffer.length - total)) > 0) {
                total += n;
                if (total == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
            return Arrays.copyOf(buffer, total);
        }
    }
}
