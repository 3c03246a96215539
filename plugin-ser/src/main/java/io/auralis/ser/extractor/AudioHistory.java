package io.auralis.ser.extractor;

import io.auralis.api.audio.AudioBlock;
import java.util.Arrays;

/**
 * The recent audio of a stream, indexed by frame: blocks are appended (overlapping parts once), old audio is
 * discarded explicitly or when more than {@code capacity} samples are held.
 */
final class AudioHistory {
    private final long capacity;
    private float[] data = new float[8192];
    private long first;
    private int length;

    /**
     * Creates an empty history.
     *
     * @param capacity the most samples kept; older ones are dropped
     */
    AudioHistory(long capacity) {
        this.capacity = capacity;
    }

    /** The frame after the last one appended. */
    long end() {
        return first + length;
    }

    /** The oldest frame still held. */
    long start() {
        return first;
    }

    /**
     * Appends the part of a block not seen yet (blocks may overlap when the step is shorter than the block).
     *
     * @param block the block
     * @throws IllegalStateException if the block starts after the end of the history (a gap in the stream)
     */
    void append(AudioBlock block) {
        long from = Math.max(block.startFrame(), end());
        long to = block.startFrame() + block.length();
        if (block.startFrame() > end()) {
            throw new IllegalStateException("audio jumps from frame " + end() + " to " + block.startFrame());
        }
        if (to <= from) {
            return;
        }
        int n = (int) (to - from);
        ensure(length + n);
        System.arraycopy(block.samples(), (int) (from - block.startFrame()), data, length, n);
        length += n;
        if (length > capacity) {
            discardBefore(end() - capacity);
        }
    }

    /**
     * Forgets audio before a frame.
     *
     * @param frame the first frame to keep
     */
    void discardBefore(long frame) {
        int drop = (int) Math.min(length, Math.max(0, frame - first));
        if (drop == 0) {
            return;
        }
        System.arraycopy(data, drop, data, 0, length - drop);
        length -= drop;
        first += drop;
    }

    /**
     * Copies a span of the history.
     *
     * @param from first frame, at least {@link #start()}
     * @param to frame after the last, at most {@link #end()}
     * @return the samples
     */
    float[] copy(long from, long to) {
        if (from < first || to > end() || to < from) {
            throw new IllegalArgumentException("frames " + from + ".." + to + " outside " + first + ".." + end());
        }
        return Arrays.copyOfRange(data, (int) (from - first), (int) (to - first));
    }

    private void ensure(int size) {
        if (size > data.length) {
            data = Arrays.copyOf(data, Math.max(size, data.length * 2));
        }
    }
}
