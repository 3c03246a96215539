package io.auralis.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.audio.AudioStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;

class ResamplingTest {

    @TempDir
    Path dir;

    private final AudioDecoderComponent decoder = new AudioDecoderComponent("ffmpeg");

    private Path sineFile(double frequency, double amplitude, int rate, int frames) throws IOException {
        return TestWav.ieeeFloat(32).rate(rate).data(TestWav.float32(TestWav.sine(frequency, amplitude, rate, frames)))
            .write(dir, "sine-" + frequency + "-" + rate + "-" + frames + ".wav");
    }

    private float[] decode(Path file, int rate, int bufferSize) throws IOException {
        try (AudioStream stream = decoder.open(file, rate)) {
            assertEquals(rate, stream.sampleRate());
            return Samples.readAll(stream, bufferSize);
        }
    }

    @Test
    void downsampling441To16kHzKeepsFrequencyAmplitudeAndLength() throws IOException {
        float[] out = decode(sineFile(1000, 0.5, 44100, 88200), 16000, 4096);
        assertEquals(32000, out.length);
        assertEquals(1000, zeroCrossingFrequency(out, 16000, 200), 0.05);
        assertEquals(0.5 / Math.sqrt(2), rms(out, 200, out.length - 200), 0.005);
    }

    @Test
    void upsampling8To16kHzKeepsFrequencyAmplitudeAndLength() throws IOException {
        float[] out = decode(sineFile(1000, 0.8, 8000, 16001), 16000, 4096);
        assertEquals(32002, out.length);
        assertEquals(1000, zeroCrossingFrequency(out, 16000, 200), 0.05);
        assertEquals(0.8 / Math.sqrt(2), rms(out, 200, out.length - 200), 0.008);
    }

    @ParameterizedTest
    @CsvSource({"44100, 16000", "48000, 16000", "8000, 16000", "16000, 44100", "22050, 16000", "8000, 96000"})
    void theOutputIsAlignedWithTheInputWithoutFilterDelay(int from, int to) throws IOException {
        double frequency = 440;
        float[] out = decode(sineFile(frequency, 0.5, from, from), to, 4096);
        // Output sample k is the input at time k / to; a filter delay would shift the phase by many samples.
        double worst = 0;
        for (int k = 300; k < out.length - 300; k++) {
            worst = Math.max(worst, Math.abs(out[k] - 0.5 * Math.sin(2 * Math.PI * frequency * k / to)));
        }
        assertTrue(worst < 2e-3, "largest deviation from the ideal resampled sine: " + worst);
        // The first output sample is the first input sample's instant: sin(0) = 0, not a ramp from a delay line.
        assertEquals(0.0, out[0], 0.05);
        assertEquals(0.5 * Math.sin(2 * Math.PI * frequency * 20 / to), out[20], 0.02);
    }

    @ParameterizedTest
    @CsvSource({"44100, 16000", "48000, 16000", "8000, 16000", "16000, 8000", "11025, 44100", "96000, 16000"})
    void theOutputLengthIsTheRoundedDurationAtTheNewRate(int from, int to) throws IOException {
        for (int frames : new int[] {1, 2, 3, 7, 50, 1001, 44101, 100_000}) {
            Path file = TestWav.pcm(16).rate(from).data(new byte[2 * frames]).write(dir, frames + ".wav");
            assertEquals(Math.round(frames * (double) to / from), decode(file, to, 1000).length,
                frames + " frames from " + from + " to " + to + " Hz");
        }
    }

    @Test
    void tonesAboveTheNewNyquistFrequencyAreFilteredOut() throws IOException {
        // 12 kHz cannot exist at 16 kHz; without a low-pass it would alias to 4 kHz at full strength.
        float[] out = decode(sineFile(12000, 0.5, 44100, 44100), 16000, 4096);
        assertTrue(rms(out, 200, out.length - 200) < 0.5 / Math.sqrt(2) * 0.01,
            "aliased energy: " + rms(out, 200, out.length - 200));
    }

    @Test
    void tinyAndHugeReadsDeliverTheSameResampledSamples() throws IOException {
        Path file = sineFile(300, 0.3, 44100, 100_000);
        float[] tiny = decode(file, 16000, 1);
        float[] odd = decode(file, 16000, 777);
        float[] huge = decode(file, 16000, 1 << 20);
        assertArrayEquals(huge, tiny);
        assertArrayEquals(huge, odd);
    }

    @Test
    void theSameRateIsPassedThroughUnchanged() throws IOException {
        float[] sine = TestWav.sine(1000, 0.5, 16000, 5000);
        Path file = TestWav.ieeeFloat(32).data(TestWav.float32(sine)).write(dir, "same.wav");
        assertArrayEquals(sine, decode(file, 16000, 333));
    }

    /** Frequency from the first and last rising zero crossings, interpolated between samples. */
    static double zeroCrossingFrequency(float[] x, int rate, int margin) {
        double first = -1;
        double last = -1;
        int crossings = 0;
        for (int i = margin; i < x.length - margin - 1; i++) {
            if (x[i] < 0 && x[i + 1] >= 0) {
                double t = i + x[i] / (double) (x[i] - x[i + 1]);
                if (first < 0) {
                    first = t;
                }
                last = t;
                crossings++;
            }
        }
        return (crossings - 1) / ((last - first) / rate);
    }

    static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i] * (double) x[i];
        }
        return Math.sqrt(sum / (to - from));
    }
}
