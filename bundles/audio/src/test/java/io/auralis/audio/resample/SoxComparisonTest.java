package io.auralis.audio.resample;

import static io.auralis.audio.resample.Signals.db;
import static io.auralis.audio.resample.Signals.resample;
import static io.auralis.audio.resample.Signals.rms;
import static io.auralis.audio.resample.Signals.tone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.auralis.api.audio.AudioStream;
import io.auralis.audio.AudioDecoderComponent;
import io.auralis.audio.Samples;
import io.auralis.audio.TestWav;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Compares the polyphase resampler with sox's high-quality one ({@code rate -h}) on the same signals, measured the
 * same way; skipped where sox is not installed (as on CI). The figures are printed for {@code docs/benchmarks.md}.
 */
class SoxComparisonTest {

    private static final double AMPLITUDE = 0.5;

    @TempDir
    static Path dir;

    @BeforeAll
    static void soxIsInstalled() {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean found = List.of(path.split(File.pathSeparator)).stream()
            .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, "sox")));
        assumeTrue(found, "sox is not installed");
    }

    /** Resamples with {@code sox rate -h}, writing 32-bit float so that sox adds no dither. */
    private static float[] sox(float[] x, int from, int to) throws IOException, InterruptedException {
        Path in = TestWav.ieeeFloat(32).rate(from).data(TestWav.float32(x)).write(dir, "in.wav");
        Path out = dir.resolve("out.wav");
        Process process = new ProcessBuilder("sox", in.toString(), "-e", "floating-point", "-b", "32",
            out.toString(), "rate", "-h", Integer.toString(to)).redirectErrorStream(true).start();
        String messages = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), "sox: " + messages);
        try (AudioStream stream = new AudioDecoderComponent("ffmpeg").open(out, to)) {
            return Samples.readAll(stream, 4096);
        }
    }

    @ParameterizedTest
    @CsvSource({"48000, 16000", "44100, 16000", "22050, 16000"})
    void aSweepAliasesNoMoreThan80DbLikeSoxsHighQualityResampler(int from, int to) throws Exception {
        int frames = 4 * from;
        float[] sweep = Signals.sweep(from / 2.0, AMPLITUDE, from, frames);
        SweepFigures ours = SweepFigures.of(resample(sweep, from, to), from, frames, to);
        SweepFigures theirs = SweepFigures.of(sox(sweep, from, to), from, frames, to);
        System.out.printf("sweep %d -> %d Hz: polyphase passband error %.1f dB, aliasing %.1f dB; "
                + "sox -h passband error %.1f dB, aliasing %.1f dB%n", from, to, ours.passbandErrorDb(),
            ours.aliasDb(), theirs.passbandErrorDb(), theirs.aliasDb());
        assertTrue(ours.aliasDb() <= -80, "aliasing " + ours.aliasDb() + " dB");
    }

    @ParameterizedTest
    @CsvSource({"48000, 16000", "44100, 16000"})
    void stopbandTonesAreAttenuatedAtLeast80DbAsWithSox(int from, int to) throws Exception {
        int margin = 400;
        double oursWorst = Double.NEGATIVE_INFINITY;
        double soxWorst = Double.NEGATIVE_INFINITY;
        for (double f = to / 2.0 + 125; f < from / 2.0 - 50; f += 250) {
            float[] x = tone(f, AMPLITUDE, from, from);
            float[] ours = resample(x, from, to);
            float[] theirs = sox(x, from, to);
            double level = AMPLITUDE / Math.sqrt(2);
            oursWorst = Math.max(oursWorst, db(rms(ours, margin, ours.length - margin) / level));
            soxWorst = Math.max(soxWorst, db(rms(theirs, margin, theirs.length - margin) / level));
        }
        System.out.printf("stopband %d -> %d Hz, tones from %.0f Hz: polyphase worst %.1f dB, sox -h worst %.1f dB%n",
            from, to, to / 2.0 + 125, oursWorst, soxWorst);
        assertTrue(oursWorst <= -80, "worst stopband tone: " + oursWorst + " dB");
    }

    @ParameterizedTest
    @CsvSource({"48000, 16000", "44100, 16000", "16000, 48000"})
    void onAudioBelow7KHzTheTwoResamplersAgreeSampleForSample(int from, int to) throws Exception {
        // Band-limited noise: random tones below 6.5 kHz, so that neither filter's edge is involved.
        Random random = new Random(3);
        float[] x = new float[2 * from];
        for (int t = 0; t < 40; t++) {
            double frequency = 50 + random.nextDouble() * 6450;
            double phase = random.nextDouble() * 2 * Math.PI;
            for (int n = 0; n < x.length; n++) {
                x[n] += (float) (0.02 * Math.sin(2 * Math.PI * frequency * n / from + phase));
            }
        }
        float[] ours = resample(x, from, to);
        float[] theirs = sox(x, from, to);
        assertEquals(ours.length, theirs.length, "lengths");
        int margin = 400;
        float[] difference = new float[ours.length];
        for (int k = 0; k < ours.length; k++) {
            difference[k] = ours[k] - theirs[k];
        }
        double level = db(rms(difference, margin, ours.length - margin) / rms(ours, margin, ours.length - margin));
        System.out.printf("agreement %d -> %d Hz: polyphase minus sox -h, %.1f dB below the signal%n", from, to,
            -level);
        assertTrue(level <= -90, "the outputs differ by " + level + " dB");
    }
}
