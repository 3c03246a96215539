package io.auralis.host.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.output.FileRecord;
import io.auralis.api.output.SummaryFeatures;
import io.auralis.testkit.FakeDecoder;
import io.auralis.host.fake.FakeExtractor;
import io.auralis.host.fake.Workflows;
import io.auralis.host.workflow.SummaryScope;
import io.auralis.host.workflow.Workflow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

class FileSummariesTest {
    @TempDir
    Path dir;

    /** Speech at 0.1 to 0.3 s and 0.5 to 0.6 s, told at the end of the file. */
    private final FakeExtractor segmenter = FakeExtractor.of("t.seg").output("speech", "segment",
        SampleType.VARIABLE, "level").framing(1600, 1600).sessions(c -> new ExtractorSession() {
            @Override
            public void process(AudioBlock block, FeatureSink sink) {
            }

            @Override
            public void finish(FeatureSink sink) {
                sink.emit("speech", new Feature(0.5, 0.1, new float[] {-20}, "speech"));
                // 0.1 + 0.2 is 0.30000000000000004: the frame at 0.3 s is still outside.
                sink.emit("speech", new Feature(0.1, 0.2, new float[] {-10}, "speech"));
            }
        });

    /** A frame every 0.1 s whose values are its index and ten times it. */
    private final FakeExtractor frames = FakeExtractor.of("t.frames")
        .output("v", "x", SampleType.ONE_PER_BLOCK, "i", "ten").framing(1600, 1600).sessions(c -> new ExtractorSession() {
            @Override
            public void process(AudioBlock block, FeatureSink sink) {
                float i = block.startFrame() / 1600f;
                sink.emit("v", new Feature(block.startTime(), block.duration(), new float[] {i, 10 * i}, null));
            }

            @Override
            public void finish(FeatureSink sink) {
            }
        });

    private Workflow workflow(SummaryScope scope) throws Exception {
        return Workflows.of("{'steps': [{'id': 's', 'extractor': 't.seg'}, {'id': 'f', 'extractor': 't.frames'}]}",
            segmenter, frames).summarised(scope);
    }

    private FileRecord analyse(SummaryScope scope, String spec) throws Exception {
        Path file = FakeDecoder.write(dir.resolve("a.wav"), spec);
        return new FileAnalyzer(workflow(scope), new FakeDecoder()).analyze(file, "a.wav");
    }

    private static float statistic(List<Feature> summary, String label, int bin) {
        Feature f = summary.get(SummaryFeatures.STATISTICS.indexOf(label));
        assertEquals(label, f.label);
        return f.values[bin];
    }

    @Test
    void aFileSummaryHasOneFeaturePerStatisticSpanningTheFileWithAValuePerBin() throws Exception {
        FileRecord r = analyse(SummaryScope.FILE, "frames=16000 rate=16000");
        assertNull(r.error);
        assertEquals(List.of("s.speech", "f.v", "s.speech:summary", "f.v:summary"), List.copyOf(r.outputs.keySet()));
        List<Feature> summary = r.outputs.get("f.v:summary");
        assertEquals(SummaryFeatures.STATISTICS, summary.stream().map(f -> f.label).toList());
        for (Feature f : summary) {
            assertEquals(0.0, f.time);
            assertEquals(1.0, f.duration);
            assertEquals(2, f.values.length);
        }
        // Frames 0..9: count 10, 0..9, mean and median 4.5, population sd sqrt(8.25).
        assertEquals(10f, statistic(summary, "count", 0));
        assertEquals(0f, statistic(summary, "minimum", 0));
        assertEquals(9f, statistic(summary, "maximum", 0));
        assertEquals(4.5f, statistic(summary, "mean", 0));
        assertEquals(4.5f, statistic(summary, "median", 0));
        assertEquals((float) Math.sqrt(8.25), statistic(summary, "sd", 0));
        assertEquals(45f, statistic(summary, "median", 1));
        assertEquals(2f, statistic(r.outputs.get("s.speech:summary"), "count", 0));
        assertEquals(-15f, statistic(r.outputs.get("s.speech:summary"), "mean", 0));
    }

    @Test
    void aSegmentSummaryCountsOnlyTheFramesWhoseTimeFallsInsideASegment() throws Exception {
        FileRecord r = analyse(SummaryScope.SEGMENTS, "frames=16000 rate=16000");
        List<Feature> summary = r.outputs.get("f.v:summary");
        // Frames at 0.1 and 0.2 s (not 0.3: segments end before their end) and at 0.5 s: values 1, 2, 5.
        assertEquals(3f, statistic(summary, "count", 0));
        assertEquals(1f, statistic(summary, "minimum", 0));
        assertEquals(5f, statistic(summary, "maximum", 0));
        assertEquals(8f / 3, statistic(summary, "mean", 0), 1e-6);
        assertEquals(2f, statistic(summary, "median", 0));
        assertEquals(Math.sqrt((Math.pow(1 - 8.0 / 3, 2) + Math.pow(2 - 8.0 / 3, 2) + Math.pow(5 - 8.0 / 3, 2)) / 3),
            statistic(summary, "sd", 0), 1e-6);
    }

    @Test
    void aFileWithoutSpeechHasSegmentSummariesOfCountZeroAndNanElsewhere() throws Exception {
        // 0.05 s of audio: one frame at 0, before any segment.
        FileRecord r = analyse(SummaryScope.SEGMENTS, "frames=800 rate=16000");
        assertNull(r.error);
        List<Feature> summary = r.outputs.get("f.v:summary");
        assertEquals(0f, summary.get(0).values[0]);
        for (Feature f : summary.subList(1, summary.size())) {
            assertTrue(Float.isNaN(f.values[0]) && Float.isNaN(f.values[1]), f.label);
        }
    }

    @Test
    void aFailedFileHasNoSummaries() throws Exception {
        FileRecord r = analyse(SummaryScope.FILE, "reject");
        assertFalse(r.ok());
        assertTrue(r.outputs.isEmpty());
    }

    @Test
    void segmentsThatOverlapOrTouchCountAsOneSpanAndEndsAreExcluded() {
        FileSummaries.Spans spans = new FileSummaries.Spans(List.of(new Feature(2.0, 1.0, null, null),
            new Feature(1.0, 1.0, null, null), new Feature(1.5, 0.2, null, null), new Feature(5, 0, null, null)));
        assertFalse(spans.contain(0.999999));
        assertTrue(spans.contain(1.0));
        assertTrue(spans.contain(2.0));
        assertTrue(spans.contain(2.999));
        assertFalse(spans.contain(3.0));
        assertFalse(spans.contain(5.0), "a segment without duration covers nothing");
        assertFalse(new FileSummaries.Spans(List.of()).contain(0));
    }
}
