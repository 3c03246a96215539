package io.auralis.report;

import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.emotion.EmotionResult;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.output.FileRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hand-made records like a workflow of SER windows, loudness and pitch produces: emotion windows every second
 * (2 s long, so they overlap), loudness every 0.1 s, pitch on voiced stretches, and pauses without speech.
 */
final class Records {
    static final String EMOTION = "emotion.emotion";
    static final String LOUDNESS = "loudness.dbfs";
    static final String PITCH = "pitch.f0";
    static final String SEGMENTS = "timeline.segments";
    static final List<String> CLASSES = List.of("neutral", "calm", "happy", "sad", "angry", "fearful", "disgust",
        "surprised");

    private Records() {
    }

    static Map<String, OutputDescriptor> outputs() {
        Map<String, OutputDescriptor> outputs = new LinkedHashMap<>();
        outputs.put(EMOTION, EmotionFeatures.output("emotion", "Emotion", CLASSES));
        OutputDescriptor dbfs = new OutputDescriptor("dbfs", "Level", "loudness", "dBFS", 1,
            SampleType.ONE_PER_BLOCK, true);
        dbfs.binNames = List.of("dbfs");
        outputs.put(LOUDNESS, dbfs);
        OutputDescriptor f0 = new OutputDescriptor("f0", "Fundamental frequency", "pitch", "Hz", 1,
            SampleType.ONE_PER_BLOCK, true);
        f0.binNames = List.of("f0");
        outputs.put(PITCH, f0);
        // As the host describes auralis.emotion-timeline's segments since API 1.1: the upstream classes.
        OutputDescriptor segments = new OutputDescriptor("segments", "Emotion segments", EmotionFeatures.KIND,
            "probability", -1, SampleType.VARIABLE, true);
        segments.binNames = CLASSES;
        outputs.put(SEGMENTS, segments);
        return outputs;
    }

    /**
     * A file of speech in stretches separated by pauses, each stretch leaning to one emotion.
     *
     * @param file the file name
     * @param seconds its length
     * @param seed for the random parts
     * @param moods the emotions the stretches lean to, in turn
     */
    static FileRecord speech(String file, double seconds, long seed, String... moods) {
        Random random = new Random(seed);
        FileRecord r = new FileRecord();
        r.file = file;
        r.duration = seconds;
        r.sampleRate = 16000;
        r.channels = 1;
        List<Feature> emotion = new ArrayList<>();
        List<Feature> loudness = new ArrayList<>();
        List<Feature> pitch = new ArrayList<>();
        boolean[] speaking = new boolean[(int) Math.ceil(seconds * 10)];
        double t = 0.5;
        int stretch = 0;
        double[] p = new double[CLASSES.size()];
        while (t < seconds - 1) {
            double length = Math.min(seconds - t, 6 + random.nextDouble() * 12);
            String mood = moods[stretch++ % moods.length];
            for (double w = t; w + 2 <= t + length; w += 1) {
                for (int k = 0; k < p.length; k++) {
                    p[k] = random.nextDouble() * 0.6;
                }
                p[CLASSES.indexOf(mood)] += 2.5 + random.nextGaussian() * 0.8;
                p[random.nextInt(p.length)] += random.nextDouble() * 1.5;
                EmotionResult e = new EmotionResult();
                e.time = w;
                e.duration = 2;
                double sum = 0;
                for (double v : p) {
                    sum += Math.max(0, v);
                }
                for (int k = 0; k < p.length; k++) {
                    e.distribution.put(CLASSES.get(k), Math.max(0, p[k]) / sum);
                }
                emotion.add(EmotionFeatures.toFeature(best(e), CLASSES));
            }
            for (int i = (int) (t * 10); i < Math.min(speaking.length, (t + length) * 10); i++) {
                speaking[i] = true;
            }
            t += length + 1 + random.nextDouble() * 3;
        }
        double f0 = 120 + random.nextDouble() * 100;
        for (int i = 0; i < speaking.length; i++) {
            double time = i / 10.0;
            double level = speaking[i] ? -24 + 8 * Math.sin(i / 3.0) + random.nextGaussian() * 3
                : -62 + random.nextGaussian() * 2;
            loudness.add(Feature.of(time, 0.1, (float) level));
            if (speaking[i] && random.nextDouble() < 0.7) {
                f0 = Math.max(70, Math.min(400, f0 * Math.exp(random.nextGaussian() * 0.05)));
                pitch.add(Feature.of(time, 0.1, (float) f0));
            }
        }
        r.outputs.put(EMOTION, emotion);
        r.outputs.put(LOUDNESS, loudness);
        r.outputs.put(PITCH, pitch);
        return r;
    }

    /**
     * Adds segments as an emotion timeline would make them: runs of windows with the same label, runs shorter
     * than three windows absorbed by the run before them, pauses ending a segment.
     */
    static FileRecord withSegments(FileRecord r) {
        List<Feature> windows = r.outputs.get(EMOTION);
        List<Feature> segments = new ArrayList<>();
        int start = 0;
        while (start < windows.size()) {
            int end = start + 1;
            while (end < windows.size() && windows.get(end).time <= windows.get(end - 1).end()
                    && (windows.get(end).label.equals(windows.get(start).label) || run(windows, end) < 3)) {
                end++;
            }
            Feature first = windows.get(start);
            Feature last = windows.get(end - 1);
            float[] mean = new float[CLASSES.size()];
            for (int i = start; i < end; i++) {
                for (int k = 0; k < mean.length; k++) {
                    mean[k] += windows.get(i).values[k] / (end - start);
                }
            }
            segments.add(new Feature(first.time, last.end() - first.time, mean, first.label));
            start = end;
        }
        r.outputs.put(SEGMENTS, segments);
        return r;
    }

    /** How many windows from {@code i} on share its label without a pause. */
    private static int run(List<Feature> windows, int i) {
        int j = i + 1;
        while (j < windows.size() && windows.get(j).label.equals(windows.get(i).label)
                && windows.get(j).time <= windows.get(j - 1).end()) {
            j++;
        }
        return j - i;
    }

    static FileRecord failed(String file, String error) {
        FileRecord r = new FileRecord();
        r.file = file;
        r.error = error;
        return r;
    }

    static FileRecord loudnessOnly(String file, double seconds) {
        FileRecord r = new FileRecord();
        r.file = file;
        r.duration = seconds;
        r.sampleRate = 44100;
        r.channels = 2;
        List<Feature> loudness = new ArrayList<>();
        for (int i = 0; i < seconds * 10; i++) {
            loudness.add(Feature.of(i / 10.0, 0.1, (float) (-30 + 10 * Math.sin(i / 5.0))));
        }
        r.outputs.put(LOUDNESS, loudness);
        return r;
    }

    private static EmotionResult best(EmotionResult e) {
        e.label = e.distribution.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        e.confidence = e.probability(e.label);
        return e;
    }
}
