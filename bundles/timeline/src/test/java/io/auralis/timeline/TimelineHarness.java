package io.auralis.timeline;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.api.extractor.SessionContext;
import io.auralis.testkit.ExtractorHarness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opens timeline sessions as the host does (through the test kit: parameters checked and completed with defaults,
 * the input bound to an emotion output) and feeds them hand-made emotion windows.
 */
final class TimelineHarness {
    static final List<String> CLASSES = List.of("angry", "happy", "neutral", "sad");

    final Map<String, List<Feature>> outputs = new LinkedHashMap<>();
    final FeatureSink sink = (id, f) -> outputs.computeIfAbsent(id, k -> new ArrayList<>()).add(f);
    final TimelineSession session;

    private TimelineHarness(TimelineSession session) {
        this.session = session;
    }

    static TimelineHarness open(Object... idValuePairs) throws ExtractionException {
        return new TimelineHarness((TimelineSession) new EmotionTimeline().open(context(idValuePairs)));
    }

    /**
     * Opens a session with one value the host's checks would refuse, set past them: for the timeline's own checks
     * of what a caller bypassing the workflow could pass.
     */
    static TimelineHarness openUnchecked(String id, Object value) throws ExtractionException {
        return new TimelineHarness((TimelineSession) new EmotionTimeline().open(kit().withUnchecked(id, value)
            .context()));
    }

    private static ExtractorHarness kit() {
        return ExtractorHarness.of(new EmotionTimeline())
            .input(EmotionTimeline.EMOTION, EmotionFeatures.output("emotion", "Emotion", CLASSES));
    }

    /** The context the host opens the timeline with: parameters checked and defaulted, the input bound. */
    static SessionContext context(Object... idValuePairs) {
        ExtractorHarness h = kit();
        for (int i = 0; i < idValuePairs.length; i += 2) {
            h.with((String) idValuePairs[i], idValuePairs[i + 1]);
        }
        return h.context();
    }

    /** A window whose most probable class is {@code label} (0.7, the others 0.1). */
    static Feature window(double start, double end, String label) {
        float[] p = new float[CLASSES.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = CLASSES.get(i).equals(label) ? 0.7f : 0.1f;
        }
        return new Feature(start, end - start, p, label);
    }

    /** Back-to-back one-second windows from time 0, one per letter: a(ngry), h(appy), n(eutral), s(ad). */
    static List<Feature> seconds(String letters) {
        List<Feature> list = new ArrayList<>();
        for (int i = 0; i < letters.length(); i++) {
            list.add(window(i, i + 1, label(letters.charAt(i))));
        }
        return list;
    }

    static String label(char letter) {
        for (String c : CLASSES) {
            if (c.charAt(0) == letter) {
                return c;
            }
        }
        throw new IllegalArgumentException("no class for " + letter);
    }

    TimelineHarness feed(List<Feature> features) throws ExtractionException {
        for (Feature f : features) {
            session.consume(EmotionTimeline.EMOTION, f, sink);
        }
        return this;
    }

    TimelineHarness feed(Feature... features) throws ExtractionException {
        return feed(List.of(features));
    }

    /** Tells the session the file lasts {@code seconds}, as the host's audio blocks would. */
    TimelineHarness audio(double seconds) {
        int rate = 1000;
        session.process(new AudioBlock(new float[(int) Math.round(seconds * rate)],
            (int) Math.round(seconds * rate), 0, rate), sink);
        return this;
    }

    TimelineHarness finish() {
        session.finish(sink);
        session.close();
        return this;
    }

    List<Feature> get(String output) {
        return outputs.getOrDefault(output, List.of());
    }

    /** The segments as {@code label start-end}, to compare with exact expectations. */
    List<String> segments() {
        List<String> list = new ArrayList<>();
        for (Feature f : get(EmotionTimeline.SEGMENTS)) {
            list.add(String.format(Locale.ROOT, "%s %.2f-%.2f", f.label, f.time, f.end()));
        }
        return list;
    }

    Feature summary() {
        List<Feature> s = get(EmotionTimeline.SUMMARY);
        if (s.size() != 1) {
            throw new AssertionError("expected one summary, got " + s);
        }
        return s.get(0);
    }

    int changes() {
        List<Feature> c = get(EmotionTimeline.CHANGES);
        if (c.size() != 1) {
            throw new AssertionError("expected one change count, got " + c);
        }
        return (int) c.get(0).values[0];
    }
}
