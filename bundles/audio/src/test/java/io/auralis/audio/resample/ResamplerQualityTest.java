package io.auralis.audio.resample;

import static io.auralis.audio.resample.Signals.amplitude;
import static io.auralis.audio.resample.Signals.db;
import static io.auralis.audio.resample.Signals.resample;
import static io.auralis.audio.resample.Signals.rms;
import static io.auralis.audio.resample.Signals.tone;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

/**
 * The polyphase resampler's quality, measured on its output: passband flatness, stopband attenuation, images and
 * the aliasing of a sweep. The figures are printed for {@code docs/benchmarks.md}.
 */
class ResamplerQualityTest {

    private static final double AMPLITUDE = 0.5;

    /** Output samples left out at each end, where the filter straddles the start or end of the input. */
    private static int margin(int from, int to) {
        PolyphaseFilter filter = PolyphaseFilter.design(from, to);
        return (int) Math.ceil(filter.half() * (double) to / from) + 2;
    }

    @ParameterizedTest
    @CsvSource({"48000, 16000", "44100, 16000", "32000, 16000", "24000, 16000", "22050, 16000", "8000, 16000",
        "16000, 48000", "16000, 44100", "16000, 32000", "16000, 24000", "16000, 22050", "16000, 8000",
        "96000, 16000", "11025, 44100"})
    void thePassbandIsFlatWithinATenthOfADecibelTo875PercentOfTheLowerNyquist(int from, int to) throws IOException {
        double edge = PolyphaseFilter.PASSBAND * Math.min(from, to) / 2;
        int margin = margin(from, to);
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 40; i++) {
            double f = i == 0 ? 20 : edge * i / 40;
            float[] out = resample(tone(f, AMPLITUDE, from, from), from, to);
            double gain = db(amplitude(out, margin, out.length - margin, f, to) / AMPLITUDE);
            lowest = Math.min(lowest, gain);
            highest = Math.max(highest, gain);
        }
        System.out.printf("passband %d -> %d Hz, 20 Hz to %.0f Hz: gain from %+.5f to %+.5f dB%n", from, to, edge,
            lowest, highest);
        assertTrue(highest - lowest <= 0.1 && lowest >= -0.1 && highest <= 0.1,
            "gain from " + lowest + " to " + highest + " dB");
    }

    @ParameterizedTest
    @CsvSource({"48000, 16000", "44100, 16000", "32000, 16000", "24000, 16000", "22050, 16000", "96000, 16000",
        "16000, 8000", "48000, 44100"})
    void tonesAboveTheNewNyquistFrequencyAreAttenuatedByAtLeast80Db(int from, int to) throws IOException {
        double nyquist = to / 2.0;
        int margin = margin(from, to);
        double worst = Double.NEGATIVE_INFINITY;
        double worstAt = 0;
        // From the new Nyquist frequency, where the stopband starts, to just below the input's.
        for (double f = nyquist; f < from / 2.0 - 50; f += 125) {
            float[] out = resample(tone(f, AMPLITUDE, from, from), from, to);
            // Whatever comes out is aliasing: the whole output, not one frequency, is measured.
            double level = db(rms(out, margin, out.length - margin) / (AMPLITUDE / Math.sqrt(2)));
            if (level > worst) {
                worst = level;
                worstAt = f;
            }
        }
        System.out.printf("stopband %d -> %d Hz, %.0f Hz to %.0f Hz: worst %.1f dB (at %.0f Hz)%n", from, to,
            nyquist, from / 2.0, worst, worstAt);
        assertTrue(worst <= -80, "a tone at " + worstAt + " Hz comes out at " + worst + " dB");
    }

    @ParameterizedTest
    @CsvSource({"16000, 48000", "16000, 44100", "16000, 32000", "8000, 16000", "16000, 22050"})
    void upsamplingAddsNoImagesOfPassbandTones(int from, int to) throws IOException {
        double edge = PolyphaseFilter.PASSBAND * from / 2;
        int margin = margin(from, to);
        double worst = Double.NEGATIVE_INFINITY;
        double worstAt = 0;
        for (int i = 1; i <= 28; i++) {
            double f = edge * i / 28;
            float[] out = resample(tone(f, AMPLITUDE, from, from), from, to);
            // What is not the tone itself: its images above the old Nyquist frequency, and any other error.
            float[] ideal = tone(f, AMPLITUDE, to, out.length);
            float[] residual = new float[out.length];
            for (int k = 0; k < out.length; k++) {
                residual[k] = out[k] - ideal[k];
            }
            double level = db(rms(residual, margin, out.length - margin) / (AMPLITUDE / Math.sqrt(2)));
            if (level > worst) {
                worst = level;
                worstAt = f;
            }
        }
        System.out.printf("images %d -> %d Hz, tones to %.0f Hz: worst residual %.1f dB (at %.0f Hz)%n", from, to,
            edge, worst, worstAt);
        assertTrue(worst <= -80, "a tone at " + worstAt + " Hz leaves " + worst + " dB of error");
    }

    @ParameterizedTest
    @CsvSource({"48000, 16000", "44100, 16000", "32000, 16000", "22050, 16000"})
    void aSweepThroughTheWholeInputBandAliasesNothingAbove80DbBelowIt(int from, int to) throws IOException {
        int frames = 4 * from;
        double top = from / 2.0;
        float[] out = resample(Signals.sweep(top, AMPLITUDE, from, frames), from, to);
        SweepFigures figures = SweepFigures.of(out, from, frames, to);
        System.out.printf("sweep %d -> %d Hz: passband error %.1f dB, aliasing above %.0f Hz %.1f dB%n", from, to,
            figures.passbandErrorDb(), to / 2.0, figures.aliasDb());
        assertTrue(figures.aliasDb() <= -80, "aliasing of the sweep: " + figures.aliasDb() + " dB");
        assertTrue(figures.passbandErrorDb() <= -60, "error below 7 kHz: " + figures.passbandErrorDb() + " dB");
    }
}
