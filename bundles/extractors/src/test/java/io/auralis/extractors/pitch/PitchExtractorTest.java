package io.auralis.extractors.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.Feature;
import io.auralis.extractors.Signals;
import io.auralis.testkit.ExtractorHarness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

class PitchExtractorTest {
    private static final int RATE = 16000;

    private static ExtractorHarness pitch(String algorithm) {
        return ExtractorHarness.of(new PitchExtractor()).with(PitchExtractor.ALGORITHM, algorithm);
    }

    private static void assertAllWithin(List<Feature> f0, double expected, double tolerance) {
        for (Feature f : f0) {
            assertEquals(expected, f.values[0], expected * tolerance, "f0 at " + f.time);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"yin", "fastyin", "mpm"})
    void sineAt220HzIsDetectedWithinOnePercent(String algorithm) throws ExtractionException {
        ExtractorHarness.Result r = pitch(algorithm).run(Signals.sine(220, 0.5, 1.0, RATE));
        List<Feature> f0 = r.get(PitchExtractor.F0);
        List<Feature> voicing = r.get(PitchExtractor.VOICING);
        assertTrue(f0.size() >= 0.9 * voicing.size(), f0.size() + " of " + voicing.size() + " blocks voiced");
        assertAllWithin(f0, 220, 0.01);
    }

    /**
     * Pure tones whose period is a whole number of samples (100 and 200 Hz at 16 kHz) make the difference function
     * exactly 0 at the period; TarsosDSP's FastYin then rejected every frame. 440 Hz is the non-integer control.
     */
    @ParameterizedTest
    @CsvSource({"yin,100", "yin,200", "yin,440", "fastyin,100", "fastyin,200", "fastyin,440",
        "mpm,100", "mpm,200", "mpm,440"})
    void pureSineWithoutNoiseIsVoicedInEveryBlock(String algorithm, double frequency) throws ExtractionException {
        assertEveryBlockVoicedAt(pitch(algorithm).run(Signals.sine(frequency, 0.5, 1.0, RATE)), frequency);
    }

    /** As a 24-bit file decodes: the same exact periodicity, quantised far below anything audible. */
    @ParameterizedTest
    @CsvSource({"yin,200", "fastyin,100", "fastyin,200", "fastyin,440", "mpm,200"})
    void pureSineQuantisedToTwentyFourBitsIsVoicedInEveryBlock(String algorithm, double frequency)
            throws ExtractionException {
        float[] audio = Signals.sine(frequency, 0.5, 1.0, RATE);
        double scale = 1 << 23;
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (float) (Math.round(audio[i] * scale) / scale);
        }
        assertEveryBlockVoicedAt(pitch(algorithm).run(audio), frequency);
    }

    /** Dither at the level of 16-bit quantisation (-98 dBFS) breaks the exact periodicity; the pitch stays. */
    @ParameterizedTest
    @CsvSource({"yin,200", "fastyin,100", "fastyin,200", "fastyin,440", "mpm,200"})
    void pureSineWithDitherIsVoicedInEveryBlock(String algorithm, double frequency) throws ExtractionException {
        float[] audio = Signals.sine(frequency, 0.5, 1.0, RATE);
        float[] dither = Signals.noise(Signals.amplitude(-98), 1.0, RATE, 3);
        for (int i = 0; i < audio.length; i++) {
            audio[i] += dither[i];
        }
        assertEveryBlockVoicedAt(pitch(algorithm).run(audio), frequency);
    }

    private static void assertEveryBlockVoicedAt(ExtractorHarness.Result r, double frequency) {
        List<Feature> voicing = r.get(PitchExtractor.VOICING);
        List<Feature> f0 = r.get(PitchExtractor.F0);
        assertEquals(voicing.size(), f0.size(), f0.size() + " of " + voicing.size() + " blocks voiced");
        for (Feature v : voicing) {
            assertTrue(v.values[0] > 0.95f, "voicing " + v.values[0] + " at " + v.time);
        }
        assertAllWithin(f0, frequency, 0.01);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yin", "fastyin", "mpm"})
    void harmonicToneAt220HzIsDetectedAtItsFundamental(String algorithm) throws ExtractionException {
        ExtractorHarness.Result r = pitch(algorithm).run(Signals.harmonic(220, 0.5, 1.0, RATE, 12));
        List<Feature> f0 = r.get(PitchExtractor.F0);
        assertTrue(f0.size() >= 0.9 * r.get(PitchExtractor.VOICING).size());
        assertAllWithin(f0, 220, 0.01);
    }

    @Test
    void lowMaleVoicePitchIsDetectedWithDefaultFraming() throws ExtractionException {
        List<Feature> f0 = pitch("yin").run(Signals.harmonic(70, 0.5, 1.0, RATE, 20)).get(PitchExtractor.F0);
        assertTrue(f0.size() > 20);
        assertAllWithin(f0, 70, 0.01);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yin", "fastyin", "mpm"})
    void silenceAndFaintHumAreUnvoiced(String algorithm) throws ExtractionException {
        float[] audio = new float[2 * RATE];
        // A 100 Hz hum at -80 dBFS in the second half: periodic, but under the default -60 dBFS gate.
        Signals.mix(audio, Signals.sine(100, Signals.amplitude(-80) * Math.sqrt(2), 1.0, RATE), 1.0, RATE);
        ExtractorHarness.Result r = pitch(algorithm).run(audio);
        assertEquals(List.of(), r.get(PitchExtractor.F0));
        for (Feature v : r.get(PitchExtractor.VOICING)) {
            assertEquals(0f, v.values[0]);
        }
    }

    @Test
    void whiteNoiseIsMostlyUnvoiced() throws ExtractionException {
        ExtractorHarness.Result r = pitch("yin").run(Signals.noise(0.1, 2.0, RATE, 7));
        assertTrue(r.get(PitchExtractor.F0).size() <= 0.05 * r.get(PitchExtractor.VOICING).size(),
            r.get(PitchExtractor.F0).size() + " voiced blocks in noise");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yin", "fastyin"})
    void glideFromOneHundredFiftyToThreeHundredHzIsTracked(String algorithm) throws ExtractionException {
        // An exponential glide over 2 s: f(t) = 150 * 2^(t/2); phase is its integral.
        double seconds = 2;
        float[] audio = new float[(int) (seconds * RATE)];
        double phase = 0;
        for (int i = 0; i < audio.length; i++) {
            double f = 150 * Math.pow(2, i / (double) RATE / seconds);
            phase += 2 * Math.PI * f / RATE;
            audio[i] = (float) (0.5 * Math.sin(phase));
        }
        ExtractorHarness.Result r = pitch(algorithm).run(audio);
        List<Feature> f0 = r.get(PitchExtractor.F0);
        assertTrue(f0.size() >= 0.9 * r.get(PitchExtractor.VOICING).size());
        for (Feature f : f0) {
            double centre = f.time + f.duration / 2;
            double expected = 150 * Math.pow(2, centre / seconds);
            assertEquals(expected, f.values[0], expected * 0.02, "f0 at " + centre + " s");
        }
        assertTrue(f0.get(0).values[0] < 160 && f0.get(f0.size() - 1).values[0] > 280, "glide covered");
    }

    @Test
    void frequenciesOutsideTheRangeAreUnvoiced() throws ExtractionException {
        ExtractorHarness.Result r = pitch("yin").with(PitchExtractor.MAX_FREQUENCY, 200.0)
            .run(Signals.harmonic(220, 0.5, 1.0, RATE, 12));
        assertEquals(List.of(), r.get(PitchExtractor.F0));
    }

    @Test
    void featuresAreStampedWithTheBlockStartAndSpanTheBlock() throws ExtractionException {
        ExtractorHarness.Result r = pitch("yin").run(Signals.harmonic(220, 0.5, 1.0, RATE, 12));
        List<Feature> voicing = r.get(PitchExtractor.VOICING);
        for (int i = 0; i < voicing.size(); i++) {
            assertEquals(i * 512.0 / RATE, voicing.get(i).time, 1e-12);
        }
        assertEquals(1024.0 / RATE, voicing.get(0).duration, 1e-12);
        for (Feature f : r.get(PitchExtractor.F0)) {
            assertEquals(0, Math.round(f.time * RATE) % 512, "f0 stamped on a block start");
            assertTrue(f.values[0] > 0);
        }
    }

    @Test
    void shortLastBlockIsAnalysedWhenItHoldsTwoPeriodsOfTheLowestPitch() throws ExtractionException {
        // 16 blocks of 1024 and a last one of 640 samples, more than the 542 that two periods of 60 Hz need.
        float[] audio = Signals.harmonic(220, 0.5, (16 * 1024 + 640.0) / RATE, RATE, 12);
        ExtractorHarness.Result r = pitch("yin").framing(1024, 1024).run(audio);
        List<Feature> voicing = r.get(PitchExtractor.VOICING);
        Feature last = voicing.get(voicing.size() - 1);
        assertEquals(640.0 / RATE, last.duration, 1e-12);
        Feature lastF0 = r.get(PitchExtractor.F0).get(r.get(PitchExtractor.F0).size() - 1);
        assertEquals(last.time, lastF0.time, 0.0);
        assertEquals(220, lastF0.values[0], 2.2);
    }

    @Test
    void lastBlockTooShortForTheLowestPitchIsUnvoicedNotAnError() throws ExtractionException {
        // 16 blocks of 1024 and a last one of 300 samples, too short for two periods of 60 Hz.
        float[] audio = Signals.harmonic(220, 0.5, (16 * 1024 + 300.0) / RATE, RATE, 12);
        ExtractorHarness.Result r = pitch("yin").framing(1024, 1024).run(audio);
        List<Feature> voicing = r.get(PitchExtractor.VOICING);
        assertEquals(0f, voicing.get(voicing.size() - 1).values[0]);
    }

    @Test
    void minimumAboveMaximumIsRefusedWithBothValues() {
        ExtractionException e = assertThrows(ExtractionException.class, () -> pitch("yin")
            .with(PitchExtractor.MIN_FREQUENCY, 300.0).with(PitchExtractor.MAX_FREQUENCY, 200.0).open());
        assertTrue(e.getMessage().contains("minFrequency (300.0 Hz)") && e.getMessage().contains("200.0"),
            e.getMessage());
    }

    @Test
    void blockTooShortForTheLowestPitchIsRefusedWithTheSizeNeeded() {
        ExtractionException e = assertThrows(ExtractionException.class,
            () -> pitch("yin").rate(44100).open());
        assertTrue(e.getMessage().contains("blockSize to at least 1474"), e.getMessage());
    }

    @Test
    void wholeFileFramingIsRefused() {
        ExtractionException e = assertThrows(ExtractionException.class, () -> pitch("yin").framing(0, 0).open());
        assertTrue(e.getMessage().contains("block size is 0"), e.getMessage());
    }
}
