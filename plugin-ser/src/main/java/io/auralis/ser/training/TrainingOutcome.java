package io.auralis.ser.training;

import io.auralis.ser.evaluation.EvaluationReport;

import java.nio.file.Path;

/**
 * What a finished training run produced.
 *
 * @param model the model folder
 * @param state the final checkpoint state (history, best epoch)
 * @param test the evaluation of the kept model on the held-out test part, or {@code null} when there is none
 * @param skippedFiles files left out because they could not be used
 * @param audioSecondsPerSecond mean training throughput of this run's epochs: seconds of audio per second
 */
public record TrainingOutcome(Path model, CheckpointState state, EvaluationReport test, int skippedFiles,
                              double audioSecondsPerSecond) {
}
