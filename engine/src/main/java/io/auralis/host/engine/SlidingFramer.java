package io.auralis.host.engine;

import io.auralis.api.audio.AudioBlock;

/**
 * Blocks of a fixed size every {@code stepSize} samples, overlapping when the step is smaller than the block and
 * skipping samples when it is larger. The samples of the next block wait in a ring buffer of block size plus one
 * chunk, so memory stays the same for a file of any length.
 *
 * <p>The last block is the first to reach the end of the file: shorter than the others when the file ends inside
 * it, never padded. Blocks that would hold only samples an earlier block already covered are not made.
 */
final class SlidingFramer implements Framer {
    private final int blockSize;
    private final int stepSize;
    private final int sampleRate;
    private final float[] ring;
    private final float[] block;
    private long appended;
    private long nextStart;
    private long lastEnd;
    private boolean ended;

    /**
     * Creates a framer.
     *
     * @param blockSize samples per block, positive
     * @param stepSize samples between block starts, positive
     * @param sampleRate the rate, for the blocks' time stamps
     * @param chunk the most samples one {@link #append} brings
     */
    SlidingFramer(int blockSize, int stepSize, int sampleRate, int chunk) {
        if (blockSize <= 0 || stepSize <= 0) {
            throw new IllegalArgumentException("block " + blockSize + " and step " + stepSize + " must be positive");
        }
        this.blockSize = blockSize;
        this.stepSize = stepSize;
        this.sampleRate = sampleRate;
        this.ring = new float[blockSize + chunk];
        this.block = new float[blockSize];
    }

    @Override
    public void append(float[] samples, int length) {
        long start = appended;
        appended += length;
        // Samples before the next block's start are never needed (they fall in a gap when step > block).
        int skip = (int) Math.max(0, Math.min(length, nextStart - start));
        if (appended - nextStart > ring.length) {
            throw new IllegalStateException("framer overrun: take ready blocks before appending more");
        }
        copyIn(samples, skip, start + skip, length - skip);
    }

    private void copyIn(float[] src, int from, long position, int count) {
        int at = (int) (position % ring.length);
        int first = Math.min(count, ring.length - at);
        System.arraycopy(src, from, ring, at, first);
        System.arraycopy(src, from + first, ring, 0, count - first);
    }

    @Override
    public void end() {
        ended = true;
    }

    @Override
    public boolean ready() {
        long available = appended - nextStart;
        if (available >= blockSize) {
            return true;
        }
        return ended && available > 0 && appended > lastEnd;
    }

    @Override
    public boolean pendingAtEnd() {
        return !ended && appended > nextStart && appended > lastEnd && !ready();
    }

    @Override
    public long readyEnd() {
        return Math.min(nextStart + blockSize, appended);
    }

    @Override
    public AudioBlock next() {
        int length = (int) Math.min(blockSize, appended - nextStart);
        int at = (int) (nextStart % ring.length);
        int first = Math.min(length, ring.length - at);
        System.arraycopy(ring, at, block, 0, first);
        System.arraycopy(ring, 0, block, first, length - first);
        AudioBlock b = new AudioBlock(block, length, nextStart, sampleRate);
        lastEnd = nextStart + length;
        nextStart += stepSize;
        return b;
    }
}
