package io.auralis.api.extractor;

import java.util.List;

/**
 * A parameter an extractor takes, with everything a host needs to check a value before running anything.
 * A plain data object.
 */
public class ParameterDescriptor {
    /** Identifier used in workflow files: letters, digits, {@code _} and {@code -}. */
    public String id;

    /** Human-readable name. */
    public String name;

    /** What the parameter changes. */
    public String description;

    /** Unit of the value, such as {@code Hz}, {@code s}, {@code dB}; {@code null} when it has none. */
    public String unit;

    /** How values are parsed and checked. */
    public ParameterType type = ParameterType.NUMBER;

    /** Smallest allowed value for numbers, or {@code null} when unbounded. */
    public Double minValue;

    /** Largest allowed value for numbers, or {@code null} when unbounded. */
    public Double maxValue;

    /** The value used when a workflow does not set one: a {@code Double}, {@code Long}, {@code Boolean} or {@code String}. */
    public Object defaultValue;

    /** Allowed values for {@link ParameterType#CHOICE}. */
    public List<String> choices;

    /**
     * Whether the parameter changes only how the work is done (speed, memory, how much is batched together), never
     * the features: {@code false} unless the extractor says so. The host leaves such parameters out of a workflow's
     * digest, which a resumed output must match, so that an output written with one value can be resumed with
     * another. Mark a parameter only when every value gives the same features for the same audio (to the rounding
     * of floating-point sums, which batching may reorder).
     *
     * @since 1.2
     */
    public boolean performanceOnly;

    /** Creates an empty descriptor. */
    public ParameterDescriptor() {
    }

    /**
     * Marks this parameter as changing only how the work is done, never the features ({@link #performanceOnly}).
     *
     * @return this descriptor
     * @since 1.2
     */
    public ParameterDescriptor performanceOnly() {
        performanceOnly = true;
        return this;
    }

    /**
     * Describes a bounded real-valued parameter.
     *
     * @param id identifier used in workflow files
     * @param name human-readable name
     * @param description what the parameter changes
     * @param unit unit of the value, or {@code null}
     * @param min smallest allowed value
     * @param max largest allowed value
     * @param defaultValue the value used when none is given
     * @return the descriptor
     */
    public static ParameterDescriptor number(String id, String name, String description, String unit,
            double min, double max, double defaultValue) {
        ParameterDescriptor p = of(id, name, description, ParameterType.NUMBER, defaultValue);
        p.unit = unit;
        p.minValue = min;
        p.maxValue = max;
        return p;
    }

    /**
     * Describes a bounded integer parameter.
     *
     * @param id identifier used in workflow files
     * @param name human-readable name
     * @param description what the parameter changes
     * @param unit unit of the value, or {@code null}
     * @param min smallest allowed value
     * @param max largest allowed value
     * @param defaultValue the value used when none is given
     * @return the descriptor
     */
    public static ParameterDescriptor integer(String id, String name, String description, String unit,
            long min, long max, long defaultValue) {
        ParameterDescriptor p = number(id, name, description, unit, min, max, defaultValue);
        p.type = ParameterType.INTEGER;
        p.defaultValue = defaultValue;
        return p;
    }

    /**
     * Describes a text parameter.
     *
     * @param id identifier used in workflow files
     * @param name human-readable name
     * @param description what the parameter changes
     * @param defaultValue the value used when none is given
     * @return the descriptor
     */
    public static ParameterDescriptor text(String id, String name, String description, String defaultValue) {
        return of(id, name, description, ParameterType.TEXT, defaultValue);
    }

    /**
     * Describes a parameter with a fixed set of values.
     *
     * @param id identifier used in workflow files
     * @param name human-readable name
     * @param description what the parameter changes
     * @param choices the allowed values
     * @param defaultValue the value used when none is given; one of {@code choices}
     * @return the descriptor
     */
    public static ParameterDescriptor choice(String id, String name, String description, List<String> choices,
            String defaultValue) {
        ParameterDescriptor p = text(id, name, description, defaultValue);
        p.type = ParameterType.CHOICE;
        p.choices = List.copyOf(choices);
        return p;
    }

    /**
     * Describes a yes/no parameter.
     *
     * @param id identifier used in workflow files
     * @param name human-readable name
     * @param description what the parameter changes
     * @param defaultValue the value used when none is given
     * @return the descriptor
     */
    public static ParameterDescriptor bool(String id, String name, String description, boolean defaultValue) {
        return of(id, name, description, ParameterType.BOOLEAN, defaultValue);
    }

    /** The fields every kind of parameter has. */
    private static ParameterDescriptor of(String id, String name, String description, ParameterType type,
            Object defaultValue) {
        ParameterDescriptor p = new ParameterDescriptor();
        p.id = id;
        p.name = name;
        p.description = description;
        p.type = type;
        p.defaultValue = defaultValue;
        return p;
    }
}
