package io.auralis.extractors.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.Feature;
import io.auralis.extractors.Signals;
import io.auralis.extractors.loudness.Decibels;
import io.auralis.testkit.ExtractorHarness;

import org.junit.jupiter.api.Test;

import java.util.List;

class SpeechSegmenterTest {
    private static final int RATE = 16000;
    private static final double TOLERANCE = 0.05;

    /** Scales a signal in place to an RMS level. */
    private static float[] atLevel(float[] x, double db) {
        double gain = Signals.amplitude(db) / Math.sqrt(Decibels.meanSquare(x, 0, x.length));
        for (int i = 0; i < x.length; i++) {
            x[i] *= (float) gain;
        }
        return x;
    }

    /** A vowel-like burst: a harmonic tone at a level. */
    private static float[] vowel(double seconds, double db) {
        return atLevel(Signals.harmonic(150, 1, seconds, RATE, 12), db);
    }

    /** Background noise at -55 dBFS from {@code from} to the end. */
    private static float[] background(double seconds, double from, long seed) {
        float[] x = new float[(int) Math.round(seconds * RATE)];
        Signals.mix(x, Signals.noise(Signals.amplitude(-55), seconds - from, RATE, seed), from, RATE);
        return x;
    }

    /**
     * 14 s: digital silence for a second, then background noise at -55 dBFS, with three vowel bursts at -20 dBFS
     * and a fricative-like noise burst at -25 dBFS at known times.
     */
    private static final double[][] BURSTS = {{2.0, 3.5}, {5.0, 5.8}, {7.3, 9.9}, {11.0, 11.6}};

    private static float[] knownBursts() {
        float[] x = background(14, 1, 1);
        for (int i = 0; i < 3; i++) {
            Signals.mix(x, vowel(BURSTS[i][1] - BURSTS[i][0], -20), BURSTS[i][0], RATE);
        }
        Signals.mix(x, atLevel(Signals.noise(1, BURSTS[3][1] - BURSTS[3][0], RATE, 2), -25), BURSTS[3][0], RATE);
        return x;
    }

    private static ExtractorHarness segmenter() {
        return ExtractorHarness.of(new SpeechSegmenter());
    }

    @Test
    void burstsInNoiseAreFoundWithinFiftyMillisecondsOfTheirBoundaries() throws ExtractionException {
        float[] audio = knownBursts();
        ExtractorHarness.Result r = segmenter().with(SpeechSegmenter.PADDING, 0.0).run(audio);
        List<Feature> speech = r.get(SpeechSegmenter.SPEECH);
        assertEquals(BURSTS.length, speech.size(), speech.toString());
        for (int i = 0; i < BURSTS.length; i++) {
            assertEquals(BURSTS[i][0], speech.get(i).time, TOLERANCE, "start of burst " + i);
            assertEquals(BURSTS[i][1], speech.get(i).end(), TOLERANCE, "end of burst " + i);
            assertEquals(i < 3 ? -20 : -25, speech.get(i).values[0], 1.5, "level of burst " + i);
        }
        Segments.assertTile(r, audio.length / (double) RATE);
        List<Feature> silence = r.get(SpeechSegmenter.SILENCE);
        assertEquals(BURSTS.length + 1, silence.size());
        assertTrue(silence.get(1).values[0] < -50, "silence level " + silence.get(1).values[0]);
    }

    @Test
    void paddingWidensSegmentsOnBothSides() throws ExtractionException {
        List<Feature> speech = segmenter().with(SpeechSegmenter.PADDING, 0.1).run(knownBursts())
            .get(SpeechSegmenter.SPEECH);
        assertEquals(BURSTS.length, speech.size());
        for (int i = 0; i < BURSTS.length; i++) {
            assertEquals(BURSTS[i][0] - 0.1, speech.get(i).time, TOLERANCE, "start of burst " + i);
            assertEquals(BURSTS[i][1] + 0.1, speech.get(i).end(), TOLERANCE, "end of burst " + i);
        }
    }

    @Test
    void segmentsAreTheSameWhateverTheHostFraming() throws ExtractionException {
        float[] audio = knownBursts();
        List<Feature> reference = segmenter().run(audio).get(SpeechSegmenter.SPEECH);
        int[][] framings = {{1024, 1024}, {1000, 500}, {160, 160}, {4096, 1024}, {333, 111}, {0, 0}};
        for (int[] framing : framings) {
            ExtractorHarness.Result r = segmenter().framing(framing[0], framing[1]).run(audio);
            List<Feature> speech = r.get(SpeechSegmenter.SPEECH);
            assertEquals(reference.size(), speech.size(), "block " + framing[0] + " step " + framing[1]);
            for (int i = 0; i < speech.size(); i++) {
                assertEquals(reference.get(i).time, speech.get(i).time, 1e-9);
                assertEquals(reference.get(i).duration, speech.get(i).duration, 1e-9);
                assertEquals(reference.get(i).values[0], speech.get(i).values[0], 1e-4);
            }
            Segments.assertTile(r, audio.length / (double) RATE);
        }
    }

    @Test
    void aShortClickIsNotSpeech() throws ExtractionException {
        float[] audio = background(4, 0, 3);
        // 2 ms at nearly full scale.
        Signals.mix(audio, Signals.noise(0.5, 0.002, RATE, 4), 2.0, RATE);
        ExtractorHarness.Result r = segmenter().run(audio);
        assertEquals(List.of(), r.get(SpeechSegmenter.SPEECH));
        assertEquals(1, r.get(SpeechSegmenter.SILENCE).size());
        Segments.assertTile(r, 4);
    }

    @Test
    void aPauseShorterThanMinSilenceIsBridged() throws ExtractionException {
        float[] audio = background(6, 0, 5);
        Signals.mix(audio, vowel(1.0, -20), 1.0, RATE);
        Signals.mix(audio, vowel(1.0, -20), 2.2, RATE);
        List<Feature> speech = segmenter().with(SpeechSegmenter.PADDING, 0.0).run(audio).get(SpeechSegmenter.SPEECH);
        assertEquals(1, speech.size(), speech.toString());
        assertEquals(1.0, speech.get(0).time, TOLERANCE);
        assertEquals(3.2, speech.get(0).end(), TOLERANCE);
    }

    @Test
    void aPauseLongerThanMinSilenceSplits() throws ExtractionException {
        float[] audio = background(6, 0, 5);
        Signals.mix(audio, vowel(1.0, -20), 1.0, RATE);
        Signals.mix(audio, vowel(1.0, -20), 2.5, RATE);
        List<Feature> speech = segmenter().with(SpeechSegmenter.PADDING, 0.0).run(audio).get(SpeechSegmenter.SPEECH);
        assertEquals(2, speech.size(), speech.toString());
        assertEquals(2.0, speech.get(0).end(), TOLERANCE);
        assertEquals(2.5, speech.get(1).time, TOLERANCE);
    }

    @Test
    void quietSpeechUnderTheAbsoluteThresholdIsSilence() throws ExtractionException {
        float[] audio = new float[4 * RATE];
        Signals.mix(audio, vowel(1.0, -60), 1.0, RATE);
        assertEquals(List.of(), segmenter().run(audio).get(SpeechSegmenter.SPEECH));
        assertEquals(1, segmenter().with(SpeechSegmenter.THRESHOLD_DB, -70.0).run(audio)
            .get(SpeechSegmenter.SPEECH).size());
    }

    /**
     * 62 s: a second of background noise, then a minute of syllables without a pause: 200 ms voiced at -20 dBFS
     * with 20 ms fades and a gliding pitch, then 50 ms of background, like the closure of a stop consonant.
     */
    private static float[] minuteOfTalk() {
        float[] audio = background(62, 0, 6);
        float[] talk = new float[60 * RATE];
        double phase = 0;
        for (int i = 0; i < talk.length; i++) {
            double t = i / (double) RATE;
            double inSyllable = t % 0.25;
            double envelope = inSyllable >= 0.2 ? 0 : Math.min(1, Math.min(inSyllable, 0.2 - inSyllable) / 0.02);
            double f0 = 150 + 30 * Math.sin(2 * Math.PI * 0.3 * t);
            phase += 2 * Math.PI * f0 / RATE;
            double v = 0;
            for (int k = 1; k <= 8; k++) {
                v += Math.sin(k * phase) / k;
            }
            talk[i] = (float) (envelope * v);
        }
        Signals.mix(audio, atLevel(talk, -21), 1.0, RATE);
        return audio;
    }

    @Test
    void continuousSpeechIsSplitSoThatNoSegmentExceedsMaxSegment() throws ExtractionException {
        float[] audio = minuteOfTalk();
        ExtractorHarness.Result r = segmenter().with(SpeechSegmenter.MAX_SEGMENT, 15.0).run(audio);
        List<Feature> speech = r.get(SpeechSegmenter.SPEECH);
        assertTrue(speech.size() >= 4 && speech.size() <= 8, speech.toString());
        for (int i = 0; i < speech.size(); i++) {
            Feature f = speech.get(i);
            assertTrue(f.duration <= 15.0 + 1e-9, "segment longer than maxSegment: " + f);
            if (i > 0) {
                assertEquals(speech.get(i - 1).end(), f.time, 1e-9, "split parts are contiguous");
            }
        }
        assertEquals(1.0 - 0.1, speech.get(0).time, TOLERANCE);
        // The last syllable ends 50 ms before the talk does.
        assertEquals(60.95 + 0.1, speech.get(speech.size() - 1).end(), TOLERANCE);
        Segments.assertTile(r, 62);
    }

    @Test
    void segmentsAreEmittedWhileTheFileStreamsNotAtTheEnd() throws ExtractionException {
        // Each segment must come out within maxSegment + lookahead (+ one 20 ms frame) of its start, so a consumer
        // holding audio for the open segment holds a bounded amount.
        ExtractorHarness.Result talk = segmenter().with(SpeechSegmenter.MAX_SEGMENT, 15.0).run(minuteOfTalk());
        double block = 1024.0 / RATE;
        for (Feature f : talk.get(SpeechSegmenter.SPEECH)) {
            assertTrue(talk.emittedAfter(f) - f.time <= 15.0 + SegmentTracker.LOOKAHEAD_SECONDS + 0.02 + block,
                f + " emitted after " + talk.emittedAfter(f) + " s");
        }
        // Ended segments come out minSilence and the lookahead after their end (after the first 3 s).
        ExtractorHarness.Result bursts = segmenter().run(knownBursts());
        for (Feature f : bursts.get(SpeechSegmenter.SPEECH)) {
            double due = Math.max(SegmentTracker.STARTUP_SECONDS, f.end() + 0.3 + SegmentTracker.LOOKAHEAD_SECONDS);
            assertTrue(bursts.emittedAfter(f) <= due + 0.02 + block,
                f + " emitted after " + bursts.emittedAfter(f) + " s");
        }
    }

    @Test
    void speechAtTheVeryStartIsFoundBeforeAnyPauseIsSeen() throws ExtractionException {
        // The noise floor cannot be known from the first frames when they are speech; the startup lookahead
        // must see the pause that follows.
        float[] audio = background(5, 0, 8);
        Signals.mix(audio, atLevel(Signals.noise(1, 2.0, RATE, 9), -25), 0.0, RATE);
        List<Feature> speech = segmenter().with(SpeechSegmenter.PADDING, 0.0).run(audio).get(SpeechSegmenter.SPEECH);
        assertEquals(1, speech.size(), speech.toString());
        assertEquals(0.0, speech.get(0).time, TOLERANCE);
        assertEquals(2.0, speech.get(0).end(), TOLERANCE);
    }

    @Test
    void theThresholdFollowsABackgroundThatGetsLouder() throws ExtractionException {
        // Quiet room for 5 s, then a fan at -35 dBFS for 30 s, louder than the absolute threshold; vowels at
        // -15 dBFS at 2 s and, once the floor has adapted, at 25 s.
        float[] audio = background(35, 0, 10);
        Signals.mix(audio, atLevel(Signals.noise(1, 30, RATE, 11), -35), 5.0, RATE);
        Signals.mix(audio, vowel(1.0, -15), 2.0, RATE);
        Signals.mix(audio, vowel(1.0, -15), 25.0, RATE);
        List<Feature> speech = segmenter().with(SpeechSegmenter.PADDING, 0.0).run(audio).get(SpeechSegmenter.SPEECH);
        assertEquals(1.0, Segments.covered(speech, 2.0, 3.0), TOLERANCE);
        assertEquals(1.0, Segments.covered(speech, 25.0, 26.0), TOLERANCE);
        Feature late = speech.get(speech.size() - 1);
        assertEquals(25.0, late.time, TOLERANCE, speech.toString());
        assertEquals(26.0, late.end(), TOLERANCE, speech.toString());
        // The fan counts as speech only until the floor has learnt it: at most the noise window (10 s).
        double fan = Segments.total(speech) - 2.0;
        assertTrue(fan > 0 && fan < 10.0, fan + " s of fan taken for speech: " + speech);
    }

    @Test
    void aStepLongerThanTheBlockIsRefused() {
        ExtractionException e = assertThrows(ExtractionException.class, () -> segmenter().framing(512, 1024).open());
        assertTrue(e.getMessage().contains("step size 1024 exceeds the block size 512"), e.getMessage());
    }

    @Test
    void tinyAndEmptyFilesGiveConsistentSegments() throws ExtractionException {
        ExtractorHarness.Result empty = segmenter().run(new float[0]);
        assertEquals(List.of(), empty.get(SpeechSegmenter.SPEECH));
        assertEquals(List.of(), empty.get(SpeechSegmenter.SILENCE));
        for (int n : new int[] {1, 100, 200, 481}) {
            ExtractorHarness.Result r = segmenter().run(Signals.noise(0.001, n / (double) RATE, RATE, n));
            Segments.assertTile(r, n / (double) RATE);
        }
    }
}
