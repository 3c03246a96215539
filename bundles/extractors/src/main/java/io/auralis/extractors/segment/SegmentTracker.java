package io.auralis.extractors.segment;

import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.extractors.loudness.Decibels;

/**
 * Turns frame levels into speech and silence segments, emitting each as soon as it is decided.
 *
 * <p>Frame {@code j} measures 20 ms of audio starting at sample {@code j * hop} and stands for the 10 ms around its
 * centre, {@code [(j + 0.5) hop, (j + 1.5) hop)} (the first frame from sample 0, the last to the end of the file).
 * A frame is decided {@link #LOOKAHEAD_SECONDS} after it arrives, so that the noise floor it is compared with
 * already includes some audio after it. The first decisions wait for {@link #STARTUP_SECONDS} of audio, because a
 * file may start with speech and the floor must have a pause in view.
 *
 * <p>A frame is active when its level exceeds {@code max(thresholdDb, floor + marginDb)}, or, when the previous
 * frame was active, that threshold less {@code hysteresisDb}. A segment starts at an active frame and ends at the
 * last active frame before {@code minSilence} of inactive ones; it is dropped when shorter than {@code minSpeech}
 * (a click), padded by {@code padding} on both sides without overlapping its neighbours, and split at its quietest
 * frame in the second half when it would exceed {@code maxSegment}. The gaps between speech segments are emitted as
 * silence segments, in time order.
 *
 * <p>So a segment that ends in a pause is emitted {@code minSilence} plus the lookahead after its end (but not
 * before the startup wait), a split one as soon as the split is made; no segment starts more than
 * {@code max(maxSegment, startup)} plus the lookahead and one 20 ms frame before it is emitted, which bounds what a
 * consumer buffers.
 * Memory is bounded by {@code maxSegment} and {@code noiseWindow}, whatever the length of the file.
 */
final class SegmentTracker {
    /** How far past a frame the noise floor looks before the frame is decided. */
    static final double LOOKAHEAD_SECONDS = 0.5;
    /**
     * How much audio the first decision waits for (or the whole file, if shorter): a file may start with speech,
     * and the floor needs some pause in view before anything is decided. Capped at the noise window.
     */
    static final double STARTUP_SECONDS = 3;
    /**
     * The quantile of frame levels taken as the noise floor: low, because trimmed recordings (such as corpus
     * files) hold little silence, yet above the few frames of a dropout.
     */
    static final double NOISE_QUANTILE = 0.05;
    /**
     * Frames either side of a split point whose mean level decides where to split: about 110 ms, longer than a
     * stop closure inside a word, so splits fall in pauses between words.
     */
    private static final int SPLIT_NEIGHBOURS = 5;

    private final SegmenterSettings settings;
    private final int hop;
    private final double sampleRate;
    private final int lookahead;
    private final int startup;
    private final int minSpeechFrames;
    private final int minSilenceFrames;
    private final int paddingFrames;
    private final int maxSegmentFrames;
    private final NoiseFloor noiseFloor;

    /** Frames that arrived but are not decided yet, oldest first. */
    private final double[] pendingPower;
    private int pendingHead;
    private int pendingCount;
    private long arrived;

    /** The cumulative power of the frames before each recently decided frame, by frame index. */
    private final double[] historyCumulative;
    private long decided;
    private double cumulative;

    private boolean active;
    private boolean open;
    /** Whether the open segment continues one that was split, so that it gets no start padding. */
    private boolean continuation;
    private long segmentStart;
    private long paddedStart;
    private long lastActive;

    /** The frame boundary where the last emitted speech segment ended, and the cumulative power there. */
    private long emittedEnd;
    private double cumulativeAtEmittedEnd;

    private long totalSamples = -1;

    /**
     * Creates the tracker.
     *
     * @param settings the parameters
     * @param hop samples between frame starts
     * @param sampleRate the sample rate in Hz
     */
    SegmentTracker(SegmenterSettings settings, int hop, int sampleRate) {
        this.settings = settings;
        this.hop = hop;
        this.sampleRate = sampleRate;
        double frameSeconds = hop / (double) sampleRate;
        this.lookahead = frames(LOOKAHEAD_SECONDS, frameSeconds);
        int window = frames(settings.noiseWindow(), frameSeconds) + lookahead;
        this.startup = Math.max(lookahead, Math.min(window, frames(STARTUP_SECONDS, frameSeconds)));
        this.minSpeechFrames = Math.max(1, frames(settings.minSpeech(), frameSeconds));
        this.minSilenceFrames = Math.max(1, frames(settings.minSilence(), frameSeconds));
        this.paddingFrames = frames(settings.padding(), frameSeconds);
        this.maxSegmentFrames = Math.max(2, frames(settings.maxSegment(), frameSeconds));
        this.noiseFloor = new NoiseFloor(window, NOISE_QUANTILE);
        this.pendingPower = new double[startup + 1];
        // A segment still open reaches back at most maxSegment; closing it looks minSilence further.
        int history = maxSegmentFrames + minSilenceFrames + paddingFrames + 4;
        this.historyCumulative = new double[history];
    }

    private static int frames(double seconds, double frameSeconds) {
        return (int) Math.round(seconds / frameSeconds);
    }

    /**
     * Takes the next frame.
     *
     * @param power the frame's mean square
     * @param sink where decided segments go
     */
    void frame(double power, FeatureSink sink) {
        noiseFloor.add(Decibels.powerToDb(power));
        pendingPower[(pendingHead + pendingCount) % pendingPower.length] = power;
        pendingCount++;
        arrived++;
        // Until the first decision the queue fills up to the startup length; then it drains to the lookahead.
        int hold = decided == 0 && arrived <= startup ? startup : lookahead;
        while (pendingCount > hold) {
            decideOldest(sink);
        }
    }

    /**
     * Decides the remaining frames and emits what is left: the open segment and the trailing silence.
     *
     * @param samples the number of samples in the file
     * @param sink where segments go
     */
    void finish(long samples, FeatureSink sink) {
        totalSamples = samples;
        while (pendingCount > 0) {
            decideOldest(sink);
        }
        if (open) {
            close(decided - 1, sink);
        }
        if (arrived > emittedEnd) {
            emitSilence(arrived, sink);
        }
    }

    private void decideOldest(FeatureSink sink) {
        double power = pendingPower[pendingHead];
        pendingHead = (pendingHead + 1) % pendingPower.length;
        pendingCount--;
        double db = Decibels.powerToDb(power);

        double on = Math.max(settings.thresholdDb(), noiseFloor.level() + settings.marginDb());
        active = db > (active ? on - settings.hysteresisDb() : on);

        long j = decided;
        historyCumulative[(int) (j % historyCumulative.length)] = cumulative;
        cumulative += power;
        decided++;

        if (active) {
            if (!open) {
                open = true;
                continuation = false;
                segmentStart = j;
                paddedStart = Math.max(emittedEnd, j - paddingFrames);
            }
            lastActive = j;
        } else if (open && j - lastActive >= minSilenceFrames) {
            close(j, sink);
        }
        if (open && j + 1 - paddedStart >= maxSegmentFrames) {
            split(j, sink);
        }
    }

    /** Ends the open segment at its last active frame, decided at frame {@code j}. */
    private void close(long j, FeatureSink sink) {
        open = false;
        if (continuation || lastActive + 1 - segmentStart >= minSpeechFrames) {
            emitSpeech(paddedStart, Math.min(lastActive + paddingFrames, j) + 1, sink);
        }
    }

    /** Cuts the open segment, which reached maxSegment at frame {@code j}, at its quietest point in the second half. */
    private void split(long j, FeatureSink sink) {
        long from = paddedStart + maxSegmentFrames / 2;
        long cut = j;
        double quietest = Double.POSITIVE_INFINITY;
        for (long k = j; k >= from; k--) {
            long a = Math.max(paddedStart, k - SPLIT_NEIGHBOURS);
            long b = Math.min(j + 1, k + SPLIT_NEIGHBOURS + 1);
            double mean = (cumulativeAt(b) - cumulativeAt(a)) / (b - a);
            if (mean < quietest) {
                quietest = mean;
                cut = k;
            }
        }
        if (cut > lastActive) {
            // The quietest point lies in the pause after the last active frame: end the segment there as usual.
            open = false;
            emitSpeech(paddedStart, Math.min(lastActive + paddingFrames, cut - 1) + 1, sink);
            return;
        }
        emitSpeech(paddedStart, cut, sink);
        continuation = true;
        segmentStart = cut;
        paddedStart = cut;
    }

    private void emitSpeech(long start, long end, FeatureSink sink) {
        if (start > emittedEnd) {
            emitSilence(start, sink);
        }
        sink.emit(SpeechSegmenter.SPEECH, segment(start, end, cumulativeAt(end) - cumulativeAt(start),
            SpeechSegmenter.SPEECH));
        emittedEnd = end;
        cumulativeAtEmittedEnd = cumulativeAt(end);
    }

    private void emitSilence(long end, FeatureSink sink) {
        sink.emit(SpeechSegmenter.SILENCE, segment(emittedEnd, end, cumulativeAt(end) - cumulativeAtEmittedEnd,
            SpeechSegmenter.SILENCE));
        emittedEnd = end;
        cumulativeAtEmittedEnd = cumulativeAt(end);
    }

    /** The feature for frames {@code [start, end)}, whose powers sum to {@code power}. */
    private Feature segment(long start, long end, double power, String label) {
        double from = boundary(start);
        double to = boundary(end);
        float level = (float) Decibels.powerToDb(power / (end - start));
        return new Feature(from, to - from, new float[] {level}, label);
    }

    /** The cumulative power of the frames before frame boundary {@code k}, which is recent or the current one. */
    private double cumulativeAt(long k) {
        return k >= decided ? cumulative : historyCumulative[(int) (k % historyCumulative.length)];
    }

    /** The time in seconds of frame boundary {@code k}, the start of the span frame {@code k} stands for. */
    private double boundary(long k) {
        if (k <= 0) {
            return 0;
        }
        if (totalSamples >= 0 && k >= arrived) {
            return totalSamples / sampleRate;
        }
        return (k + 0.5) * hop / sampleRate;
    }
}
