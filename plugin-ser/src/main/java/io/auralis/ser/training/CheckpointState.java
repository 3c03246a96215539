package io.auralis.ser.training;

import java.util.ArrayList;
import java.util.List;

/**
 * What a checkpoint records besides the weights: enough to resume a run with the same data, split and settings,
 * and to finish it with the right model. Plain data for Jackson ({@code checkpoint/state.json}).
 */
public class CheckpointState {

    /** The format of this file. */
    public static final String FORMAT = "auralis-ser-checkpoint/1";

    /** Always {@link #FORMAT}. */
    public String format = FORMAT;
    /** The training settings, which a resumed run keeps. */
    public TrainingOptions options;
    /** The corpus, as {@code --dataset} names it. */
    public String dataset;
    /** Where the corpus was read from. */
    public String data;
    /** The classes in output order. */
    public List<String> classes = new ArrayList<>();
    /** Epochs completed. */
    public int completedEpochs;
    /** Optimiser updates applied. */
    public int updates;
    /** Batches per epoch, which the learning-rate schedule is built on. */
    public int updatesPerEpoch;
    /** The 1-based epoch whose weights are kept as the best, or 0 before the first. */
    public int bestEpoch;
    /** Its validation loss, or {@code null} when the run has no validation part (the last epoch is kept). */
    public Double bestValidationLoss;
    /** The last epoch's weights, a file in the checkpoint folder. */
    public String weights;
    /** The best epoch's weights, a file in the checkpoint folder. */
    public String bestWeights;
    /** The weights of every epoch averaged so far ({@link TrainingOptions#averageFrom}), files in the checkpoint. */
    public List<String> averagedWeights = new ArrayList<>();
    /** The optimiser's state after the last epoch, a file in the checkpoint folder. */
    public String optimizer;
    /** One record per completed epoch. */
    public List<EpochRecord> history = new ArrayList<>();

    /**
     * Whether the run's model is the mean of several epochs' weights ({@link TrainingOptions#averageFrom}) rather than
     * its best epoch's: averaging was asked for and at least one epoch of its window is done.
     *
     * @return whether {@link #averagedWeights} makes the model
     */
    public boolean averages() {
        return options != null && options.averageFrom > 0 && averagedWeights != null && !averagedWeights.isEmpty();
    }

    /** Creates an empty state for Jackson. */
    public CheckpointState() {
    }
}
