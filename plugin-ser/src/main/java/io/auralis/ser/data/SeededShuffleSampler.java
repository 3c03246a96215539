package io.auralis.ser.data;

import ai.djl.training.dataset.RandomAccessDataset;

import java.util.Random;
import java.util.stream.LongStream;

/**
 * Visits a dataset in a new random order each epoch, the order depending only on the seed and the epoch number
 * ({@link EpochSampler}).
 */
public final class SeededShuffleSampler extends EpochSampler {

    /**
     * Creates a sampler whose next {@link #sample} is for epoch {@code firstEpoch}.
     *
     * @param seed the run's seed
     * @param firstEpoch the 0-based epoch the first call shuffles for
     */
    public SeededShuffleSampler(long seed, int firstEpoch) {
        super(seed, 1_000_003L, firstEpoch);
    }

    /** A Fisher-Yates shuffle of the dataset's indices. */
    @Override
    protected long[] draw(RandomAccessDataset dataset, Random random) {
        long[] order = LongStream.range(0, dataset.size()).toArray();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
