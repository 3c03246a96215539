package io.auralis.api.audio;

/**
 * A block of mono audio handed to an extractor, with its position in the file.
 *
 * <p>The host reuses the sample array for the next block: an extractor that needs samples after
 * {@code process} returns copies them. Blocks arrive in time order; the last block of a file may be shorter
 * than the block size (it is never zero-padded).
 */
public final class AudioBlock {
    private final float[] samples;
    private final int length;
    private final long startFrame;
    private final int sampleRate;

    /**
     * Creates a block.
     *
     * @param samples the sample array, of which the first {@code length} entries are valid
     * @param length the number of valid samples
     * @param startFrame the index, in the whole file, of the first sample
     * @param sampleRate the rate in Hz
     */
    public AudioBlock(float[] samples, int length, long startFrame, int sampleRate) {
        if (length < 0 || length > samples.length) {
            throw new IllegalArgumentException("length " + length + " outside 0.." + samples.length);
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        this.samples = samples;
        this.length = length;
        this.startFrame = startFrame;
        this.sampleRate = sampleRate;
    }

    /**
     * The samples; only the first {@link #length()} are valid.
     *
     * @return the backing array, not a copy
     */
    public float[] samples() {
        return samples;
    }

    /**
     * The number of valid samples.
     *
     * @return the valid length of {@link #samples()}
     */
    public int length() {
        return length;
    }

    /**
     * The index of the first sample in the whole file.
     *
     * @return a frame index at {@link #sampleRate()}
     */
    public long startFrame() {
        return startFrame;
    }

    /**
     * The sample rate.
     *
     * @return Hz
     */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * The time of the first sample.
     *
     * @return seconds from the start of the file
     */
    public double startTime() {
        return startFrame / (double) sampleRate;
    }

    /**
     * The duration of the valid samples.
     *
     * @return seconds
     */
    public double duration() {
        return length / (double) sampleRate;
    }
}
