package io.auralis.report.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.output.FileRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-file summary: shares of speech time, dominant emotion and changes, computed or taken as given. */
class SummariesTest {
    private static final List<String> CLASSES = List.of("happy", "sad", "angry");

    private final Map<String, OutputDescriptor> outputs = new LinkedHashMap<>();
    private final FileRecord record = new FileRecord();

    SummariesTest() {
        outputs.put("ser.emotion", EmotionFeatures.output("emotion", "Emotion", CLASSES));
        record.file = "a.wav";
        record.duration = 20;
    }

    private static Feature emotion(double time, double duration, String label) {
        float[] p = new float[CLASSES.size()];
        p[CLASSES.indexOf(label)] = 0.7f;
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.1f;
        }
        return new Feature(time, duration, p, label);
    }

    private FileSummary summary() {
        return Summaries.of(1, record, RecordContent.of(record, outputs));
    }

    @Test
    void overlappingWindowsShareTheTimeTheyOverlap() {
        // 2 s windows every second: each stands for one second, the last for its whole length.
        List<Feature> windows = new ArrayList<>();
        String[] labels = {"happy", "happy", "sad", "sad", "sad", "happy"};
        for (int i = 0; i < labels.length; i++) {
            windows.add(emotion(i, 2, labels[i]));
        }
        record.outputs.put("ser.emotion", windows);
        FileSummary s = summary();
        assertEquals(7.0, s.speechSeconds, 1e-9);
        assertEquals(4.0 / 7, s.shares.get("happy"), 1e-9);
        assertEquals(3.0 / 7, s.shares.get("sad"), 1e-9);
        assertEquals(0.0, s.shares.get("angry"), 1e-9);
        assertEquals("happy", s.dominant);
        assertEquals(2, s.changes);
    }

    @Test
    void pausesBetweenSegmentsAreNotSpeech() {
        record.outputs.put("ser.emotion", List.of(emotion(0, 2, "angry"), emotion(10, 3, "sad")));
        FileSummary s = summary();
        assertEquals(5.0, s.speechSeconds, 1e-9);
        assertEquals("sad", s.dominant);
        assertEquals(1, s.changes);
    }

    @Test
    void changesAreCountedOnTheCoarsestEmotionOutput() {
        // Windows flicker; the merged segments of the timeline extractor (which name no classes) change once.
        List<Feature> windows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            windows.add(emotion(i, 1, i % 2 == 0 ? "happy" : "sad"));
        }
        record.outputs.put("ser.emotion", windows);
        OutputDescriptor segments = new OutputDescriptor("segments", "Emotion segments", EmotionFeatures.KIND,
            "probability", -1, SampleType.VARIABLE, true);
        outputs.put("timeline.segments", segments);
        record.outputs.put("timeline.segments", List.of(emotion(0, 6, "happy"), emotion(6, 4, "sad")));
        RecordContent content = RecordContent.of(record, outputs);
        assertEquals(List.of(), content.problems());
        assertEquals("ser.emotion", content.finestEmotions().output());
        assertEquals(CLASSES, content.coarsestEmotions().classes());
        FileSummary s = Summaries.of(1, record, content);
        assertEquals(1, s.changes);
        assertEquals(0.6, s.shares.get("happy"), 1e-9);
    }

    @Test
    void emotionSummaryOutputWinsOverComputedShares() {
        record.outputs.put("ser.emotion", List.of(emotion(0, 2, "happy"), emotion(2, 2, "happy")));
        OutputDescriptor summary = new OutputDescriptor("summary", "Emotion summary", "emotion-summary", "share",
            -1, SampleType.VARIABLE, true);
        outputs.put("timeline.summary", summary);
        record.outputs.put("timeline.summary", List.of(new Feature(0, 20, new float[] {0.25f, 0.15f, 0.6f},
            "angry")));
        FileSummary s = summary();
        assertEquals("angry", s.dominant);
        assertEquals(0.6, s.shares.get("angry"), 1e-6);
        assertEquals(0, s.changes);
    }

    @Test
    void unreadableEmotionFeaturesAreNamedNotFatal() {
        record.outputs.put("ser.emotion", List.of(emotion(0, 2, "happy"),
            new Feature(2, 2, new float[] {0.5f, 0.5f}, null)));
        RecordContent content = RecordContent.of(record, outputs);
        assertEquals(1, content.problems().size());
        assertTrue(content.problems().get(0).startsWith("output 'ser.emotion': 1 of 2 features could not be read"),
            content.problems().get(0));
        assertEquals(1, content.finestEmotions().results().size());
    }

    @Test
    void failedRecordHasNoEmotionSummary() {
        record.error = "a.wav: truncated";
        FileSummary s = summary();
        assertEquals("a.wav: truncated", s.error);
        assertNull(s.dominant);
        assertEquals(-1, s.changes);
        assertTrue(s.shares.isEmpty());
    }
}
