package io.auralis.ser.bench;

import io.auralis.ser.command.Arguments;
import io.auralis.ser.command.UsageException;
import io.auralis.ser.inference.ComputeDevice;
import io.auralis.ser.model.Architecture;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
        Arguments a = Arguments.parse(args, Set.of("arch", "model", "clip-seconds", "batches", "train-batch",
            "train-steps", "min-seconds", "device"), Set.of("json"));
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positional().get(0) + "' (ser bench takes only "
                + "options)");
        }
        String model = a.get("model");
        if (model != null && model.isBlank()) {
            throw new UsageException("--model needs a model directory or name");
        }
        if (model != null && a.get("arch") != null) {
            throw new UsageException("--arch and --model exclude each other: --model measures that model's "
                + "architecture");
        }
        List<Architecture> architectures = new ArrayList<>();
        if (model == null) {
            Set<Architecture> seen = new LinkedHashSet<>();
            for (String name : list(a.get("arch", DEFAULT_ARCHITECTURES), "--arch")) {
                try {
                    seen.add(Architecture.fromId(name));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--arch: " + e.getMessage());
                }
            }
            architectures.addAll(seen);
        }
        Double clip = a.positive("clip-seconds");
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
        for (String b : list(a.get("batches", DEFAULT_BATCHES), "--batches")) {
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
        int trainBatch = a.integer("train-batch", 16, 1);
        int trainSteps = a.integer("train-steps", 3, 0);
        Double min = a.positive("min-seconds");
        String device = a.get("device");
        if (device != null) {
            try {
                ComputeDevice.checkSyntax(device);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--device: " + e.getMessage());
            }
        }
        return new SerBenchOptions(List.copyOf(architectures), model, clipSeconds, List.copyOf(batches), trainBatch,
            trainSteps, min == null ? 1.0 : min, device, a.flag("json"));
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
