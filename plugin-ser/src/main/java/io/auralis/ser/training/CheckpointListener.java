package io.auralis.ser.training;

import ai.djl.nn.Block;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Saves a {@link Checkpoint} after every epoch and keeps the weights of the epoch with the lowest validation loss
 * (the last epoch's when the run has no validation part). Comes after {@link EpochLogListener}, whose record of
 * the epoch it saves.
 */
public final class CheckpointListener extends TrainingListenerAdapter {

    private final Checkpoint checkpoint;
    private final CheckpointState state;
    private final Block block;
    private final ResumableAdam optimizer;
    private final EpochLogListener epochs;

    /**
     * Creates the listener.
     *
     * @param checkpoint where to save
     * @param state the run's state, updated and saved each epoch
     * @param block the network
     * @param optimizer its optimiser
     * @param epochs the listener that records each epoch
     */
    public CheckpointListener(Checkpoint checkpoint, CheckpointState state, Block block, ResumableAdam optimizer,
                              EpochLogListener epochs) {
        this.checkpoint = checkpoint;
        this.state = state;
        this.block = block;
        this.optimizer = optimizer;
        this.epochs = epochs;
    }

    @Override
    public void onEpoch(Trainer trainer) {
        EpochRecord record = epochs.last();
        state.history = epochs.history();
        state.completedEpochs = record.epoch();
        boolean best;
        if (record.validationLoss() == null) {
            best = true;
        } else {
            best = state.bestValidationLoss == null || record.validationLoss() < state.bestValidationLoss;
        }
        if (best) {
            state.bestEpoch = record.epoch();
            state.bestValidationLoss = record.validationLoss();
        }
        try {
            checkpoint.save(block, optimizer, state, best);
        } catch (IOException e) {
            throw new UncheckedIOException(checkpoint.folder() + ": cannot save the checkpoint of epoch "
                + record.epoch() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The state as last saved.
     *
     * @return the state
     */
    public CheckpointState state() {
        return state;
    }
}
