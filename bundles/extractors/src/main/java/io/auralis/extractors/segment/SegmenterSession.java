package io.auralis.extractors.segment;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.FeatureSink;

/**
 * Measures the level of one file in 20 ms frames every 10 ms and hands the frames to a {@link SegmentTracker}.
 *
 * <p>The frames are laid on the file's sample indices, not on the host's blocks: each sample is taken once, in
 * order, whatever the block and step sizes (overlapping blocks are read from where the previous one ended), so
 * the segments do not depend on how the host frames the audio.
 */
final class SegmenterSession implements ExtractorSession {
    /** High-pass corner: below the lowest voices' fundamentals that carry energy, above rumble and DC. */
    private static final double HIGH_PASS_HZ = 80;
    /** Hop between frames; a frame spans two hops. */
    private static final double HOP_SECONDS = 0.01;

    private final HighPassFilter filter;
    private final SegmentTracker tracker;
    private final int hop;

    /** The index of the next sample not yet taken. */
    private long next;
    private double hopSum;
    private int hopCount;
    private double previousSum;
    private int previousCount;
    private long hops;

    SegmenterSession(SegmenterSettings settings, int sampleRate) {
        this.hop = Math.max(1, (int) Math.round(HOP_SECONDS * sampleRate));
        this.filter = new HighPassFilter(HIGH_PASS_HZ, sampleRate);
        this.tracker = new SegmentTracker(settings, hop, sampleRate);
    }

    @Override
    public void process(AudioBlock block, FeatureSink sink) throws ExtractionException {
        long start = block.startFrame();
        if (start > next) {
            throw new ExtractionException(SpeechSegmenter.ID + ": needs every sample, but samples " + next + " to "
                + (start - 1) + " were never passed; the step size must not exceed the block size");
        }
        float[] samples = block.samples();
        int n = block.length();
        for (int i = (int) Math.min(n, next - start); i < n; i++) {
            float x = samples[i];
            // One NaN would stay in the filter's state and silence the rest of the file.
            double y = filter.apply(Float.isFinite(x) ? x : 0);
            hopSum += y * y;
            if (++hopCount == hop) {
                endHop(sink);
            }
        }
        next = Math.max(next, start + n);
    }

    /** Closes the current hop: the frame made of it and the previous hop goes to the tracker. */
    private void endHop(FeatureSink sink) {
        if (hops > 0) {
            tracker.frame((previousSum + hopSum) / (previousCount + hopCount), sink);
        }
        previousSum = hopSum;
        previousCount = hopCount;
        hopSum = 0;
        hopCount = 0;
        hops++;
    }

    @Override
    public void finish(FeatureSink sink) {
        if (hopCount > 0) {
            endHop(sink);
        }
        if (hops == 1) {
            // A file shorter than two hops is one frame on its own.
            tracker.frame(previousSum / previousCount, sink);
        }
        tracker.finish(next, sink);
    }
}
