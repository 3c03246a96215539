package io.auralis.ser.command;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.command.UsageException;
import io.auralis.ser.bench.SerBenchOptions;
import io.auralis.ser.bench.SerBenchReport;
import io.auralis.ser.bench.SerBenchResult;
import io.auralis.ser.bench.SerBenchmark;
import io.auralis.ser.inference.ComputeDevice;
import io.auralis.ser.model.Architecture;
import io.auralis.ser.model.ModelException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code auralis ser bench}: inference real-time factor per batch size and training throughput of the CNN-n-GRU
 * networks on this machine. See {@link #usage()}.
 */
public final class SerBenchCommand implements Subcommand {

    /** The architectures measured without {@code --arch} or {@code --model}. */
    private static final String DEFAULT_ARCHITECTURES = "cnn3gru,cnn5gru,cnn11gru,cnn18gru";
    /** The batch sizes measured without {@code --batches}. */
    private static final String DEFAULT_BATCHES = "1,4,16,32,64";
    private static final int MAX_BATCH = 4096;

    /** Creates the subcommand. */
    public SerBenchCommand() {
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure inference and training speed of each architecture on this machine";
    }

    @Override
    public String usage() {
        return CommandLines.usage(List.of(
                "auralis ser bench [--arch LIST | --model DIR|NAME] [--clip-seconds S] [--batches LIST]",
                "                  [--train-batch N] [--train-steps N] [--min-seconds S] [--device D] [--json]"),
            String.join("\n",
                "For each architecture, builds the network with random weights (speed does not depend on them) and",
                "measures, on clips of S seconds at 16 kHz:",
                "  - inference through the same model loader, translator and predictors that analyze uses: audio",
                "    seconds per second (the real-time factor) at each batch size, and which batch is fastest;",
                "  - training: the trainer ser train runs (NLL loss, ResumableAdam on the StepLR schedule,",
                "    PyTorch's initialisers, accuracy and divergence listeners): forward with each clip's valid",
                "    length, backward and an optimiser step, in audio seconds per second, after "
                    + SerBenchOptions.WARMUP_STEPS + " warm-up",
                "    steps that are not counted.",
                "Also prints the device and PyTorch's thread count (set it with "
                    + "JAVA_OPTS=-Dai.djl.pytorch.num_threads=N).",
                "Each figure comes with audio seconds per CPU second of the process, which a busy machine disturbs "
                    + "less.",
                "Progress goes to standard error, the table (or JSON) to standard output."),
            options(),
            String.join("\n",
                "With the defaults the run takes one to two minutes on 2 cores. Example:",
                "  auralis ser bench --arch cnn3gru,cnn18gru --batches 1,32"));
    }

    @Override
    public int run(List<String> args, CommandContext context, SerServices services) throws Exception {
        SerBenchOptions options = parse(args);
        SerBenchResult result;
        try {
            result = new SerBenchmark(services.models(), context.workingDirectory(), context.err()).run(options);
        } catch (ModelException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        context.out().print(options.json() ? SerBenchReport.json(result) + System.lineSeparator()
            : SerBenchReport.table(result));
        context.out().flush();
        return Command.OK;
    }

    /**
     * Parses the words after {@code ser bench}.
     *
     * @param args the words
     * @return the options
     * @throws UsageException naming the option and what is wrong with it, one line
     */
    static SerBenchOptions parse(List<String> args) throws UsageException {
        CommandLine a = CommandLines.parse(options(), args);
        CommandLines.noArguments(a, " (ser bench takes only options)");
        String model = a.getOptionValue("model");
        if (model != null && model.isBlank()) {
            throw new UsageException("--model needs a model directory or name");
        }
        if (model != null && a.getOptionValue("arch") != null) {
            throw new UsageException("--arch and --model exclude each other: --model measures that model's "
                + "architecture");
        }
        List<Architecture> architectures = new ArrayList<>();
        if (model == null) {
            Set<Architecture> seen = new LinkedHashSet<>();
            for (String name : list(a.getOptionValue("arch", DEFAULT_ARCHITECTURES), "--arch")) {
                try {
                    seen.add(Architecture.fromId(name));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--arch: " + e.getMessage());
                }
            }
            architectures.addAll(seen);
        }
        Double clip = CommandLines.positive(a, "clip-seconds");
        double clipSeconds = clip == null ? 3 : clip;
        if (clipSeconds > 600) {
            throw new UsageException("--clip-seconds must be at most 600, got " + clipSeconds);
        }
        int samples = (int) Math.round(clipSeconds * 16000);
        int shortest = architectures.stream().mapToInt(Architecture::minimumSamples).max().orElse(0);
        if (samples < shortest) {
            throw new UsageException("--clip-seconds " + clipSeconds + " is shorter than the "
                + shortest * 1000 / 16000.0 + " ms the slowest-pooling architecture needs");
        }
        TreeSet<Integer> batches = new TreeSet<>();
        for (String b : list(a.getOptionValue("batches", DEFAULT_BATCHES), "--batches")) {
            try {
                int n = Integer.parseInt(b);
                if (n < 1 || n > MAX_BATCH) {
                    throw new UsageException("--batches: " + b + " is not from 1 to " + MAX_BATCH);
                }
                batches.add(n);
            } catch (NumberFormatException e) {
                throw new UsageException("--batches: '" + b + "' is not a whole number");
            }
        }
        int trainBatch = CommandLines.integer(a, "train-batch", 16, 1);
        int trainSteps = CommandLines.integer(a, "train-steps", 3, 0);
        Double min = CommandLines.positive(a, "min-seconds");
        String device = a.getOptionValue("device");
        if (device != null) {
            try {
                ComputeDevice.checkSyntax(device);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--device: " + e.getMessage());
            }
        }
        return new SerBenchOptions(List.copyOf(architectures), model, clipSeconds, List.copyOf(batches), trainBatch,
            trainSteps, min == null ? 1.0 : min, device, a.hasOption("json"));
    }

    /**
     * The options {@code ser bench} takes, described for its usage.
     *
     * @return the options
     */
    private static Options options() {
        return new Options()
            .addOption(CommandLines.valued("arch", "LIST", "architectures, comma-separated (default "
                + DEFAULT_ARCHITECTURES + ")"))
            .addOption(CommandLines.valued("model", "DIR|NAME", "measure this model instead (a folder, or a name in "
                + "the models folder)"))
            .addOption(CommandLines.valued("clip-seconds", "S", "clip length (default 3)"))
            .addOption(CommandLines.valued("batches", "LIST", "inference batch sizes (default " + DEFAULT_BATCHES
                + ")"))
            .addOption(CommandLines.valued("train-batch", "N", "clips per training step (default 16)"))
            .addOption(CommandLines.valued("train-steps", "N", "timed training steps; 0 skips training (default 3)"))
            .addOption(CommandLines.valued("min-seconds", "S", "least time each inference figure is measured for "
                + "(default 1)"))
            .addOption(CommandLines.valued("device", "D", "auto, cpu, gpu or gpu:N (default: the platform's "
                + "--device)"))
            .addOption(CommandLines.flag("json", "print one JSON object instead of the table"));
    }

    private static List<String> list(String value, String option) throws UsageException {
        List<String> items = TrainCommand.list(value);
        if (items.isEmpty()) {
            throw new UsageException(option + " needs a comma-separated list, got '" + value + "'");
        }
        return items;
    }
}
