package io.auralis.timeline;

import static io.auralis.timeline.TimelineHarness.CLASSES;
import static io.auralis.timeline.TimelineHarness.seconds;
import static io.auralis.timeline.TimelineHarness.window;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.emotion.EmotionResult;
import io.auralis.api.extractor.Feature;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Smoothing, merging, minimum duration and the summary, on hand-made emotion windows with exact expectations. */
class EmotionTimelineTest {
    private static final float EPS = 1e-6f;

    private static TimelineHarness plain() throws Exception {
        return TimelineHarness.open("smoothing", 1L, "minDuration", 0.0);
    }

    @Test
    void consecutiveEqualLabelsMergeIntoOneSegmentEach() throws Exception {
        TimelineHarness t = plain().feed(seconds("nnaaann")).finish();

        assertEquals(List.of("neutral 0.00-2.00", "angry 2.00-5.00", "neutral 5.00-7.00"), t.segments());
        assertEquals(2, t.changes());
        assertArrayEquals(new float[] {3 / 7f, 0, 4 / 7f, 0}, t.summary().values, EPS);
        assertEquals("neutral", t.summary().label, "the dominant emotion is the one with most speech time");
    }

    @Test
    void smoothingOverThreeWindowsRemovesASingleWindowBlip() throws Exception {
        TimelineHarness unsmoothed = plain().feed(seconds("nnann")).finish();
        TimelineHarness smoothed = TimelineHarness.open("smoothing", 3L, "minDuration", 0.0)
            .feed(seconds("nnann")).finish();

        assertEquals(3, unsmoothed.segments().size());
        assertEquals(List.of("neutral 0.00-5.00"), smoothed.segments());
        assertEquals(0, smoothed.changes());
        // Smoothed windows: n, (n+n+a)/3, (n+a+n)/3, (a+n+n)/3, n; the segment's distribution is their mean.
        assertArrayEquals(new float[] {0.22f, 0.1f, 0.58f, 0.1f},
            smoothed.get(EmotionTimeline.SEGMENTS).get(0).values, EPS);
    }

    @Test
    void smoothingKeepsARunAsLongAsTheAverage() throws Exception {
        TimelineHarness t = TimelineHarness.open("smoothing", 3L, "minDuration", 0.0)
            .feed(seconds("nnaann")).finish();

        assertEquals(List.of("neutral 0.00-2.00", "angry 2.00-4.00", "neutral 4.00-6.00"), t.segments());
    }

    @Test
    void smoothingDoesNotReachAcrossAGapLongerThanMaxGap() throws Exception {
        TimelineHarness t = TimelineHarness.open("smoothing", 5L, "minDuration", 0.0, "maxGap", 1.0)
            .feed(window(0, 1, "angry"), window(3, 4, "neutral"), window(4, 5, "neutral")).finish();

        assertEquals(List.of("angry 0.00-1.00", "neutral 3.00-5.00"), t.segments());
    }

    @Test
    void overlappingWindowsShareTheirOverlapHalfEach() throws Exception {
        // Three-second windows every second.
        TimelineHarness t = plain().feed(window(0, 3, "neutral"), window(1, 4, "neutral"), window(2, 5, "angry"),
            window(3, 6, "angry"), window(4, 7, "angry")).finish();

        // Boundaries half-way through each overlap: 2, 3, 4, 5.
        assertEquals(List.of("neutral 0.00-3.00", "angry 3.00-7.00"), t.segments());
        assertArrayEquals(new float[] {4 / 7f, 0, 3 / 7f, 0}, t.summary().values, EPS);
    }

    @Test
    void gapsUpToMaxGapAreBridgedButNotCountedAsSpeech() throws Exception {
        TimelineHarness t = TimelineHarness.open("smoothing", 1L, "minDuration", 0.0, "maxGap", 1.0)
            .feed(window(0, 1, "neutral"), window(1.5, 2.5, "neutral"), window(2.5, 3.5, "angry")).finish();

        assertEquals(List.of("neutral 0.00-2.50", "angry 2.50-3.50"), t.segments());
        assertArrayEquals(new float[] {1 / 3f, 0, 2 / 3f, 0}, t.summary().values, EPS);
    }

    @Test
    void aGapLongerThanMaxGapEndsASegmentWithoutCountingAChange() throws Exception {
        TimelineHarness same = TimelineHarness.open("smoothing", 1L, "minDuration", 0.0, "maxGap", 1.0)
            .feed(window(0, 1, "neutral"), window(3, 4, "neutral")).finish();
        TimelineHarness other = TimelineHarness.open("smoothing", 1L, "minDuration", 0.0, "maxGap", 1.0)
            .feed(window(0, 1, "neutral"), window(3, 4, "sad")).finish();

        assertEquals(List.of("neutral 0.00-1.00", "neutral 3.00-4.00"), same.segments());
        assertEquals(0, same.changes());
        assertEquals(1, other.changes());
    }

    @Test
    void aChangeShorterThanMinDurationIsAbsorbedByTheSegmentBefore() throws Exception {
        TimelineHarness sandwiched = TimelineHarness.open("smoothing", 1L, "minDuration", 1.5)
            .feed(seconds("nnnannn")).finish();
        TimelineHarness beforeAChange = TimelineHarness.open("smoothing", 1L, "minDuration", 1.5)
            .feed(seconds("nnnahsss")).finish();

        assertEquals(List.of("neutral 0.00-7.00"), sandwiched.segments());
        assertEquals(0, sandwiched.changes());
        assertArrayEquals(new float[] {0, 0, 1, 0}, sandwiched.summary().values, EPS,
            "absorbed time counts for the segment's emotion");
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.7f, 0.1f},
            sandwiched.get(EmotionTimeline.SEGMENTS).get(0).values, EPS,
            "the absorbed window does not dilute the segment's distribution");

        assertEquals(List.of("neutral 0.00-5.00", "sad 5.00-8.00"), beforeAChange.segments());
        assertEquals(1, beforeAChange.changes());
    }

    @Test
    void aShortRunAtTheStartOfSpeechIsAbsorbedByTheFirstLongOne() throws Exception {
        TimelineHarness t = TimelineHarness.open("smoothing", 1L, "minDuration", 1.5).feed(seconds("annn")).finish();

        assertEquals(List.of("neutral 0.00-4.00"), t.segments());
    }

    @Test
    void speechWithoutALongEnoughRunBecomesOneSegmentOfItsMostFrequentEmotion() throws Exception {
        TimelineHarness t = TimelineHarness.open("smoothing", 1L, "minDuration", 1.5, "maxGap", 1.0)
            .feed(window(0, 1.2, "angry"), window(1.2, 2, "neutral"),
                window(5, 6, "sad"), window(6, 7, "sad"), window(7, 8, "sad"))
            .finish();

        assertEquals(List.of("angry 0.00-2.00", "sad 5.00-8.00"), t.segments());
        assertArrayEquals(new float[] {0.4f, 0, 0, 0.6f}, t.summary().values, EPS);
        assertEquals("sad", t.summary().label);
        assertEquals(1, t.changes());
    }

    @Test
    void isolatedSpeechShorterThanMinDurationIsDropped() throws Exception {
        TimelineHarness t = TimelineHarness.open("smoothing", 1L, "minDuration", 1.5, "maxGap", 1.0)
            .feed(window(0, 1, "angry"), window(3, 4, "neutral"), window(4, 5, "neutral")).finish();

        assertEquals(List.of("neutral 3.00-5.00"), t.segments());
        assertArrayEquals(new float[] {0, 0, 1, 0}, t.summary().values, EPS, "dropped speech is not counted");
        assertEquals(0, t.changes());
    }

    @Test
    void segmentsAreEmittedOnceFinalWithoutWaitingForTheEndOfTheFile() throws Exception {
        TimelineHarness t = plain().feed(seconds("nnnaaann"));

        assertEquals(List.of("neutral 0.00-3.00"), t.segments());
        t.finish();
        assertEquals(List.of("neutral 0.00-3.00", "angry 3.00-6.00", "neutral 6.00-8.00"), t.segments());
    }

    @Test
    void anHourOfOneSecondWindowsIsProcessedWithABufferNoLargerThanTheSmoothingWidth() throws Exception {
        TimelineHarness t = TimelineHarness.open("smoothing", 5L, "minDuration", 0.0);
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < 3_600; i++) {
            pattern.append((i / 7) % 2 == 0 ? 'a' : 'n');
        }
        List<Feature> windows = seconds(pattern.toString());
        int maxBuffered = 0;
        for (Feature w : windows) {
            t.feed(w);
            maxBuffered = Math.max(maxBuffered, t.session.bufferedWindows());
        }
        int emittedBeforeFinish = t.segments().size();
        t.finish();

        assertTrue(maxBuffered <= 5, "buffered " + maxBuffered + " windows");
        assertEquals(515, t.segments().size(), "every run of seven windows survives smoothing over five");
        assertTrue(emittedBeforeFinish >= 512,
            "all but the last three runs are final before the end; emitted only " + emittedBeforeFinish);
        assertEquals(514, t.changes());
    }

    @Test
    void withoutSpeechTheSummarySpansTheFileWithNoDominantEmotion() throws Exception {
        TimelineHarness t = plain().audio(10).finish();

        assertEquals(List.of(), t.segments());
        Feature summary = t.summary();
        assertEquals(0, summary.time);
        assertEquals(10, summary.duration, 1e-9);
        assertArrayEquals(new float[] {0, 0, 0, 0}, summary.values);
        assertNull(summary.label);
        assertEquals(0, t.changes());
    }

    @Test
    void theSummarySpansTheWholeFileNotJustTheSpeech() throws Exception {
        TimelineHarness t = plain().audio(12).feed(seconds("nn")).finish();

        assertEquals(12, t.summary().duration, 1e-9);
        assertEquals(12, t.get(EmotionTimeline.CHANGES).get(0).duration, 1e-9);
    }

    @Test
    void segmentsDecodeAsEmotionResultsWhoseLabelIsTheMostProbableClass() throws Exception {
        TimelineHarness t = TimelineHarness.open("smoothing", 3L, "minDuration", 2.5)
            .feed(seconds("nnnaasshsss")).finish();

        List<String> labels = new ArrayList<>();
        for (Feature f : t.get(EmotionTimeline.SEGMENTS)) {
            EmotionResult r = EmotionFeatures.fromFeature(f, EmotionFeatures.output("segments", "Segments", CLASSES));
            labels.add(r.label);
            double best = r.distribution.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertEquals(best, r.confidence, 1e-6, "label of " + f + " is its most probable class");
            double total = r.distribution.values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(1, total, 1e-5);
        }
        assertEquals(List.of("neutral", "sad"), labels);
    }
}
