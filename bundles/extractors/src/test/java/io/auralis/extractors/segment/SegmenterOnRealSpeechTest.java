package io.auralis.extractors.segment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.Feature;
import io.auralis.extractors.Decoding;
import io.auralis.extractors.Signals;
import io.auralis.testkit.Corpora;
import io.auralis.testkit.ExtractorHarness;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The segmenter on EmoDB and TESS sentences, as they are and set in known stretches of background; skipped where
 * the corpora are absent. Both corpora are cut close to the speech, so silence is added around them to check
 * that segments keep to the spoken part.
 */
class SegmenterOnRealSpeechTest {
    private static final int RATE = 16000;
    private static final double PADDING = 0.1;

    private static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>(Corpora.sample("emodb", 8));
        files.addAll(Corpora.sample("tess", 8));
        return files;
    }

    @Test
    void segmentsCoverMostOfEachRecording() throws IOException, ExtractionException {
        for (Path file : files()) {
            float[] audio = Decoding.decode(file, RATE);
            double duration = audio.length / (double) RATE;
            ExtractorHarness.Result r = ExtractorHarness.of(new SpeechSegmenter()).run(audio);
            List<Feature> speech = r.get(SpeechSegmenter.SPEECH);
            assertTrue(!speech.isEmpty(), file + ": no speech");
            double share = Segments.total(speech) / duration;
            assertTrue(share >= 0.3 && share <= 1.0, file + ": speech share " + share + " in " + speech);
            Segments.assertTile(r, duration);
        }
    }

    @Test
    void segmentsKeepToTheSpokenPartWhenSetInBackgroundNoise() throws IOException, ExtractionException {
        for (Path file : files()) {
            float[] sentence = Decoding.decode(file, RATE);
            double length = sentence.length / (double) RATE;
            double lead = 1.0;
            double duration = lead + length + 1.5;
            float[] audio = Signals.noise(Signals.amplitude(-65), duration, RATE, 1);
            Signals.mix(audio, sentence, lead, RATE);
            ExtractorHarness.Result r = ExtractorHarness.of(new SpeechSegmenter()).run(audio);
            List<Feature> speech = r.get(SpeechSegmenter.SPEECH);
            assertTrue(!speech.isEmpty(), file + ": no speech");
            String where = file + ": " + speech;
            assertTrue(speech.get(0).time >= lead - PADDING - 0.05, where);
            assertTrue(speech.get(speech.size() - 1).end() <= lead + length + PADDING + 0.05, where);
            double covered = Segments.covered(speech, lead, lead + length) / length;
            assertTrue(covered >= 0.7, file + ": " + covered + " of the sentence covered: " + speech);
            Segments.assertTile(r, duration);
        }
    }

    @Test
    void sentencesInARowAreSeparatedAtThePausesBetweenThem() throws IOException, ExtractionException {
        List<Path> files = Corpora.sample("emodb", 5);
        List<float[]> sentences = new ArrayList<>();
        int samples = 0;
        double gap = 1.2;
        for (Path file : files) {
            float[] s = Decoding.decode(file, RATE);
            sentences.add(s);
            samples += s.length + (int) (gap * RATE);
        }
        float[] audio = Signals.noise(Signals.amplitude(-65), samples / (double) RATE, RATE, 2);
        double[] starts = new double[sentences.size()];
        double at = gap / 2;
        for (int i = 0; i < sentences.size(); i++) {
            starts[i] = at;
            Signals.mix(audio, sentences.get(i), at, RATE);
            at += sentences.get(i).length / (double) RATE + gap;
        }
        List<Feature> speech = ExtractorHarness.of(new SpeechSegmenter()).run(audio).get(SpeechSegmenter.SPEECH);
        for (int i = 0; i < sentences.size(); i++) {
            double end = starts[i] + sentences.get(i).length / (double) RATE;
            assertTrue(Segments.covered(speech, starts[i], end) > 0.7 * (end - starts[i]),
                files.get(i) + " not covered: " + speech);
            // The middle of the pause after each sentence is silence.
            assertTrue(Segments.covered(speech, end + 0.3, end + gap - 0.3) == 0,
                "pause after " + files.get(i) + " taken for speech: " + speech);
        }
    }
}
