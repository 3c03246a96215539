package io.auralis.extractors.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.extractor.Feature;
import io.auralis.testkit.ExtractorHarness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Checks shared by the segmenter tests. */
final class Segments {
    private Segments() {
    }

    /** Speech and silence segments together tile {@code [0, duration]}: in order, no gap, no overlap. */
    static void assertTile(ExtractorHarness.Result r, double duration) {
        List<Feature> all = new ArrayList<>(r.get(SpeechSegmenter.SPEECH));
        all.addAll(r.get(SpeechSegmenter.SILENCE));
        all.sort(Comparator.comparingDouble(f -> f.time));
        double at = 0;
        for (Feature f : all) {
            assertEquals(at, f.time, 1e-9, "segment " + f + " does not start where the previous one ended");
            assertTrue(f.duration > 0, "empty segment " + f);
            at = f.end();
        }
        assertEquals(duration, at, 1e-9, "segments end before the file does");
        for (Feature f : r.get(SpeechSegmenter.SPEECH)) {
            assertEquals(SpeechSegmenter.SPEECH, f.label);
        }
        for (Feature f : r.get(SpeechSegmenter.SILENCE)) {
            assertEquals(SpeechSegmenter.SILENCE, f.label);
        }
    }

    /** The total duration of some segments. */
    static double total(List<Feature> segments) {
        return segments.stream().mapToDouble(f -> f.duration).sum();
    }

    /** The duration of the overlap of some segments with {@code [from, to]}. */
    static double covered(List<Feature> segments, double from, double to) {
        double sum = 0;
        for (Feature f : segments) {
            sum += Math.max(0, Math.min(to, f.end()) - Math.max(from, f.time));
        }
        return sum;
    }
}
