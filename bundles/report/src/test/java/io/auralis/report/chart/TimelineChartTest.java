package io.auralis.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.output.FileRecord;
import io.auralis.report.record.RecordContent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
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
    void anHourLongFileGivesAnImageOfTheSameSizeAsAMinute() throws IOException {
        Png minute = TimelineChart.png(content(60), 60);
        Png hour = TimelineChart.png(content(3600), 3600);
        assertEquals(minute.width(), hour.width());
        assertEquals(minute.height(), hour.height());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(hour.bytes()));
        assertEquals(TimelineChart.WIDTH, image.getWidth());
        // 3,600 windows and 36,000 loudness values, drawn as at most 1,000 points each: the PNG stays small.
        assertTrue(hour.bytes().length < 400_000, hour.bytes().length + " bytes");
    }
}
