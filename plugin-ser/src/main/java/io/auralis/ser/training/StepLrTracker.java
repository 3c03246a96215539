package io.auralis.ser.training;

import ai.djl.training.tracker.Tracker;

/**
 * PyTorch's {@code StepLR} stepped once per epoch, as a DJL {@link Tracker}: the learning rate is
 * {@code base * gamma^floor(epoch / stepEpochs)}.
 *
 * <p>DJL trackers are asked per update, not per epoch: update {@code t} (1-based, as DJL's optimisers count) belongs
 * to epoch {@code (t - 1) / updatesPerEpoch}, so every update of an epoch uses the same rate, and the rate changes
 * exactly at the epoch boundary where PyTorch's scheduler would change it.
 */
public final class StepLrTracker implements Tracker {

    private final float base;
    private final float gamma;
    private final int stepEpochs;
    private final int updatesPerEpoch;

    /**
     * Creates the tracker.
     *
     * @param base the initial learning rate
     * @param gamma the factor applied every {@code stepEpochs}
     * @param stepEpochs epochs between decays, at least 1
     * @param updatesPerEpoch optimiser updates (batches) per epoch, at least 1
     */
    public StepLrTracker(float base, float gamma, int stepEpochs, int updatesPerEpoch) {
        if (stepEpochs < 1 || updatesPerEpoch < 1) {
            throw new IllegalArgumentException("stepEpochs and updatesPerEpoch must be positive: " + stepEpochs
                + ", " + updatesPerEpoch);
        }
        this.base = base;
        this.gamma = gamma;
        this.stepEpochs = stepEpochs;
        this.updatesPerEpoch = updatesPerEpoch;
    }

    /**
     * The learning rate of an update.
     *
     * @param numUpdate the 1-based update number
     * @return the rate
     */
    @Override
    public float getNewValue(int numUpdate) {
        return valueAtEpoch(Math.max(0, numUpdate - 1) / updatesPerEpoch);
    }

    /**
     * The learning rate of an epoch.
     *
     * @param epoch the 0-based epoch
     * @return the rate
     */
    public float valueAtEpoch(int epoch) {
        return (float) (base * Math.pow(gamma, epoch / stepEpochs));
    }
}
