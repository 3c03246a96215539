package io.auralis.api.extractor;

/**
 * An output of another extractor that this extractor consumes. A workflow binds each input to an upstream
 * {@code step.output}; the host checks that the upstream output's {@link OutputDescriptor#kind} matches.
 * A plain data object.
 */
public class InputDescriptor {
    /** Identifier, unique within its extractor. */
    public String id;

    /** Human-readable name. */
    public String name;

    /** How the extractor uses the features it receives. */
    public String description;

    /** The output kind accepted, such as {@code segment}; {@code null} accepts any kind. */
    public String kind;

    /** Whether a workflow must bind this input. */
    public boolean required;

    /** Creates an empty descriptor. */
    public InputDescriptor() {
    }

    /**
     * Creates a descriptor.
     *
     * @param id identifier, unique within its extractor
     * @param name human-readable name
     * @param description how the extractor uses the features
     * @param kind the output kind accepted, or {@code null} for any
     * @param required whether a workflow must bind it
     */
    public InputDescriptor(String id, String name, String description, String kind, boolean required) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.kind = kind;
        this.required = required;
    }
}
