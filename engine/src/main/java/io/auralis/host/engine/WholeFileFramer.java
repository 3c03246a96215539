package io.auralis.host.engine;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractionException;

import java.util.Arrays;

/**
 * The whole file as one block, for steps with {@code blockSize} 0: the only framing that holds a recording in
 * memory, as the extractor asked. Empty audio gives no block.
 */
final class WholeFileFramer implements Framer {
    /** The longest array the JVM reliably allocates. */
    private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private final int sampleRate;
    private float[] samples = new float[1 << 16];
    private int length;
    private boolean ended;
    private boolean taken;

    /**
     * Creates a framer.
     *
     * @param sampleRate the rate, for the block's time stamp
     */
    WholeFileFramer(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    @Override
    public void append(float[] chunk, int count) throws ExtractionException {
        if ((long) length + count > MAX_LENGTH) {
            throw new ExtractionException("the file is too long to analyse as one block (over " + MAX_LENGTH
                + " samples); give this step a blockSize");
        }
        if (length + count > samples.length) {
            samples = Arrays.copyOf(samples, (int) Math.min(MAX_LENGTH, Math.max(2L * samples.length,
                (long) length + count)));
        }
        System.arraycopy(chunk, 0, samples, length, count);
        length += count;
    }

    @Override
    public void end() {
        ended = true;
    }

    @Override
    public boolean ready() {
        return ended && !taken && length > 0;
    }

    @Override
    public boolean pendingAtEnd() {
        return !ended && length > 0;
    }

    @Override
    public long readyEnd() {
        return length;
    }

    @Override
    public AudioBlock next() {
        taken = true;
        return new AudioBlock(samples, length, 0, sampleRate);
    }
}
