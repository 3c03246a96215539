package io.auralis.ser.training;

import ai.djl.training.Trainer;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.util.Progress;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures and reports each epoch: a progress bar over the training batches with the running loss and accuracy
 * (when a {@link Progress} is given, e.g. DJL's {@code ProgressBar} on a terminal), one summary line per epoch,
 * and {@code history.csv} rewritten after every epoch so curves can be drawn while training runs.
 *
 * <p>Must come after DJL's {@link EvaluatorTrainingListener} in the trainer's listener list: it reads the loss and
 * accuracy that listener accumulates.
 */
public final class EpochLogListener extends TrainingListenerAdapter {

    /** The per-epoch log's file name in the model folder. */
    public static final String HISTORY = "history.csv";

    private final PrintStream log;
    private final Progress progress;
    private final Path historyFile;
    private final int totalEpochs;
    private final int batchesPerEpoch;
    private final double trainAudioSeconds;
    private final boolean hasValidation;
    private final ResumableAdam optimizer;
    private final List<EpochRecord> history;

    private int epoch;
    private int batches;
    private long epochStart;
    private long trainEnd;

    /**
     * Creates the listener.
     *
     * @param log where epoch lines go
     * @param progress a per-epoch progress bar over the batches, or {@code null} for none
     * @param historyFile where to write the per-epoch CSV
     * @param previous the records of epochs already done (a resumed run), in order
     * @param totalEpochs the epoch count the run aims for
     * @param batchesPerEpoch training batches per epoch
     * @param trainAudioSeconds audio in the training part, for the throughput figure
     * @param hasValidation whether the run validates each epoch
     * @param optimizer the optimiser, whose learning rate is logged
     */
    public EpochLogListener(PrintStream log, Progress progress, Path historyFile, List<EpochRecord> previous,
                            int totalEpochs, int batchesPerEpoch, double trainAudioSeconds, boolean hasValidation,
                            ResumableAdam optimizer) {
        this.log = log;
        this.progress = progress;
        this.historyFile = historyFile;
        this.history = new ArrayList<>(previous);
        this.totalEpochs = totalEpochs;
        this.batchesPerEpoch = batchesPerEpoch;
        this.trainAudioSeconds = trainAudioSeconds;
        this.hasValidation = hasValidation;
        this.optimizer = optimizer;
        this.epoch = previous.size() + 1;
    }

    /** Starts the clock of the first epoch; call right before training starts. */
    public void begin() {
        epochStart = System.nanoTime();
        trainEnd = 0;
        batches = 0;
        if (progress != null) {
            progress.reset(label(), batchesPerEpoch);
        }
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        if (epochStart == 0) {
            begin();
        }
        batches++;
        if (progress != null) {
            progress.update(batches - 1, String.format(Locale.ROOT, "loss %.4f, accuracy %.1f %%",
                running(trainer, trainer.getLoss()), 100 * running(trainer, accuracy(trainer))));
        }
    }

    @Override
    public void onValidationBatch(Trainer trainer, BatchData batchData) {
        if (trainEnd == 0) {
            trainEnd = System.nanoTime();
        }
    }

    @Override
    public void onEpoch(Trainer trainer) {
        long now = System.nanoTime();
        if (trainEnd == 0) {
            trainEnd = now;
        }
        Map<String, Float> e = trainer.getTrainingResult().getEvaluations();
        double trainSeconds = (trainEnd - epochStart) / 1e9;
        EpochRecord record = new EpochRecord(epoch, value(e, "train_loss"), value(e, "train_accuracy"),
            hasValidation ? finite(e.get("validate_loss")) : null,
            hasValidation ? finite(e.get("validate_accuracy")) : null,
            optimizer.lastLearningRate(), trainSeconds, (now - epochStart) / 1e9,
            trainSeconds > 0 ? trainAudioSeconds / trainSeconds : 0);
        history.add(record);
        writeHistory();
        if (progress != null) {
            progress.end();
        }
        log.println(line(record));
        epoch++;
        epochStart = System.nanoTime();
        trainEnd = 0;
        batches = 0;
        if (progress != null && epoch <= totalEpochs) {
            progress.reset(label(), batchesPerEpoch);
        }
    }

    /**
     * Every epoch's record so far, previous runs included.
     *
     * @return the records in epoch order
     */
    public List<EpochRecord> history() {
        return List.copyOf(history);
    }

    /**
     * The latest epoch's record.
     *
     * @return the record, or {@code null} before the first epoch ends
     */
    public EpochRecord last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    private String label() {
        return "Epoch " + epoch + "/" + totalEpochs;
    }

    private String line(EpochRecord r) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d: train loss %.4f, accuracy %.2f %%",
            r.epoch(), totalEpochs, r.trainLoss(), 100 * r.trainAccuracy()));
        if (r.validationLoss() != null) {
            s.append(String.format(Locale.ROOT, "; validation loss %.4f, accuracy %.2f %%", r.validationLoss(),
                100 * (r.validationAccuracy() == null ? Double.NaN : r.validationAccuracy())));
        }
        s.append(String.format(Locale.ROOT, "; lr %.3g; %.1f s (%.0f audio s/s)", r.learningRate(), r.seconds(),
            r.audioSecondsPerSecond()));
        return s.toString();
    }

    private void writeHistory() {
        StringBuilder csv = new StringBuilder(EpochRecord.CSV_HEADER).append('\n');
        for (EpochRecord r : history) {
            csv.append(r.toCsv()).append('\n');
        }
        try {
            Path tmp = historyFile.resolveSibling(historyFile.getFileName() + ".tmp");
            Files.writeString(tmp, csv, StandardCharsets.UTF_8);
            Files.move(tmp, historyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(historyFile + ": cannot write the training history: " + e.getMessage(), e);
        }
    }

    private static Evaluator accuracy(Trainer trainer) {
        for (Evaluator evaluator : trainer.getEvaluators()) {
            if (evaluator != trainer.getLoss()) {
                return evaluator;
            }
        }
        return null;
    }

    private static double running(Trainer trainer, Evaluator evaluator) {
        if (evaluator == null) {
            return Double.NaN;
        }
        try {
            return evaluator.getAccumulator(EvaluatorTrainingListener.TRAIN_EPOCH);
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    private static double value(Map<String, Float> evaluations, String key) {
        Float v = evaluations.get(key);
        return v == null ? Double.NaN : v;
    }

    private static Double finite(Float v) {
        return v == null || !Float.isFinite(v) ? null : (double) v;
    }
}
