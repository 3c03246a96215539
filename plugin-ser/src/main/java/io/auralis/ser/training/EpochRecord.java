package io.auralis.ser.training;

/**
 * One epoch's figures, as logged to {@code history.csv} and kept in the checkpoint. Validation figures are
 * {@code null} when the run has no validation part. Losses are means of per-batch mean NLL.
 *
 * @param epoch the 1-based epoch
 * @param trainLoss training loss
 * @param trainAccuracy training accuracy in [0, 1] (with dropout active, as measured during the epoch)
 * @param validationLoss validation loss, or {@code null}
 * @param validationAccuracy validation accuracy in [0, 1], or {@code null}
 * @param learningRate the learning rate of the epoch's updates
 * @param trainSeconds wall time of the epoch's training batches
 * @param seconds wall time of the whole epoch, validation included
 * @param audioSecondsPerSecond training throughput: seconds of audio per second of training time
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, Double validationLoss,
                          Double validationAccuracy, double learningRate, double trainSeconds, double seconds,
                          double audioSecondsPerSecond) {

    /** The CSV header matching {@link #toCsv()}. */
    public static final String CSV_HEADER = "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,"
        + "learning_rate,train_seconds,seconds,audio_seconds_per_second";

    /**
     * The record as a CSV line, empty fields for missing validation figures.
     *
     * @return one line without a newline
     */
    public String toCsv() {
        return epoch + "," + trainLoss + "," + trainAccuracy + "," + (validationLoss == null ? "" : validationLoss)
            + "," + (validationAccuracy == null ? "" : validationAccuracy) + "," + learningRate + "," + trainSeconds
            + "," + seconds + "," + audioSecondsPerSecond;
    }
}
