package io.auralis.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.output.FileRecord;
import io.auralis.report.record.RecordContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A timeline of an hour costs no more than one of a minute. */
class TimelineChartTest {
    private static final List<String> CLASSES = List.of("neutral", "happy", "sad", "angry");

    private static RecordContent content(double seconds) {
        Map<String, OutputDescriptor> outputs = new LinkedHashMap<>();
        outputs.put("ser.emotion", EmotionFeatures.output("emotion", "Emotion", CLASSES));
        outputs.put("loudness.dbfs", new OutputDescriptor("dbfs", "Level", "loudness", "dBFS", 1,
            SampleType.ONE_PER_BLOCK, true));
        FileRecord r = new FileRecord();
        r.file = "long.wav";
        r.duration = seconds;
        Random random = new Random(5);
        List<Feature> emotion = new ArrayList<>();
        for (int t = 0; t + 2 <= seconds; t++) {
            float[] p = new float[CLASSES.size()];
            float sum = 0;
            for (int k = 0; k < p.length; k++) {
                p[k] = random.nextFloat();
                sum += p[k];
            }
            for (int k = 0; k < p.length; k++) {
                p[k] /= sum;
            }
            emotion.add(new Feature(t, 2, p, null));
        }
        List<Feature> loudness = new ArrayList<>();
        for (int i = 0; i < seconds * 10; i++) {
            loudness.add(Feature.of(i / 10.0, 0.1, (float) (-30 + random.nextGaussian() * 6)));
        }
        r.outputs.put("ser.emotion", emotion);
        r.outputs.put("loudness.dbfs", loudness);
        return RecordContent.of(r, outputs);
    }

    @Test
    void anHourLongFileGivesAChartOfTheSameSizeAsAMinuteAndOfBoundedMarkup() {
        SvgChart minute = TimelineChart.svg(content(60), 60, "minute");
        SvgChart hour = TimelineChart.svg(content(3600), 3600, "hour");
        assertEquals(minute.width(), hour.width());
        assertEquals(minute.height(), hour.height());
        assertEquals(TimelineChart.WIDTH, hour.width());
        // 3,600 windows and 36,000 loudness values, drawn as at most 1,000 cells each: the markup stays small.
        assertTrue(hour.markup().length() < 120_000, hour.markup().length() + " characters");
    }

    @Test
    void emotionsThatHoldOverASegmentCostOneStepPerSegmentNotOnePerCell() {
        Map<String, OutputDescriptor> outputs = new LinkedHashMap<>();
        outputs.put("ser.emotion", EmotionFeatures.output("emotion", "Emotion", CLASSES));
        FileRecord r = new FileRecord();
        r.file = "calls.wav";
        r.duration = 600;
        List<Feature> emotion = new ArrayList<>();
        for (int t = 0; t < 600; t += 20) {
            emotion.add(new Feature(t, 15, new float[] {0.4f, 0.3f, 0.2f, 0.1f}, "neutral"));
        }
        r.outputs.put("ser.emotion", emotion);
        SvgChart chart = TimelineChart.svg(RecordContent.of(r, outputs), 600, "calls");
        // 30 segments of 4 classes: a few dozen bytes each, not one polygon per cell per class.
        assertTrue(chart.markup().length() < 40_000, chart.markup().length() + " characters");
    }
}
