package io.auralis.ser.data;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;

import java.util.Iterator;
import java.util.Random;
import java.util.stream.LongStream;

/**
 * A sampler that draws each epoch with a generator of its own, seeded by the run's seed and the epoch's number only.
 * DJL's {@code RandomSampler} draws from a global generator, so a training run resumed after a crash would see other
 * orders than an uninterrupted one; here epoch {@code e} always draws alike, and a resumed run starts counting at the
 * epoch it resumes from. DJL asks once per pass over the data.
 */
public abstract class EpochSampler implements Sampler.SubSampler {

    private final long seed;
    private final long stride;
    private int epoch;

    /**
     * Creates a sampler whose next {@link #sample} is for epoch {@code firstEpoch}.
     *
     * @param seed the run's seed
     * @param stride what the seed is multiplied by before the epoch is added: each kind of sampler its own, so that
     *     two kinds never draw with the same generator
     * @param firstEpoch the 0-based epoch the first call draws for
     */
    protected EpochSampler(long seed, long stride, int firstEpoch) {
        this.seed = seed;
        this.stride = stride;
        this.epoch = firstEpoch;
    }

    /**
     * Draws the next epoch's indices.
     *
     * @param dataset the dataset
     * @return the indices in this epoch's order
     */
    @Override
    public final synchronized Iterator<Long> sample(RandomAccessDataset dataset) {
        return LongStream.of(draw(dataset, new Random(seed * stride + epoch++))).iterator();
    }

    /**
     * Draws one epoch.
     *
     * @param dataset the dataset
     * @param random the epoch's own generator
     * @return the indices in the epoch's order
     */
    protected abstract long[] draw(RandomAccessDataset dataset, Random random);

    /**
     * The epoch the next {@link #sample} call draws for.
     *
     * @return a 0-based epoch number
     */
    public final synchronized int nextEpoch() {
        return epoch;
    }
}
