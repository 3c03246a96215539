package io.auralis.ser.bench;

import io.auralis.ser.command.CommandLines;
import io.auralis.ser.command.UsageException;
import io.auralis.ser.inference.ComputeDevice;
import io.auralis.ser.model.Architecture;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * The settings of one {@code ser bench} run, validated.
 *
 * @param architectures the networks to build with random weights; empty when {@code model} is set
 * @param model a model directory or name to measure instead, or {@code null}
 * @param clipSeconds length of every clip
 * @param batches the inference batch sizes, ascending, without repeats
 * @param trainBatch clips per training step
 * @param trainSteps measured training steps (after {@link #WARMUP_STEPS} not measured)
 * @param minSeconds the least time each inference figure is measured for
 * @param device the device option ({@code auto}, {@code cpu}, {@code gpu}, {@code gpu:N}), or {@code null}
 * @param json whether to print JSON instead of a table
 */
public record SerBenchOptions(List<Architecture> architectures, String model, double clipSeconds, List<Integer> batches,
                              int trainBatch, int trainSteps, double minSeconds, String device, boolean json) {

    /** Training steps run before the measured ones: the first steps allocate and tune kernels. */
    public static final int WARMUP_STEPS = 2;
    /** The architectures measured without {@code --arch} or {@code --model}. */
    public static final String DEFAULT_ARCHITECTURES = "cnn3gru,cnn5gru,cnn11gru,cnn18gru";
    /** The batch sizes measured without {@code --batches}. */
    public static final String DEFAULT_BATCHES = "1,4,16,32,64";

    private static final int MAX_BATCH = 4096;

    /**
     * Parses the words after {@code ser bench}.
     *
     * @param args the words
     * @return the options
     * @throws UsageException naming the option and what is wrong with it, one line
     */
    public static SerBenchOptions parse(List<String> args) throws UsageException {
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
    static Options options() {
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

    /** The clip length in samples at the networks' 16 kHz. */
    int clipSamples() {
        return (int) Math.round(clipSeconds * 16000);
    }

    private static List<String> list(String value, String option) throws UsageException {
        List<String> items = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                items.add(s.trim());
            }
        }
        if (items.isEmpty()) {
            throw new UsageException(option + " needs a comma-separated list, got '" + value + "'");
        }
        return items;
    }
}
