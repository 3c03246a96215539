package io.auralis.ser.training;

import ai.djl.ndarray.NDManager;
import ai.djl.translate.TranslateException;
import ai.djl.util.Progress;

import io.auralis.ser.data.SpeechEmotionDataset;
import io.auralis.ser.evaluation.Calibration;
import io.auralis.ser.evaluation.DatasetEvaluator;
import io.auralis.ser.evaluation.Evaluation;
import io.auralis.ser.evaluation.EvaluationReport;
import io.auralis.ser.evaluation.TrainingCurvesChart;
import io.auralis.ser.inference.EmotionModel;
import io.auralis.ser.inference.EmotionTranslator;
import io.auralis.ser.model.CnnGruBlock;
import io.auralis.ser.model.ModelConfig;
import io.auralis.ser.model.ModelDirectory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a trained run into a model folder: the checkpoint's best weights, or the mean of the last epochs' weights
 * ({@link WeightAverage}), with {@code model.json} (what was trained on, how, and the kept or averaged epochs), the
 * training curves, a temperature fitted on the validation part, the evaluation of the test part
 * ({@code metrics.json}, confusion matrix, predictions) and the model card. Needs only the run and its checkpoint, so
 * a run that crashed after its last epoch is finished by packaging it again.
 */
final class ModelPackager {

    private final PrintStream log;
    private final Progress progress;

    /**
     * Creates the packager.
     *
     * @param log receives the calibration line
     * @param progress a progress display for the test part's evaluation, or {@code null}
     */
    ModelPackager(PrintStream log, Progress progress) {
        this.log = log;
        this.progress = progress;
    }

    /**
     * Writes the model folder of a run.
     *
     * @param run the run, trained: its checkpoint state names the best weights
     * @param throughput the mean training throughput of this session's epochs, audio seconds per second
     * @return what the run produced
     * @throws IOException if the checkpoint cannot be read or the folder written
     * @throws TranslateException if the model fails on the validation or test part
     */
    TrainingOutcome write(TrainingRun run, double throughput) throws IOException, TranslateException {
        CnnGruBlock best = run.newBlock();
        Set<String> trainSpeakers = new TreeSet<>();
        run.train().clips().forEach(c -> trainSpeakers.add(c.speaker()));
        ModelConfig config = config(run, best, trainSpeakers, throughput);
        Path output = run.output();
        EvaluationReport report = null;
        // The block's weights live in this manager until the final model folder is written.
        try (NDManager manager = NDManager.newBaseManager()) {
            if (run.state().averages()) {
                List<String> files = run.state().averagedWeights;
                WeightAverage.average(run.checkpoint(), files, best, manager, run::newBlock);
                WeightAverage.reestimateNorms(best, run.train(), manager, run.state().completedEpochs,
                    EpochSeedListener.seedOf(run.options().seed, run.state().completedEpochs));
                log.printf(Locale.ROOT, "averaged the weights of epochs %d-%d (%d files); batch-norm statistics "
                    + "re-estimated on one epoch of training draws%n", run.options().averageFrom,
                    run.state().completedEpochs, files.size());
            } else {
                run.checkpoint().loadWeights(best, manager, run.state().bestWeights);
            }
            ModelDirectory.write(output, config, best);
            writeCurves(run);
            Map<String, Object> calibration = null;
            if (run.validation().size() > 0) {
                calibration = calibrate(run, config);
                ModelDirectory.write(output, config, best);
                log.printf(Locale.ROOT, "calibration: temperature %.3f, validation ECE %.4f -> %.4f%n",
                    config.temperature, calibration.get("eceValidationBefore"), calibration.get("eceValidationAfter"));
            }
            if (run.test().size() > 0) {
                report = evaluate(run, config, calibration);
                config.metrics = new LinkedHashMap<>(report.summary());
            }
            ModelDirectory.write(output, config, best,
                TrainingCard.render(config, report, run.split(), trainSpeakers, run.source()));
        }
        return new TrainingOutcome(output, run.state(), report, run.skippedFiles(), throughput);
    }

    /** {@code model.json} before calibration and evaluation: the network, the data, the protocol, the kept epoch. */
    static ModelConfig config(TrainingRun run, CnnGruBlock best, Set<String> trainSpeakers, double throughput) {
        TrainingOptions opts = run.options();
        CheckpointState state = run.state();
        ModelConfig config = ModelConfig.of(run.output().getFileName().toString(), best, run.classes(),
            opts.dropout);
        config.adversaryOf = opts.adversary > 0 && opts.adversarySpeakers() ? TrainingOptions.ADVERSARY_SPEAKERS : null;
        config.description = run.architecture().id() + " trained on " + run.source() + " with auralis ser train";
        config.license = run.train().license();
        config.source = "auralis ser train";
        config.training = new ModelConfig.Training();
        config.training.data = String.format(Locale.ROOT, "%s (%s): %d training, %d validation, %d test clips; "
            + "training speakers %s", run.source(), run.root(), run.train().size(), run.validation().size(),
            run.test().size(), String.join(", ", trainSpeakers));
        config.training.protocol = opts.protocol();
        config.training.epochs = state.completedEpochs;
        config.training.batchSize = opts.batchSize;
        config.training.optimizer = String.format(Locale.ROOT, "Adam (lr %s, weight decay %s), StepLR(step %d "
            + "epochs, gamma %s)", TrainingOptions.trim(opts.learningRate), TrainingOptions.trim(opts.weightDecay),
            opts.stepEpochs, TrainingOptions.trim(opts.gamma));
        config.training.seed = opts.seed;
        config.training.date = LocalDate.now().toString();
        config.training.other("dataset", run.source());
        config.training.other("split", run.split().description());
        if (state.averages()) {
            config.training.other("averagedEpochs", opts.averageFrom + "-" + state.completedEpochs);
            config.training.other("bestSingleEpoch", state.bestEpoch);
        } else {
            config.training.other("keptEpoch", state.bestEpoch);
        }
        if (state.bestValidationLoss != null) {
            config.training.other(state.averages() ? "bestSingleValidationLoss" : "keptValidationLoss",
                round(state.bestValidationLoss));
        }
        config.training.other("skippedFiles", run.skippedFiles());
        config.training.other("audioSecondsPerSecond", Math.round(throughput));
        config.training.other("recipe", opts.recipe(SpeechEmotionDataset.SAMPLE_RATE));
        if (!run.labelMap().renames().isEmpty()) {
            config.training.other("labelMap", run.labelMap().spec());
        }
        config.normalizeDbfs = opts.normalizeDbfs;
        return config;
    }

    private static void writeCurves(TrainingRun run) throws IOException {
        List<TrainingCurvesChart.Point> points = new ArrayList<>();
        for (EpochRecord r : run.state().history) {
            points.add(new TrainingCurvesChart.Point(r.epoch(), r.trainLoss(), r.trainAccuracy(),
                r.validationLoss() == null ? Double.NaN : r.validationLoss(),
                r.validationAccuracy() == null ? Double.NaN : r.validationAccuracy()));
        }
        TrainingCurvesChart.writePng(points, run.architecture().id() + " on " + run.source(),
            run.output().resolve(TrainingJob.CURVES));
    }

    /**
     * Temperature scaling on the validation speakers; it changes confidences, never labels. Sets the config's
     * temperature and calibration entry.
     */
    private Map<String, Object> calibrate(TrainingRun run, ModelConfig config)
        throws IOException, TranslateException {
        Map<String, Object> calibration = new LinkedHashMap<>();
        try (EmotionModel model = EmotionModel.load(ModelDirectory.open(run.output()), run.options().device)) {
            Evaluation held = DatasetEvaluator.evaluate(model, run.validation(), null);
            if (run.state().averages()) {
                double loss = Calibration.nll(held.logProbabilities(), held.truthIndices(), 1);
                config.training.other("averagedValidationLoss", round(loss));
                log.printf(Locale.ROOT, "validation loss of the averaged weights %.4f (the best single epoch, %d: "
                    + "%.4f)%n", loss, run.state().bestEpoch, run.state().bestValidationLoss);
            }
            double t = Calibration.fitTemperature(held.logProbabilities(), held.truthIndices());
            calibration.put("method", "temperature scaling fitted on the validation part");
            calibration.put("temperature", round(t));
            calibration.put("eceValidationBefore", round(Calibration.expectedCalibrationError(
                held.logProbabilities(), held.truthIndices(), 1)));
            calibration.put("eceValidationAfter", round(Calibration.expectedCalibrationError(
                held.logProbabilities(), held.truthIndices(), t)));
            config.temperature = round(t);
        }
        config.other("calibration", calibration);
        return calibration;
    }

    /** Evaluates the written model on the test part and writes the evaluation files. */
    private EvaluationReport evaluate(TrainingRun run, ModelConfig config, Map<String, Object> calibration)
        throws IOException, TranslateException {
        String arch = run.architecture().id();
        try (EmotionModel model = EmotionModel.load(ModelDirectory.open(run.output()), run.options().device)) {
            Evaluation evaluation = DatasetEvaluator.evaluate(model, run.test(), progress);
            EvaluationReport report = evaluation.report();
            if (calibration != null) {
                // the test part's clips were predicted with the temperature; 1 / T undoes it
                double t = config.temperature;
                List<float[]> raw = evaluation.logProbabilities().stream()
                    .map(lp -> EmotionTranslator.scale(lp, 1 / t)).toList();
                report.calibration = new LinkedHashMap<>(calibration);
                report.calibration.put("eceTestBefore", round(Calibration.expectedCalibrationError(raw,
                    evaluation.truthIndices(), 1)));
                report.calibration.put("eceTestAfter", round(Calibration.expectedCalibrationError(raw,
                    evaluation.truthIndices(), t)));
            }
            report.perCorpus = evaluation.summaryByCorpus(run.test());
            report.model = config.name;
            report.architecture = arch;
            report.dataset = run.source();
            report.data = run.root();
            report.split = "test";
            report.splitDescription = run.split().description();
            report.audioSeconds = run.test().totalSeconds();
            report.skippedFiles = run.test().skipped().size();
            report.date = OffsetDateTime.now().withNano(0).toString();
            evaluation.write(run.output(), report, arch + " on " + run.source() + " (test)");
            return report;
        }
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
