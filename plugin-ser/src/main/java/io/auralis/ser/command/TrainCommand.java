package io.auralis.ser.command;

import ai.djl.training.util.ProgressBar;
import ai.djl.translate.TranslateException;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.command.UsageException;
import io.auralis.ser.augmentation.Augmentation;
import io.auralis.ser.data.CorpusSource;
import io.auralis.ser.data.SpeechEmotionDataset;
import io.auralis.ser.model.LoudnessNormalization;
import io.auralis.ser.data.DatasetSplit;
import io.auralis.ser.model.CnnGru;
import io.auralis.ser.training.CheckpointState;
import io.auralis.ser.training.TrainingJob;
import io.auralis.ser.training.TrainingOptions;
import io.auralis.ser.training.TrainingOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code auralis ser train}: trains a CNN-n-GRU on a corpus and writes a model directory.
 */
final class TrainCommand implements Subcommand {

    /** What a resumed run may change; everything else is the checkpoint's. */
    private static final Set<String> RESUMABLE = Set.of("out", "epochs", "device", "data", "resume");

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train a CNN-n-GRU on one or several corpora into a model directory";
    }

    @Override
    public String usage() {
        return CommandLines.usage(List.of(
                "auralis ser train --dataset NAME --data PATH --arch NAME --out DIR [options]",
                "auralis ser train --resume --out DIR [--epochs N] [--device D] [--data PATH]",
                "auralis ser train --dataset NAME --data PATH [options] --dry-run"),
            String.join("\n",
                "Trains on 16 kHz mono clips with the published protocol (Adam, learning rate divided by 10 every 20",
                "epochs, NLL loss, batches zero-padded to the longest clip) and keeps the epoch with the lowest",
                "validation loss. DIR receives model.json, weights.params and README.md (a model for ser predict and",
                "the auralis.ser extractor), split.json, history.csv, training_curves.png, the test part's",
                "metrics.json, confusion_matrix.csv/.png and predictions.csv, and checkpoint/ for --resume."),
            options(),
            String.join("\n",
                "Files that cannot be decoded are reported on standard error and skipped. Exit code 0 when a model",
                "was written, 2 for bad arguments or data."));
    }

    static Options options() {
        TrainingOptions d = new TrainingOptions();
        return new Options()
            .addOption(CommandLines.valued("dataset", "NAME", "tess, ravdess, emodb, iemocap, ased, nemo, turev, emotiontts, baved, or csv (a manifest of "
                + "path,label[,speaker]); several, comma-separated (tess,emodb), are trained on as one, with their "
                + "speakers named corpus-speaker (tess-OAF, emodb-03) for --test-speakers"))
            .addOption(CommandLines.valued("data", "PATH", "the corpus folder, or the manifest file for csv; with "
                + "several datasets, one path per dataset in the same order, comma-separated"))
            .addOption(CommandLines.valued("arch", "NAME", "cnn3gru, cnn5gru, cnn11gru or cnn18gru"))
            .addOption(CommandLines.valued("out", "DIR", "the model directory to write; must not hold a model yet"))
            .addOption(CommandLines.valued("classes", "a,b,c", "train on these classes only, in this output order "
                + "(default: every label)"))
            .addOption(CommandLines.valued("split", "S", "stratified: random 80/10/10 within each label (default); "
                + "speaker: whole speakers held out for test and validation; all: everything for training"))
            .addOption(CommandLines.valued("test-speakers", "a,b", "with --split speaker: the test speakers "
                + "(default: chosen with --seed)"))
            .addOption(CommandLines.valued("val-speakers", "c", "with --split speaker: the validation speakers "
                + "(default: chosen with --seed; with two speakers in all, a tenth of the training speaker's clips)"))
            .addOption(CommandLines.valued("epochs", "N", "epochs in all (default " + d.epochs + ")"))
            .addOption(CommandLines.valued("batch-size", "N", "clips per batch (default " + d.batchSize + ")"))
            .addOption(CommandLines.valued("lr", "X", "initial learning rate (default " + d.learningRate + ")"))
            .addOption(CommandLines.valued("weight-decay", "X", "Adam's L2 weight decay (default " + d.weightDecay
                + ")"))
            .addOption(CommandLines.valued("lr-step", "N", "epochs between learning-rate decays (default "
                + d.stepEpochs + ")"))
            .addOption(CommandLines.valued("lr-gamma", "X", "the decay factor (default " + d.gamma + ")"))
            .addOption(CommandLines.valued("hidden", "N", "GRU hidden size (default " + CnnGru.DEFAULT_HIDDEN + ")"))
            .addOption(CommandLines.valued("layers", "N", "GRU layers (default " + CnnGru.DEFAULT_LAYERS + ")"))
            .addOption(CommandLines.valued("dropout", "X", "dropout before the output layer, in [0, 1) (default "
                + d.dropout + ")"))
            .addOption(CommandLines.flag("temporal", "run the GRU over the CNN's time steps instead of their mean"))
            .addOption(CommandLines.flag("instance-norm", "normalise each channel of the first layer's output over "
                + "the clip (zero mean, unit variance), against microphone and room colouring"))
            .addOption(CommandLines.flag("log-spectrum", "the first layer reads the clip's log power spectrum (10 ms "
                + "window, 1 ms hop) instead of its samples"))
            .addOption(CommandLines.valued("adversary", "W", "train against a classifier of the training corpora "
                + "behind a gradient reversal of weight W (about 0.1 to 1), so the features stop telling the corpora "
                + "apart; needs two corpora or more"))
            .addOption(CommandLines.valued("adversary-of", "WHAT", "what the --adversary tells apart: corpus "
                + "(default) or speaker (every training speaker of every corpus, so the features stop telling the "
                + "voices apart)"))
            .addOption(CommandLines.valued("arousal", "W", "add an arousal head (low, neutral, high) whose loss "
                + "counts W times (about 0.3 to 1); it learns from every clip whose arousal is known, including "
                + "corpora labelled with arousal alone (baved), which then train whole"))
            .addOption(CommandLines.valued("average-from", "EPOCH", "make the model the mean of the weights of "
                + "epochs EPOCH to --epochs, batch-norm statistics re-estimated (stochastic weight averaging), "
                + "instead of the epoch with the lowest validation loss"))
            .addOption(CommandLines.valued("seed", "N", "seed of the split, the initial weights, batch order and "
                + "dropout (default " + d.seed + ")"))
            .addOption(CommandLines.valued("test-corpus", "NAME", "with --split corpus: the corpus held out whole "
                + "for test (leave-one-corpus-out); validation speakers come from every other corpus"))
            .addOption(CommandLines.labelMap())
            .addOption(CommandLines.valued("normalize", "DBFS", "scale every clip to this RMS level before the "
                + "network sees it, in training and at inference (recorded in model.json); e.g. -25"))
            .addOption(CommandLines.flag("augment", "perturb every training draw: speed 0.9-1.1, white, pink or "
                + "babble noise on half the clips at 5-30 dB SNR, gain +-6 dB (seeded, so resumable)"))
            .addOption(CommandLines.valued("speed", "MIN:MAX", "the speed perturbation's range, which changes tempo "
                + "and pitch together (default with --augment 0.9:1.1; 1 for none, keeping the rest of --augment)"))
            .addOption(CommandLines.valued("reverb", "P", "pass this share of training draws (0-1) through a simulated "
                + "room, RT60 0.2-1.0 s, before any noise (seeded, so resumable)"))
            .addOption(CommandLines.valued("channel", "P", "pass this share of training draws (0-1) through a random "
                + "microphone and channel (band limits, tilt, a resonance), after any room (seeded, so resumable)"))
            .addOption(CommandLines.valued("crop", "SECONDS", "train on random windows of at most this length "
                + "(denser batches, faster epochs); shorter clips are padded and masked"))
            .addOption(CommandLines.flag("balance", "draw training clips balanced across corpora (by the square "
                + "root of their size) and across classes within each corpus"))
            .addOption(CommandLines.device())
            .addOption(CommandLines.flag("dry-run", "list the clips of each part as CSV (part,speaker,label,file) on "
                + "standard output and stop: nothing is decoded, trained or written (--out not needed)"))
            .addOption(CommandLines.flag("resume", "continue the run in --out from its last completed epoch; the "
                + "settings, data and split are the checkpoint's, only --epochs, --device and --data may change"));
    }

    @Override
    public int run(List<String> args, CommandContext context, SerServices services) throws Exception {
        CommandLine a = CommandLines.parse(options(), args);
        CommandLines.noArguments(a, "");
        boolean dryRun = a.hasOption("dry-run");
        if (dryRun && a.hasOption("resume")) {
            throw new UsageException("--dry-run lists a new run's split; a resumed run's split is its split.json");
        }
        // A dry run writes nothing, so it needs no --out; the job still wants one, and never touches it.
        Path out = context.workingDirectory()
            .resolve(dryRun && !a.hasOption("out") ? "." : CommandLines.require(a, "out")).normalize();
        TrainingJob.Builder job = TrainingJob.builder().setDecoder(services.decoder()).setOutput(out)
            .optLog(context.err());
        String device = a.getOptionValue("device");
        if (a.hasOption("resume")) {
            for (Option option : a.getOptions()) {
                if (!RESUMABLE.contains(option.getLongOpt())) {
                    throw new UsageException("--" + option.getLongOpt() + " cannot be changed when resuming: the "
                        + "checkpoint keeps its settings");
                }
            }
            Integer epochs = a.hasOption("epochs") ? CommandLines.integer(a, "epochs", 0, Integer.MIN_VALUE) : null;
            if (epochs != null && epochs < 1) {
                throw new UsageException("--epochs must be at least 1, got " + epochs);
            }
            job.resume(epochs, device);
            if (a.getOptionValue("data") != null) {
                job.setResumeData(a.getOptionValue("data"), p -> context.workingDirectory().resolve(p).normalize());
            }
        } else {
            TrainingOptions options = options(a, device == null ? services.models().platformDevice() : device);
            List<String> problems = options.problems();
            if (!problems.isEmpty()) {
                throw new UsageException(String.join("; ", problems));
            }
            List<CorpusSource> sources;
            DatasetSplit.Method split;
            try {
                sources = CorpusSource.parse(CommandLines.require(a, "dataset"), CommandLines.require(a, "data"),
                    p -> context.workingDirectory().resolve(p).normalize());
                split = DatasetSplit.Method.fromId(a.getOptionValue("split", "stratified"));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            List<String> testSpeakers = list(a.getOptionValue("test-speakers"));
            List<String> validationSpeakers = list(a.getOptionValue("val-speakers"));
            if (split != DatasetSplit.Method.SPEAKER && (!testSpeakers.isEmpty() || !validationSpeakers.isEmpty())) {
                throw new UsageException("--test-speakers and --val-speakers need --split speaker");
            }
            String testCorpus = a.getOptionValue("test-corpus");
            if ((testCorpus != null) != (split == DatasetSplit.Method.CORPUS)) {
                throw new UsageException("--split corpus and --test-corpus NAME go together");
            }
            job.setSources(sources).setOptions(options)
                .optClasses(a.getOptionValue("classes") == null ? null : list(a.getOptionValue("classes")))
                .optSplit(split, testSpeakers, validationSpeakers)
                .optTestCorpus(testCorpus == null ? null : testCorpus.trim().toLowerCase(Locale.ROOT));
        }
        if (context.interactive()) {
            job.optProgress(new ProgressBar());
        }
        TrainingJob built = job.build();
        if (dryRun) {
            try {
                built.listSplit(context.out());
            } catch (IOException | IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            return Command.OK;
        }
        TrainingOutcome outcome;
        try {
            outcome = services.models().withDjl(() -> {
                try {
                    return built.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (TranslateException e) {
                    throw new IllegalStateException("the model failed: " + e.getMessage(), e);
                }
            });
        } catch (UncheckedIOException e) {
            throw new UsageException(e.getCause().getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (outcome.test() != null) {
            context.out().print(outcome.test().toTable());
        }
        CheckpointState state = outcome.state();
        String kept = state.averages()
            ? String.format(Locale.ROOT, "the mean of epochs %d-%d", state.options.averageFrom,
                state.completedEpochs)
            : String.format(Locale.ROOT, "kept epoch %d of %d%s", state.bestEpoch, state.completedEpochs,
                state.bestValidationLoss == null ? ""
                    : String.format(Locale.ROOT, " (validation loss %.4f)", state.bestValidationLoss));
        context.out().printf(Locale.ROOT, "wrote %s: %s; %.0f audio seconds per second of training%s%n",
            outcome.model(), kept,
            outcome.audioSecondsPerSecond(), outcome.skippedFiles() == 0 ? ""
                : "; " + outcome.skippedFiles() + " files skipped");
        return Command.OK;
    }

    static TrainingOptions options(CommandLine a, String device) throws UsageException {
        TrainingOptions o = new TrainingOptions();
        o.architecture = CommandLines.require(a, "arch");
        o.epochs = CommandLines.integer(a, "epochs", o.epochs, Integer.MIN_VALUE);
        o.batchSize = CommandLines.integer(a, "batch-size", o.batchSize, Integer.MIN_VALUE);
        o.learningRate = number(a, "lr", o.learningRate);
        o.weightDecay = number(a, "weight-decay", o.weightDecay);
        o.stepEpochs = CommandLines.integer(a, "lr-step", o.stepEpochs, Integer.MIN_VALUE);
        o.gamma = number(a, "lr-gamma", o.gamma);
        o.hidden = CommandLines.integer(a, "hidden", o.hidden, Integer.MIN_VALUE);
        o.layers = CommandLines.integer(a, "layers", o.layers, Integer.MIN_VALUE);
        o.dropout = number(a, "dropout", o.dropout);
        o.averageFrom = CommandLines.integer(a, "average-from", 0, 1);
        o.temporal = a.hasOption("temporal");
        o.instanceNorm = a.hasOption("instance-norm");
        o.logSpectrum = a.hasOption("log-spectrum");
        o.adversary = number(a, "adversary", o.adversary);
        o.adversaryOf = a.getOptionValue("adversary-of", o.adversaryOf).trim();
        o.arousal = number(a, "arousal", o.arousal);
        String seed = a.getOptionValue("seed");
        if (seed != null) {
            try {
                o.seed = Long.parseLong(seed.trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--seed must be an integer, got '" + seed + "'");
            }
        }
        o.device = device;
        o.labelMap = CommandLines.labelMap(a).spec();
        if (a.hasOption("normalize")) {
            o.normalizeDbfs = number(a, "normalize", LoudnessNormalization.DEFAULT_DBFS);
        }
        int crop = 0;
        if (a.hasOption("crop")) {
            double seconds = number(a, "crop", 0);
            if (!(seconds > 0 && seconds <= 60)) {
                throw new UsageException("--crop must be in (0, 60] seconds, got " + a.getOptionValue("crop"));
            }
            crop = (int) Math.round(seconds * SpeechEmotionDataset.SAMPLE_RATE);
        }
        if (a.hasOption("augment")) {
            o.augmentation = Augmentation.standard(crop);
        } else if (crop > 0) {
            o.augmentation = Augmentation.cropOnly(crop);
        }
        if (a.hasOption("speed")) {
            Augmentation augmentation = augmentationOf(o, crop);
            double[] range = speedRange(a.getOptionValue("speed"));
            augmentation.speedMin = range[0];
            augmentation.speedMax = range[1];
        }
        if (a.hasOption("reverb")) {
            augmentationOf(o, crop).reverbProbability = share(a, "reverb");
        }
        if (a.hasOption("channel")) {
            augmentationOf(o, crop).channelProbability = share(a, "channel");
        }
        o.balance = a.hasOption("balance");
        return o;
    }

    /** The options' augmentation, made one that only crops when there is none yet. */
    private static Augmentation augmentationOf(TrainingOptions o, int crop) {
        if (o.augmentation == null) {
            o.augmentation = Augmentation.cropOnly(crop);
        }
        return o.augmentation;
    }

    /** {@code MIN:MAX} or one factor for both; the range itself is checked with the rest of the augmentation. */
    private static double[] speedRange(String value) throws UsageException {
        String[] parts = value.split(":", -1);
        try {
            if (parts.length > 2) {
                throw new NumberFormatException();
            }
            double min = Double.parseDouble(parts[0].trim());
            double max = parts.length == 2 ? Double.parseDouble(parts[1].trim()) : min;
            if (!(min > 0.5 && min <= max && max < 2)) {
                throw new UsageException("--speed must satisfy 0.5 < MIN <= MAX < 2, got '" + value + "'");
            }
            return new double[] {min, max};
        } catch (NumberFormatException e) {
            throw new UsageException("--speed must be MIN:MAX or one factor, such as 0.95:1.05 or 1, got '" + value
                + "'");
        }
    }

    /** A share of training draws, in [0, 1]. */
    private static double share(CommandLine a, String name) throws UsageException {
        double share = number(a, name, 0);
        if (!(share >= 0 && share <= 1)) {
            throw new UsageException("--" + name + " must be a share in [0, 1], got " + a.getOptionValue(name));
        }
        return share;
    }

    private static double number(CommandLine a, String name, double fallback) throws UsageException {
        String v = a.getOptionValue(name);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + v + "'");
        }
    }

    /** A comma-separated list without empty items. */
    static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String s : value.split(",")) {
                if (!s.isBlank()) {
                    items.add(s.trim());
                }
            }
        }
        return items;
    }
}
