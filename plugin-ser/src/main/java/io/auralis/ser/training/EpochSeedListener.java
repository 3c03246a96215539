package io.auralis.ser.training;

import ai.djl.engine.Engine;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;

import java.util.function.IntConsumer;

/**
 * Seeds the engine's random generator (dropout) before every epoch from the run's seed and the epoch number, so
 * that epoch {@code e} draws the same numbers whether or not the run was interrupted and resumed before it; and
 * tells the training data which epoch it is in, for the same reason (augmentation draws).
 */
public final class EpochSeedListener extends TrainingListenerAdapter {

    private final Engine engine;
    private final long seed;
    private final IntConsumer epochStart;
    private int nextEpoch;

    /**
     * Creates the listener and seeds the first epoch.
     *
     * @param engine the engine that trains
     * @param seed the run's seed
     * @param firstEpoch the 0-based epoch training starts at
     * @param epochStart told the 0-based number of every epoch before it starts
     */
    public EpochSeedListener(Engine engine, long seed, int firstEpoch, IntConsumer epochStart) {
        this.engine = engine;
        this.seed = seed;
        this.nextEpoch = firstEpoch;
        this.epochStart = epochStart;
        seedNext();
    }

    @Override
    public void onEpoch(Trainer trainer) {
        nextEpoch++;
        seedNext();
    }

    private void seedNext() {
        engine.setRandomSeed(seedOf(seed, nextEpoch));
        epochStart.accept(nextEpoch);
    }

    /**
     * The engine seed of an epoch.
     *
     * @param seed the run's seed
     * @param epoch the 0-based epoch
     * @return a seed for {@link Engine#setRandomSeed(int)}
     */
    static int seedOf(long seed, int epoch) {
        long mixed = seed * 0x9E3779B97F4A7C15L + epoch + 1;
        return (int) (mixed ^ (mixed >>> 32)) & Integer.MAX_VALUE;
    }
}
