package io.auralis.ser.command;

import ai.djl.training.util.ProgressBar;
import ai.djl.translate.TranslateException;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.ser.data.CorpusSource;
import io.auralis.ser.data.DatasetSplit;
import io.auralis.ser.model.CnnGru;
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

/**
 * {@code auralis ser train}: trains a CNN-n-GRU on a corpus and writes a model directory.
 */
final class TrainCommand implements Subcommand {

    private static final Set<String> VALUED = Set.of("dataset", "data", "arch", "out", "classes", "split",
        "test-speakers", "val-speakers", "epochs", "batch-size", "lr", "weight-decay", "lr-step", "lr-gamma",
        "hidden", "layers", "dropout", "seed", "device");
    private static final Set<String> SWITCHES = Set.of("temporal", "resume", "dry-run");
    /** What a resumed run may change; everything else is the checkpoint's. */
    private static final Set<String> RESUMABLE = Set.of("out", "epochs", "device", "data", "resume");

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train a CNN-n-GRU on a corpus (TESS, RAVDESS, EmoDB, IEMOCAP, CSV) into a model directory";
    }

    @Override
    public String usage() {
        TrainingOptions d = new TrainingOptions();
        return String.join("\n",
            "usage: auralis ser train --dataset NAME --data PATH --arch NAME --out DIR [options]",
            "       auralis ser train --resume --out DIR [--epochs N] [--device D] [--data PATH]",
            "       auralis ser train --dataset NAME --data PATH [options] --dry-run",
            "",
            "Trains on 16 kHz mono clips with the published protocol (Adam, learning rate divided by 10 every 20",
            "epochs, NLL loss, batches zero-padded to the longest clip) and keeps the epoch with the lowest",
            "validation loss. DIR receives model.json, weights.params and README.md (a model for ser predict and",
            "the auralis.ser extractor), split.json, history.csv, training_curves.png, the test part's",
            "metrics.json, confusion_matrix.csv/.png and predictions.csv, and checkpoint/ for --resume.",
            "",
            "  --dataset NAME        tess, ravdess, emodb, iemocap, or csv (a manifest of path,label[,speaker]);",
            "                        several, comma-separated (tess,emodb), are trained on as one, with their",
            "                        speakers named corpus-speaker (tess-OAF, emodb-03) for --test-speakers",
            "  --data PATH           the corpus folder, or the manifest file for csv; with several datasets, one",
            "                        path per dataset in the same order, comma-separated",
            "  --arch NAME           cnn3gru, cnn5gru, cnn11gru or cnn18gru",
            "  --out DIR             the model directory to write; must not hold a model yet",
            "  --classes a,b,c       train on these classes only, in this output order (default: every label)",
            "  --split S             stratified: random 80/10/10 within each label (default); speaker: whole",
            "                        speakers held out for test and validation; all: everything for training",
            "  --test-speakers a,b   with --split speaker: the test speakers (default: chosen with --seed)",
            "  --val-speakers c      with --split speaker: the validation speakers (default: chosen with --seed;",
            "                        with two speakers in all, a tenth of the training speaker's clips)",
            "  --epochs N            epochs in all (default " + d.epochs + ")",
            "  --batch-size N        clips per batch (default " + d.batchSize + ")",
            "  --lr X                initial learning rate (default " + d.learningRate + ")",
            "  --weight-decay X      Adam's L2 weight decay (default " + d.weightDecay + ")",
            "  --lr-step N           epochs between learning-rate decays (default " + d.stepEpochs + ")",
            "  --lr-gamma X          the decay factor (default " + d.gamma + ")",
            "  --hidden N            GRU hidden size (default " + CnnGru.DEFAULT_HIDDEN + ")",
            "  --layers N            GRU layers (default " + CnnGru.DEFAULT_LAYERS + ")",
            "  --dropout X           dropout before the output layer, in [0, 1) (default " + d.dropout + ")",
            "  --temporal            run the GRU over the CNN's time steps instead of their mean",
            "  --seed N              seed of the split, the initial weights, batch order and dropout (default "
                + d.seed + ")",
            "  --device D            auto, cpu, gpu or gpu:N (default: the platform's --device, else auto)",
            "  --dry-run             list the clips of each part as CSV (part,speaker,label,file) on standard",
            "                        output and stop: nothing is decoded, trained or written (--out not needed)",
            "  --resume              continue the run in --out from its last completed epoch; the settings, data",
            "                        and split are the checkpoint's, only --epochs, --device and --data may change",
            "",
            "Files that cannot be decoded are reported on standard error and skipped. Exit code 0 when a model",
            "was written, 2 for bad arguments or data.");
    }

    @Override
    public int run(List<String> args, CommandContext context, SerServices services) throws Exception {
        Arguments a = Arguments.parse(args, VALUED, SWITCHES);
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positional().get(0) + "'");
        }
        boolean dryRun = a.flag("dry-run");
        if (dryRun && a.flag("resume")) {
            throw new UsageException("--dry-run lists a new run's split; a resumed run's split is its split.json");
        }
        // A dry run writes nothing, so it needs no --out; the job still wants one, and never touches it.
        Path out = context.workingDirectory().resolve(dryRun && a.get("out") == null ? "." : a.require("out"))
            .normalize();
        TrainingJob.Builder job = TrainingJob.builder().setDecoder(services.decoder()).setOutput(out)
            .optLog(context.err());
        String device = a.get("device");
        if (a.flag("resume")) {
            for (String option : VALUED) {
                if (a.get(option) != null && !RESUMABLE.contains(option)) {
                    throw new UsageException("--" + option + " cannot be changed when resuming: the checkpoint keeps "
                        + "its settings");
                }
            }
            if (a.flag("temporal")) {
                throw new UsageException("--temporal cannot be changed when resuming: the checkpoint keeps its "
                    + "settings");
            }
            Integer epochs = a.get("epochs") == null ? null : a.integer("epochs", 0, Integer.MIN_VALUE);
            if (epochs != null && epochs < 1) {
                throw new UsageException("--epochs must be at least 1, got " + epochs);
            }
            job.resume(epochs, device);
            if (a.get("data") != null) {
                job.setResumeData(a.get("data"), p -> context.workingDirectory().resolve(p).normalize());
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
                sources = CorpusSource.parse(a.require("dataset"), a.require("data"),
                    p -> context.workingDirectory().resolve(p).normalize());
                split = DatasetSplit.Method.fromId(a.get("split", "stratified"));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            List<String> testSpeakers = list(a.get("test-speakers"));
            List<String> validationSpeakers = list(a.get("val-speakers"));
            if (split != DatasetSplit.Method.SPEAKER && (!testSpeakers.isEmpty() || !validationSpeakers.isEmpty())) {
                throw new UsageException("--test-speakers and --val-speakers need --split speaker");
            }
            job.setSources(sources).setOptions(options)
                .optClasses(a.get("classes") == null ? null : list(a.get("classes")))
                .optSplit(split, testSpeakers, validationSpeakers);
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
        context.out().printf(Locale.ROOT, "wrote %s: kept epoch %d of %d%s; %.0f audio seconds per second of "
                + "training%s%n", outcome.model(), outcome.state().bestEpoch, outcome.state().completedEpochs,
            outcome.state().bestValidationLoss == null ? ""
                : String.format(Locale.ROOT, " (validation loss %.4f)", outcome.state().bestValidationLoss),
            outcome.audioSecondsPerSecond(), outcome.skippedFiles() == 0 ? ""
                : "; " + outcome.skippedFiles() + " files skipped");
        return Command.OK;
    }

    private static TrainingOptions options(Arguments a, String device) throws UsageException {
        TrainingOptions o = new TrainingOptions();
        o.architecture = a.require("arch");
        o.epochs = a.integer("epochs", o.epochs, Integer.MIN_VALUE);
        o.batchSize = a.integer("batch-size", o.batchSize, Integer.MIN_VALUE);
        o.learningRate = number(a, "lr", o.learningRate);
        o.weightDecay = number(a, "weight-decay", o.weightDecay);
        o.stepEpochs = a.integer("lr-step", o.stepEpochs, Integer.MIN_VALUE);
        o.gamma = number(a, "lr-gamma", o.gamma);
        o.hidden = a.integer("hidden", o.hidden, Integer.MIN_VALUE);
        o.layers = a.integer("layers", o.layers, Integer.MIN_VALUE);
        o.dropout = number(a, "dropout", o.dropout);
        o.temporal = a.flag("temporal");
        String seed = a.get("seed");
        if (seed != null) {
            try {
                o.seed = Long.parseLong(seed.trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--seed must be an integer, got '" + seed + "'");
            }
        }
        o.device = device;
        return o;
    }

    private static double number(Arguments a, String name, double fallback) throws UsageException {
        String v = a.get(name);
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
