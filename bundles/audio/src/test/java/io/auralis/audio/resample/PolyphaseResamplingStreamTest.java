package io.auralis.audio.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.audio.AudioStream;
import io.auralis.audio.Samples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.Random;

class PolyphaseResamplingStreamTest {

    private static float[] noise(int frames, long seed) {
        Random random = new Random(seed);
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (random.nextGaussian() * 0.3);
        }
        return x;
    }

    private static float[] resample(float[] x, int from, int to, int bufferSize) throws IOException {
        try (AudioStream stream = new PolyphaseResamplingStream(LoopedStream.of(from, x),
            PolyphaseFilter.design(from, to))) {
            return Samples.readAll(stream, bufferSize);
        }
    }

    /** Output {@code k} computed directly: the phase's taps times the inputs around instant {@code k * down / up}. */
    private static double direct(PolyphaseFilter filter, float[] x, long k) {
        long position = k * filter.down();
        long first = position / filter.up() - filter.half() + 1;
        int phase = (int) (position % filter.up());
        float[] row = filter.row(phase, new float[filter.taps()]);
        int c = filter.offset(phase);
        double sum = 0;
        for (int j = 0; j < filter.taps(); j++) {
            long n = first + j;
            if (n >= 0 && n < x.length) {
                sum += row[c + j] * (double) x[(int) n];
            }
        }
        return sum;
    }

    @ParameterizedTest
    @CsvSource({"48000, 16000", "44100, 16000", "22050, 16000", "8000, 16000", "16000, 44100", "16000, 48000",
        "11025, 96000", "96000, 11025", "48001, 16001", "16000, 48001"})
    void everyOutputIsThePhaseFilterAppliedAtItsExactInstant(int from, int to) throws IOException {
        // Several blocks and a partial one at the end; 48001 <-> 16001 have too many phases to tabulate, so their
        // phases are computed as they are used (slowly, hence a shorter input: their blocks are long anyway).
        boolean common = from % 1000 == 0 || from % 11025 == 0;
        float[] x = noise(common ? from * 5 / 2 + 17 : 12_011, from);
        PolyphaseFilter filter = PolyphaseFilter.design(from, to);
        float[] out = resample(x, from, to, 1000);
        assertEquals(Math.round(x.length * (double) to / from), out.length);
        double worst = 0;
        for (int k = 0; k < out.length; k++) {
            worst = Math.max(worst, Math.abs(out[k] - direct(filter, x, k)));
        }
        assertTrue(worst < 1e-5, "largest difference from the direct sum: " + worst);
    }

    @ParameterizedTest
    @CsvSource({"48000, 16000", "44100, 16000", "16000, 44100", "1000, 256000", "256000, 1000", "11025, 96000"})
    void theLengthIsTheRoundedDurationAtTheNewRate(int from, int to) throws IOException {
        for (int frames : new int[] {0, 1, 2, 3, 5, 441, 1000, 4097, 65537, 200_003}) {
            if ((long) frames * to / from > 4_000_000) {
                continue;
            }
            float[] out = resample(new float[frames], from, to, 4096);
            assertEquals(Math.round(frames * (double) to / from), out.length, frames + " frames");
        }
    }

    @Test
    void anHourOfAudioEndsInPhaseWithTheStart() throws IOException {
        // 441 Hz at 44.1 kHz repeats every 100 samples exactly, so an hour is the same period looped.
        float[] period = Signals.tone(441, 0.5, 44100, 100);
        long frames = 3600L * 44100;
        try (AudioStream stream = new PolyphaseResamplingStream(new LoopedStream(44100, period, frames),
            PolyphaseFilter.design(44100, 16000))) {
            float[] buffer = new float[1 << 16];
            long k = 0;
            double worst = 0;
            long checked = 0;
            long last = 3600L * 16000;
            int n;
            while ((n = stream.read(buffer, 0, buffer.length)) > 0) {
                for (int i = 0; i < n; i++, k++) {
                    // Away from the two ends, where the input starts and stops abruptly.
                    if (k >= 200 && k < last - 200 && (k < 16000 || k >= last - 16000)) {
                        // 441 k / 16000 cycles, reduced exactly: no rounding grows with k.
                        double phase = (441 * k % 16000) / 16000.0;
                        worst = Math.max(worst, Math.abs(buffer[i] - 0.5 * Math.sin(2 * Math.PI * phase)));
                        checked++;
                    }
                }
            }
            assertEquals(last, k);
            assertEquals(2 * (16000 - 200), checked);
            assertTrue(worst < 1e-4, "largest deviation from the ideal tone in the first and last second: " + worst);
        }
    }

    @Test
    void readsOfAnySizeDeliverTheSameSamples() throws IOException {
        float[] x = noise(100_000, 7);
        float[] whole = resample(x, 44100, 16000, 1 << 20);
        assertArrayEquals(whole, resample(x, 44100, 16000, 1));
        assertArrayEquals(whole, resample(x, 44100, 16000, 777));
    }

    @Test
    void aFilterForAnotherRateIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PolyphaseResamplingStream(
            LoopedStream.of(44100, new float[10]), PolyphaseFilter.design(48000, 16000)));
    }

    @Test
    void theFilterLengthFollowsTheDecimationFactor() {
        assertEquals(276, PolyphaseFilter.design(48000, 16000).taps());
        assertEquals(252, PolyphaseFilter.design(44100, 16000).taps());
        assertEquals(92, PolyphaseFilter.design(16000, 48000).taps());
        assertEquals(160, PolyphaseFilter.design(44100, 16000).up());
        assertEquals(441, PolyphaseFilter.design(44100, 16000).down());
    }
}
