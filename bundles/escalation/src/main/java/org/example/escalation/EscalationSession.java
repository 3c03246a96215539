package org.example.escalation;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureSink;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One file: builds candidate intervals from the emotion input, and judges each, once the loudness input has
 * caught up with its end, by the loudness trend inside it.
 *
 * <p>The two inputs arrive independently (emotion results usually later than the loudness of the same audio), so
 * loudness frames are kept from the start of the oldest interval still open or waiting, or else from the latest
 * emotion result; earlier frames can no longer fall inside an interval and are dropped.
 */
final class EscalationSession implements ExtractorSession {
    /** Loudness frames quieter than this (dBFS) are pauses, left out of the trend. */
    static final double SILENCE_DB = -60;

    /** Emotion results in a row whose watched emotions are probable enough. */
    private static final class Interval {
        final double start;
        double end;
        double peak;

        Interval(double start, double end, double peak) {
            this.start = start;
            this.end = end;
            this.peak = peak;
        }
    }

    /** A loudness value at the centre of its frame. */
    private record Frame(double time, double db) {
    }

    private final int[] watched;
    private final int classes;
    private final double confidence;
    private final double minDuration;
    private final double minRiseDb;
    private final double maxGap;

    private Interval open;
    private final Deque<Interval> waiting = new ArrayDeque<>();
    private final Deque<Frame> loudness = new ArrayDeque<>();
    private double loudnessUntil = Double.NEGATIVE_INFINITY;
    private double latestEmotion = Double.NEGATIVE_INFINITY;

    EscalationSession(int[] watched, int classes, double confidence, double minDuration, double minRiseDb,
            double maxGap) {
        this.watched = watched;
        this.classes = classes;
        this.confidence = confidence;
        this.minDuration = minDuration;
        this.minRiseDb = minRiseDb;
        this.maxGap = maxGap;
    }

    @Override
    public void process(AudioBlock block, FeatureSink sink) {
        // Everything this extractor needs comes from its inputs.
    }

    @Override
    public void consume(String inputId, Feature feature, FeatureSink sink) throws ExtractionException {
        if (EscalationDetector.EMOTION.equals(inputId)) {
            onEmotion(feature);
        } else if (EscalationDetector.LOUDNESS.equals(inputId)) {
            if (feature.values == null || feature.values.length < 1 || Float.isNaN(feature.values[0])) {
                throw new ExtractionException(EscalationDetector.ID + ": loudness frame at " + feature.time
                    + " s has no value");
            }
            loudness.add(new Frame(feature.time + feature.duration / 2, feature.values[0]));
            loudnessUntil = Math.max(loudnessUntil, feature.end());
        }
        judgeWaiting(sink, false);
        forgetOldLoudness();
    }

    @Override
    public void finish(FeatureSink sink) {
        closeOpen();
        judgeWaiting(sink, true);
    }

    private void onEmotion(Feature f) throws ExtractionException {
        if (f.values == null || f.values.length != classes) {
            throw new ExtractionException(EscalationDetector.ID + ": emotion result at " + f.time + " s has "
                + (f.values == null ? 0 : f.values.length) + " probabilities, expected " + classes);
        }
        double p = 0;
        for (int i : watched) {
            p += f.values[i];
        }
        latestEmotion = f.time;
        boolean continuesOpen = open != null && f.time - open.end <= maxGap;
        if (p >= confidence && continuesOpen) {
            open.end = Math.max(open.end, f.end());
            open.peak = Math.max(open.peak, p);
        } else {
            closeOpen();
            if (p >= confidence) {
                open = new Interval(f.time, f.end(), p);
            }
        }
    }

    private void closeOpen() {
        if (open != null && open.end - open.start >= minDuration) {
            waiting.add(open);
        }
        open = null;
    }

    /** Judges the waiting intervals whose loudness has all arrived (or all of them, at the end of the file). */
    private void judgeWaiting(FeatureSink sink, boolean endOfFile) {
        while (!waiting.isEmpty() && (endOfFile || loudnessUntil >= waiting.peek().end)) {
            Interval interval = waiting.poll();
            double rise = loudnessRise(interval);
            if (rise >= minRiseDb) {
                sink.emit(EscalationDetector.ESCALATIONS, new Feature(interval.start, interval.end - interval.start,
                    new float[] {(float) interval.peak, (float) rise}, "escalation"));
            }
        }
    }

    /**
     * The loudness rise over an interval: the least-squares slope of dBFS against time through its non-silent
     * frames, times its length.
     *
     * @return the rise in dB, or NaN when fewer than two frames are usable
     */
    private double loudnessRise(Interval interval) {
        int n = 0;
        double sumT = 0;
        double sumY = 0;
        double sumTT = 0;
        double sumTY = 0;
        for (Frame f : loudness) {
            if (f.time >= interval.start && f.time <= interval.end && f.db > SILENCE_DB) {
                double t = f.time - interval.start; // relative times keep the sums well conditioned
                n++;
                sumT += t;
                sumY += f.db;
                sumTT += t * t;
                sumTY += t * f.db;
            }
        }
        double denominator = n * sumTT - sumT * sumT;
        if (n < 2 || denominator <= 0) {
            return Double.NaN;
        }
        double slope = (n * sumTY - sumT * sumY) / denominator;
        return slope * (interval.end - interval.start);
    }

    private void forgetOldLoudness() {
        double keepFrom = latestEmotion;
        if (open != null) {
            keepFrom = Math.min(keepFrom, open.start);
        }
        if (!waiting.isEmpty()) {
            keepFrom = Math.min(keepFrom, waiting.peek().start);
        }
        while (!loudness.isEmpty() && loudness.peek().time < keepFrom) {
            loudness.poll();
        }
    }

    /** How many loudness frames are held, for tests of the memory bound. */
    int bufferedFrames() {
        return loudness.size();
    }
}
