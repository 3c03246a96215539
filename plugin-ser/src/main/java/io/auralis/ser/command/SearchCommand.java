package io.auralis.ser.command;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.command.UsageException;
import io.auralis.ser.data.CorpusSource;
import io.auralis.ser.data.DatasetSplit;
import io.auralis.ser.search.SearchSpace;
import io.auralis.ser.search.SuccessiveHalving;
import io.auralis.ser.training.TrainingJob;
import io.auralis.ser.training.TrainingOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code auralis ser search}: successive halving over the settings of {@code ser train}, each trial a resumable
 * training run; the table of trials and the winner are written to the search folder.
 */
final class SearchCommand implements Subcommand {

    /** The architecture trials start from when neither {@code --arch} nor the space names one. */
    private static final String DEFAULT_ARCH = "cnn5gru";

    @Override
    public String name() {
        return "search";
    }

    @Override
    public String summary() {
        return "choose training settings by successive halving over many short ser train runs";
    }

    @Override
    public String usage() {
        return CommandLines.usage(List.of(
                "auralis ser search --dataset NAMES --data PATHS --out DIR [--trials N] [--rungs 2,6,12]",
                "                   [--eta 3] [--space SPEC] [ser train options]"),
            String.join("\n",
                "Draws --trials settings from --space, trains each to the first rung's epochs, continues the best",
                "1/eta (lowest validation loss, the rule ser train keeps epochs by) to the next rung, and so on.",
                "Each trial is a ser train model folder DIR/trial-NN; DIR/trials.csv lists every trial and",
                "DIR/search.json keeps the search, so running the same command again continues it. Options of",
                "ser train (data, --split, --classes, --crop, --balance, --seed, ...) are shared by every trial;",
                "the space overrides those it names. Default space:",
                "  " + SearchSpace.DEFAULT),
            options(),
            "Exit code 0 when the search finished with a winner, 1 when every trial failed, 2 for bad arguments.");
    }

    private static Options options() {
        Options o = TrainCommand.options();
        Options search = new Options();
        for (var opt : o.getOptions()) {
            if (!opt.getLongOpt().equals("resume") && !opt.getLongOpt().equals("dry-run")
                && !opt.getLongOpt().equals("epochs")) {
                search.addOption(opt);
            }
        }
        return search
            .addOption(CommandLines.valued("trials", "N", "trials drawn for the first rung (default 9)"))
            .addOption(CommandLines.valued("rungs", "E1,E2,...", "epochs in all at each rung, increasing (default "
                + "2,6,12)"))
            .addOption(CommandLines.valued("eta", "N", "keep the best 1/N trials at each rung (default 3)"))
            .addOption(CommandLines.valued("space", "SPEC", "what to vary: name=a|b for choices, name=low:high for a "
                + "log-uniform range; names arch, hidden, layers, dropout, lr, weight-decay, augment, normalize"));
    }

    @Override
    public int run(List<String> args, CommandContext context, SerServices services) throws Exception {
        List<String> withArch = new ArrayList<>(args);
        if (!args.contains("--arch")) {
            withArch.add("--arch");
            withArch.add(DEFAULT_ARCH);
        }
        CommandLine a = CommandLines.parse(options(), withArch);
        CommandLines.noArguments(a, "");
        String device = a.getOptionValue("device");
        TrainingOptions base = TrainCommand.options(a, device == null ? services.models().platformDevice() : device);
        Path out = context.workingDirectory().resolve(CommandLines.require(a, "out")).normalize();
        int trials = CommandLines.integer(a, "trials", 9, 1);
        int eta = CommandLines.integer(a, "eta", 3, 2);
        List<Integer> rungs = new ArrayList<>();
        for (String r : TrainCommand.list(a.getOptionValue("rungs", "2,6,12"))) {
            try {
                rungs.add(Integer.parseInt(r));
            } catch (NumberFormatException e) {
                throw new UsageException("--rungs must be whole numbers of epochs, got '" + r + "'");
            }
        }
        if (rungs.isEmpty() || rungs.get(0) < 1) {
            throw new UsageException("--rungs must start at 1 epoch or more");
        }
        SearchSpace space;
        List<CorpusSource> sources;
        DatasetSplit.Method split;
        try {
            space = SearchSpace.parse(a.getOptionValue("space", SearchSpace.DEFAULT));
            sources = CorpusSource.parse(CommandLines.require(a, "dataset"), CommandLines.require(a, "data"),
                p -> context.workingDirectory().resolve(p).normalize());
            split = DatasetSplit.Method.fromId(a.getOptionValue("split", "corpus-speaker"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (split == DatasetSplit.Method.ALL || split == DatasetSplit.Method.STRATIFIED && sources.size() > 1) {
            context.err().println("auralis: note: --split " + split.id() + " does not validate on unseen speakers");
        }
        String testCorpus = a.getOptionValue("test-corpus");
        List<String> testSpeakers = TrainCommand.list(a.getOptionValue("test-speakers"));
        List<String> validationSpeakers = TrainCommand.list(a.getOptionValue("val-speakers"));
        List<String> classes = a.getOptionValue("classes") == null ? null
            : TrainCommand.list(a.getOptionValue("classes"));
        int crop = base.augmentation == null ? 0 : base.augmentation.cropSamples;
        long seed = base.seed;
        SuccessiveHalving search = new SuccessiveHalving(out, context.err());
        SuccessiveHalving.State state;
        try {
            state = search.run(space, base, crop, trials, rungs, eta, seed, (folder, options, epochs) -> {
                TrainingJob.Builder job = TrainingJob.builder().setDecoder(services.decoder()).setOutput(folder)
                    .optLog(context.err());
                if (options == null) {
                    job.resume(epochs, null);
                } else {
                    options.epochs = epochs;
                    job.setSources(sources).setOptions(options).optClasses(classes)
                        .optSplit(split, testSpeakers, validationSpeakers)
                        .optTestCorpus(testCorpus == null ? null : testCorpus.trim().toLowerCase(Locale.ROOT));
                }
                TrainingJob built = job.build();
                services.models().withDjl(built::run);
            });
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        SuccessiveHalving.Trial best = SuccessiveHalving.best(state);
        if (best == null) {
            context.out().println("every trial failed; see " + out.resolve(SuccessiveHalving.TABLE));
            return Command.PARTIAL_FAILURE;
        }
        context.out().printf(Locale.ROOT, "best: trial %d %s, %d epochs, validation loss %.4f (%s); table in %s%n",
            best.id, best.values, best.epochs, best.validationLoss, search.trialFolder(best),
            out.resolve(SuccessiveHalving.TABLE));
        return Command.OK;
    }
}
