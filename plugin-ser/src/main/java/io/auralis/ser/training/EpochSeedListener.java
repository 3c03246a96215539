package io.auralis.ser.training;

import ai.djl.engine.Engine;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;

/**
 * Seeds the engine's random generator (dropout) before every epoch from the run's seed and the epoch number, so
 * that epoch {@code e} draws the same numbers whether or not the run was interrupted and resumed before it.
 */
public final class EpochSeedListener extends TrainingListenerAdapter {

    private final Engine engine;
    private final long seed;
    private int nextEpoch;

    /**
     * Creates the listener and seeds the first epoch.
     *
     * @param engine the engine that trains
     * @param seed the run's seed
     * @param firstEpoch the 0-based epoch training starts at
     */
    public EpochSeedListener(Engine engine, long seed, int firstEpoch) {
        this.engine = engine;
        this.seed = seed;
        this.nextEpoch = firstEpoch;
        seedNext();
    }

    @Override
    public void onEpoch(Trainer trainer) {
        nextEpoch++;
        seedNext();
    }

    private void seedNext() {
        engine.setRandomSeed(seedOf(seed, nextEpoch));
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
