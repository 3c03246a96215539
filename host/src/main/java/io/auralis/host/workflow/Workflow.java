package io.auralis.host.workflow;

import io.auralis.api.extractor.OutputDescriptor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated workflow, ready to run: steps in an order where every step comes after the steps that feed it, the
 * outputs to write with their descriptors, and the writers it names. Immutable; made by {@link WorkflowValidator}.
 */
public final class Workflow {
    /** The analysis rate when a workflow does not set one. */
    public static final int DEFAULT_SAMPLE_RATE = 16000;

    private final String name;
    private final String description;
    private final String source;
    private final int sampleRate;
    private final List<Step> steps;
    private final Map<String, OutputDescriptor> outputs;
    private final List<WriterDefinition> writers;

    Workflow(String name, String description, String source, int sampleRate, List<Step> steps,
            Map<String, OutputDescriptor> outputs, List<WriterDefinition> writers) {
        this.name = name;
        this.description = description;
        this.source = source;
        this.sampleRate = sampleRate;
        this.steps = List.copyOf(steps);
        this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        this.writers = List.copyOf(writers);
    }

    /**
     * The workflow's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * What the workflow computes.
     *
     * @return the description, or {@code null}
     */
    public String description() {
        return description;
    }

    /**
     * Where the workflow came from.
     *
     * @return the file or name, as the user gave it
     */
    public String source() {
        return source;
    }

    /**
     * The rate every step analyses.
     *
     * @return Hz
     */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * The steps in dependency order: each after every step that feeds it, otherwise in the order written.
     *
     * @return the steps
     */
    public List<Step> steps() {
        return steps;
    }

    /**
     * The outputs records carry.
     *
     * @return descriptors by {@code step.output}, in the order the workflow lists them
     */
    public Map<String, OutputDescriptor> outputs() {
        return outputs;
    }

    /**
     * The writers the workflow names, used when the command line names none.
     *
     * @return the writers, possibly empty
     */
    public List<WriterDefinition> writers() {
        return writers;
    }
}
