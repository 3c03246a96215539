package org.example.escalation;

import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.extractor.SessionContext;
import io.auralis.testkit.ExtractorHarness;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Builds synthetic emotion and loudness inputs and plays them to a session the way the host does: each feature
 * once the audio up to its end has been processed, loudness before emotion when both are ready.
 */
final class EscalationHarness {
    static final List<String> CLASSES = List.of("angry", "fear", "happy", "neutral", "sad");
    /** Loudness frames: 50 ms, back to back, as a loudness extractor with 800-sample blocks at 16 kHz gives. */
    static final double FRAME = 0.05;

    private record Delivery(String input, Feature feature) {
    }

    final List<Feature> emotion = new ArrayList<>();
    final List<Feature> loudness = new ArrayList<>();

    /** One-second emotion results over {@code [from, to)}, each with the given probabilities. */
    EscalationHarness emotion(double from, double to, double angry, double fear) {
        for (double t = from; t < to - 1e-9; t += 1) {
            emotion.add(result(t, Math.min(1, to - t), angry, fear));
        }
        return this;
    }

    /** One emotion result spanning {@code [from, to)}. */
    EscalationHarness segment(double from, double to, double angry, double fear) {
        emotion.add(result(from, to - from, angry, fear));
        return this;
    }

    private static Feature result(double time, double duration, double angry, double fear) {
        double rest = (1 - angry - fear) / 3;
        float[] p = {(float) angry, (float) fear, (float) rest, (float) rest, (float) rest};
        return new Feature(time, duration, p, null);
    }

    /** Loudness frames over {@code [0, to)}, with the level in dBFS given for the centre of each frame. */
    EscalationHarness loudness(double to, DoubleUnaryOperator dbAt) {
        for (int i = 0; (i + 1) * FRAME <= to + 1e-9; i++) {
            double t = i * FRAME;
            loudness.add(Feature.of(t, FRAME, (float) dbAt.applyAsDouble(t + FRAME / 2)));
        }
        return this;
    }

    /** A level of {@code before} dBFS, then a straight line from {@code from} to {@code to}, then {@code after}. */
    static DoubleUnaryOperator ramp(double start, double end, double before, double from, double to, double after) {
        return t -> t < start ? before : t > end ? after : from + (to - from) * (t - start) / (end - start);
    }

    /** The harness of the kit, with both inputs bound as a workflow binds them. */
    private static ExtractorHarness host() {
        OutputDescriptor dbfs = new OutputDescriptor("dbfs", "Level", "loudness", "dBFS", 1,
            SampleType.ONE_PER_BLOCK, true);
        return ExtractorHarness.of(new EscalationDetector())
            .input(EscalationDetector.EMOTION, EmotionFeatures.output("emotion", "Emotion", CLASSES))
            .input(EscalationDetector.LOUDNESS, dbfs);
    }

    /** The context the host opens the detector with: parameters checked and defaulted, both inputs bound. */
    static SessionContext context(Object... idValuePairs) {
        ExtractorHarness h = host();
        for (int i = 0; i < idValuePairs.length; i += 2) {
            h.with((String) idValuePairs[i], idValuePairs[i + 1]);
        }
        return h.context();
    }

    /** A context with one value the host would refuse, set past its checks: for the detector's own checks. */
    static SessionContext uncheckedContext(String id, Object value) {
        return host().withUnchecked(id, value).context();
    }

    /** Runs a session in host order and returns the escalations. */
    List<Feature> run(Object... idValuePairs) throws ExtractionException {
        List<Delivery> order = new ArrayList<>();
        loudness.forEach(f -> order.add(new Delivery(EscalationDetector.LOUDNESS, f)));
        emotion.forEach(f -> order.add(new Delivery(EscalationDetector.EMOTION, f)));
        // Stable sort: loudness stays first among features that become ready together.
        order.sort(Comparator.comparingDouble(d -> d.feature.end()));
        return deliver(order, idValuePairs);
    }

    /** Runs a session with all emotion results first, then all loudness: an order no host uses, but legal. */
    List<Feature> runEmotionFirst(Object... idValuePairs) throws ExtractionException {
        List<Delivery> order = new ArrayList<>();
        emotion.forEach(f -> order.add(new Delivery(EscalationDetector.EMOTION, f)));
        loudness.forEach(f -> order.add(new Delivery(EscalationDetector.LOUDNESS, f)));
        return deliver(order, idValuePairs);
    }

    int maxBufferedFrames;

    private List<Feature> deliver(List<Delivery> order, Object... idValuePairs) throws ExtractionException {
        List<Feature> out = new ArrayList<>();
        FeatureSink sink = (id, f) -> {
            if (!EscalationDetector.ESCALATIONS.equals(id)) {
                throw new AssertionError("undeclared output " + id);
            }
            out.add(f);
        };
        try (EscalationSession session = (EscalationSession) new EscalationDetector().open(context(idValuePairs))) {
            for (Delivery d : order) {
                session.consume(d.input, d.feature, sink);
                maxBufferedFrames = Math.max(maxBufferedFrames, session.bufferedFrames());
            }
            session.finish(sink);
        }
        return out;
    }
}
