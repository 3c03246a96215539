package io.auralis.host.distribution;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * Writes PCM WAV files (canonical 44-byte header) from a signal given as a function of time, so that tests of the
 * real decoder can use any rate, channel count and sample size without fixtures.
 */
public final class GeneratedWav {
    private GeneratedWav() {
    }

    /**
     * Writes a WAV file; every channel carries the same signal.
     *
     * @param file where to write
     * @param rate frames per second
     * @param channels channel count
     * @param bits 16 or 24
     * @param seconds length
     * @param signal sample value in [-1, 1] at a time in seconds
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, int rate, int channels, int bits, double seconds, DoubleUnaryOperator signal)
            throws IOException {
        if (bits != 16 && bits != 24) {
            throw new IllegalArgumentException("16 or 24 bits, not " + bits);
        }
        int frames = (int) Math.round(seconds * rate);
        int bytesPerSample = bits / 8;
        ByteBuffer out = ByteBuffer.allocate(44 + frames * channels * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
        int dataBytes = out.capacity() - 44;
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
            .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
            .putShort((short) channels).putInt(rate).putInt(rate * channels * bytesPerSample)
            .putShort((short) (channels * bytesPerSample)).putShort((short) bits)
            .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        double full = bits == 16 ? 32767 : 8388607;
        for (int i = 0; i < frames; i++) {
            double s = Math.max(-1, Math.min(1, signal.applyAsDouble(i / (double) rate)));
            int v = (int) Math.round(s * full);
            for (int c = 0; c < channels; c++) {
                if (bits == 16) {
                    out.putShort((short) v);
                } else {
                    out.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
                }
            }
        }
        Files.write(file, out.array());
    }

    /**
     * A voice-like signal: a harmonic-rich buzz whose f0 wavers around {@code f0} by 20 %, on during
     * {@code [onset, offset)} and quiet noise (-60 dBFS) elsewhere, so that the segmenter finds speech and
     * pitch trackers find {@code f0}.
     *
     * @param f0 the mean fundamental, Hz
     * @param onset when the buzz starts, seconds
     * @param offset when it stops, seconds
     * @param seed the noise's seed
     * @return the signal
     */
    public static DoubleUnaryOperator voice(double f0, double onset, double offset, long seed) {
        Random noise = new Random(seed);
        return t -> {
            double s = 0;
            if (t >= onset && t < offset) {
                // The phase of a wavering f0 is its integral: f0 * (t - 0.2 / (2 pi 0.7) cos(2 pi 0.7 t)).
                double phase = 2 * Math.PI * f0 * (t - 0.2 / (2 * Math.PI * 0.7) * Math.cos(2 * Math.PI * 0.7 * t));
                for (int h = 1; h <= 8; h++) {
                    s += Math.sin(h * phase) / h;
                }
                s *= 0.15;
            }
            return s + 0.001 * noise.nextGaussian();
        };
    }
}
