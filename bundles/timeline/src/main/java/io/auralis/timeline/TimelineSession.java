package io.auralis.timeline;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureSink;
import java.util.List;
import java.util.Queue;

/**
 * One file's timeline: emotion windows go through the {@link Smoother}, the {@link RunBuilder} and the
 * {@link MinimumDurationFilter}; finished segments are emitted as soon as they are final, and the summary at
 * {@link #finish}.
 */
final class TimelineSession implements ExtractorSession {
    private final List<String> classes;
    private final Smoother smoother;
    private final MinimumDurationFilter filter;

    /** Speech seconds of the emitted segments, per class. */
    private final double[] speechPerClass;
    private int changes;
    private int lastLabel = -1;
    private double lastStart = Double.NEGATIVE_INFINITY;
    /** The end of the audio and of the emotion input seen so far: the span of the summary. */
    private double end;

    TimelineSession(TimelineSettings settings, List<String> classes) {
        this.classes = classes;
        this.filter = new MinimumDurationFilter(classes.size(), settings.minDuration());
        this.smoother = new Smoother(settings.smoothing(), settings.maxGap(),
            new RunBuilder(classes.size(), filter));
        this.speechPerClass = new double[classes.size()];
    }

    @Override
    public void process(AudioBlock block, FeatureSink sink) {
        // The audio itself is not needed; only how long the file is, for the summary's span.
        end = Math.max(end, block.startTime() + block.duration());
    }

    @Override
    public void consume(String inputId, Feature feature, FeatureSink sink) throws ExtractionException {
        if (!EmotionTimeline.EMOTION.equals(inputId)) {
            return;
        }
        float[] values = feature.values;
        if (values == null || values.length != classes.size()) {
            throw new ExtractionException(EmotionTimeline.ID + ": emotion feature at " + feature.time + " s has "
                + (values == null ? 0 : values.length) + " values, but its output names " + classes.size()
                + " classes");
        }
        if (!Double.isFinite(feature.time) || !(feature.duration >= 0) || feature.time < lastStart) {
            throw new ExtractionException(EmotionTimeline.ID + ": emotion feature at " + feature.time
                + " s (duration " + feature.duration + ") is out of time order or has no valid span");
        }
        double[] distribution = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new ExtractionException(EmotionTimeline.ID + ": emotion feature at " + feature.time
                    + " s has a non-finite probability for '" + classes.get(i) + "'");
            }
            distribution[i] = values[i];
        }
        lastStart = feature.time;
        end = Math.max(end, feature.end());
        smoother.accept(feature.time, feature.end(), distribution);
        emitReady(sink);
    }

    @Override
    public void finish(FeatureSink sink) {
        smoother.endIsland();
        emitReady(sink);

        double total = 0;
        for (double s : speechPerClass) {
            total += s;
        }
        float[] shares = new float[speechPerClass.length];
        int dominant = -1;
        for (int i = 0; i < shares.length; i++) {
            shares[i] = total > 0 ? (float) (speechPerClass[i] / total) : 0f;
            if (speechPerClass[i] > 0 && (dominant < 0 || speechPerClass[i] > speechPerClass[dominant])) {
                dominant = i;
            }
        }
        sink.emit(EmotionTimeline.SUMMARY, new Feature(0, end, shares, dominant < 0 ? null : classes.get(dominant)));
        sink.emit(EmotionTimeline.CHANGES, new Feature(0, end, new float[] {changes}, null));
    }

    /** How many emotion windows the session holds, for tests of the memory bound. */
    int bufferedWindows() {
        return smoother.buffered();
    }

    private void emitReady(FeatureSink sink) {
        Queue<Run> ready = filter.ready();
        for (Run segment = ready.poll(); segment != null; segment = ready.poll()) {
            speechPerClass[segment.label] += segment.speech;
            if (lastLabel >= 0 && lastLabel != segment.label) {
                changes++;
            }
            lastLabel = segment.label;
            sink.emit(EmotionTimeline.SEGMENTS, new Feature(segment.start, segment.duration(),
                segment.meanDistribution(), classes.get(segment.label)));
        }
    }
}
