package io.auralis.host.workflow;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A workflow as written in its JSON file, before validation: a plain data object that Jackson fills. Unknown
 * properties are errors. See {@link WorkflowValidator} for what makes it valid.
 */
@JsonPropertyOrder({"name", "description", "comment", "sampleRate", "steps", "outputs", "writers"})
public class WorkflowDefinition {
    /** A short name; defaults to the file name without {@code .json}. */
    public String name;

    /** What the workflow computes, shown by {@code analyze --list-workflows}. */
    public String description;

    /**
     * Notes for people, one string or an array of lines, ignored by validation: JSON has no comments, and
     * {@code analyze --workflow-template} explains its skeleton here.
     */
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public List<String> comment;

    /** The analysis rate in Hz; {@code null} means {@value Workflow#DEFAULT_SAMPLE_RATE}. */
    public Integer sampleRate;

    /** The steps, in any order: the engine orders them by their inputs. */
    public List<StepDefinition> steps;

    /** The {@code step.output}s to write; {@code null} means every output of every step. */
    public List<String> outputs;

    /** Where to write results when the command line does not say; {@code null} or empty means standard output. */
    public List<WriterDefinition> writers;

    /** Creates an empty definition for Jackson. */
    public WorkflowDefinition() {
    }
}
