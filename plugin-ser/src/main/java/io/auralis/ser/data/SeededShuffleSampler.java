package io.auralis.ser.data;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;

import java.util.Iterator;
import java.util.Random;
import java.util.stream.LongStream;

/**
 * Visits a dataset in a new random order each epoch, the order depending only on the seed and the epoch number.
 *
 * <p>DJL's {@code RandomSampler} draws from a global generator, so a training run resumed after a crash would
 * see different orders than an uninterrupted one. Here epoch {@code e} is always shuffled with the same generator,
 * and a resumed run starts counting at the epoch it resumes from.
 */
public final class SeededShuffleSampler implements Sampler.SubSampler {

    private final long seed;
    private int epoch;

    /**
     * Creates a sampler whose next {@link #sample} is for epoch {@code firstEpoch}.
     *
     * @param seed the run's seed
     * @param firstEpoch the 0-based epoch the first call shuffles for
     */
    public SeededShuffleSampler(long seed, int firstEpoch) {
        this.seed = seed;
        this.epoch = firstEpoch;
    }

    /**
     * Shuffles the dataset's indices for the next epoch (DJL asks once per pass over the data).
     *
     * @param dataset the dataset
     * @return the indices in this epoch's order
     */
    @Override
    public synchronized Iterator<Long> sample(RandomAccessDataset dataset) {
        long[] order = LongStream.range(0, dataset.size()).toArray();
        Random random = new Random(seed * 1_000_003L + epoch++);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return LongStream.of(order).iterator();
    }

    /**
     * The epoch the next {@link #sample} call shuffles for.
     *
     * @return a 0-based epoch number
     */
    public synchronized int nextEpoch() {
        return epoch;
    }
}
