package io.auralis.ser.search;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.auralis.ser.augmentation.Augmentation;
import io.auralis.ser.model.LoudnessNormalization;
import io.auralis.ser.training.TrainingOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * What a search may vary, written as {@code name=a|b|c} for a choice and {@code name=low:high} for a log-uniform
 * range, comma-separated: {@code arch=cnn3gru|cnn5gru,hidden=32|64,lr=3e-4:3e-3}. Names: {@code arch},
 * {@code hidden}, {@code layers}, {@code dropout}, {@code lr}, {@code weight-decay}, {@code augment},
 * {@code normalize}, {@code instance-norm} and {@code log-spectrum} ({@code on|off}), {@code adversary} and
 * {@code arousal} (the weights of {@code --adversary} and {@code --arousal}, 0 for none). Names not given keep the base options' value.
 */
public final class SearchSpace {

    /** The space {@code ser search} explores unless told otherwise. */
    public static final String DEFAULT = "arch=cnn3gru|cnn5gru|cnn11gru,hidden=32|64|128,layers=1|2,"
        + "dropout=0|0.1|0.2|0.3,lr=3e-4:3e-3,augment=on|off,normalize=on|off";

    private static final List<String> NAMES = List.of("arch", "hidden", "layers", "dropout", "lr", "weight-decay",
        "augment", "normalize", "instance-norm", "log-spectrum", "adversary", "arousal");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> dimensions;

    private SearchSpace(Map<String, String> dimensions) {
        this.dimensions = dimensions;
    }

    /**
     * Reads a space.
     *
     * @param spec the space as written on the command line
     * @return the space
     * @throws IllegalArgumentException for an unknown name, an empty choice or a malformed range
     */
    public static SearchSpace parse(String spec) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String name = eq < 0 ? entry.trim() : entry.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (eq < 0 || !NAMES.contains(name)) {
                throw new IllegalArgumentException("--space entry '" + entry.trim() + "' is not name=a|b or "
                    + "name=low:high with a name of " + String.join(", ", NAMES));
            }
            String values = entry.substring(eq + 1).trim();
            if (values.contains(":")) {
                String[] range = values.split(":");
                if (range.length != 2 || !(parse(name, range[0]) > 0) || !(parse(name, range[1]) >= parse(name,
                    range[0]))) {
                    throw new IllegalArgumentException("--space " + name + ": '" + values + "' is not a range "
                        + "low:high of positive numbers");
                }
            } else if (values.isEmpty() || List.of(values.split("\\|")).contains("")) {
                throw new IllegalArgumentException("--space " + name + " has an empty choice");
            }
            dimensions.put(name, values);
        }
        return new SearchSpace(dimensions);
    }

    private static double parse(String name, String number) {
        try {
            return Double.parseDouble(number.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--space " + name + ": '" + number + "' is not a number");
        }
    }

    /**
     * Draws one trial's settings.
     *
     * @param random the search's generator
     * @return name to value as text, in the space's order
     */
    public Map<String, String> sample(Random random) {
        Map<String, String> values = new LinkedHashMap<>();
        dimensions.forEach((name, spec) -> {
            if (spec.contains(":")) {
                String[] range = spec.split(":");
                double low = Math.log(parse(name, range[0]));
                double high = Math.log(parse(name, range[1]));
                values.put(name, String.format(Locale.ROOT, "%.3g", Math.exp(low + (high - low) * random.nextDouble())));
            } else {
                String[] choices = spec.split("\\|");
                values.put(name, choices[random.nextInt(choices.length)].trim());
            }
        });
        return values;
    }

    /**
     * The base options with one trial's settings applied.
     *
     * @param base the options every trial shares (data, split, classes, crop, seed, ...)
     * @param values a trial's settings, as {@link #sample} draws them
     * @param cropSamples the crop length of the base options, kept when {@code augment=off}
     * @return new options
     * @throws IllegalArgumentException for a value that is not of its kind
     */
    public static TrainingOptions apply(TrainingOptions base, Map<String, String> values, int cropSamples) {
        TrainingOptions o = copy(base);
        values.forEach((name, value) -> {
            switch (name) {
                case "arch" -> o.architecture = value;
                case "hidden" -> o.hidden = (int) parse(name, value);
                case "layers" -> o.layers = (int) parse(name, value);
                case "dropout" -> o.dropout = parse(name, value);
                case "lr" -> o.learningRate = parse(name, value);
                case "weight-decay" -> o.weightDecay = parse(name, value);
                case "augment" -> o.augmentation = on(name, value) ? Augmentation.standard(cropSamples)
                    : cropSamples > 0 ? Augmentation.cropOnly(cropSamples) : null;
                case "normalize" -> o.normalizeDbfs = on(name, value) ? LoudnessNormalization.DEFAULT_DBFS : null;
                case "instance-norm" -> o.instanceNorm = on(name, value);
                case "log-spectrum" -> o.logSpectrum = on(name, value);
                case "adversary" -> o.adversary = parse(name, value);
                case "arousal" -> o.arousal = parse(name, value);
                default -> throw new IllegalArgumentException("unknown search dimension " + name);
            }
        });
        return o;
    }

    private static boolean on(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException("--space " + name + ": '" + value + "' is not on or off");
        };
    }

    /** A deep copy through Jackson, as the checkpoint stores options, so a field added later is never lost. */
    private static TrainingOptions copy(TrainingOptions b) {
        return JSON.convertValue(b, TrainingOptions.class);
    }

    /**
     * The dimension names, in order.
     *
     * @return names
     */
    public List<String> names() {
        return new ArrayList<>(dimensions.keySet());
    }

    @Override
    public String toString() {
        return String.join(",", dimensions.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
