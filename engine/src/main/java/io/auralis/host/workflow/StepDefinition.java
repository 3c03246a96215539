package io.auralis.host.workflow;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * One step of a workflow as written in its JSON file: which extractor runs, with which parameters, fed by which
 * upstream outputs, in which framing. A plain data object.
 */
@JsonPropertyOrder({"id", "extractor", "comment", "parameters", "inputs", "blockSize", "stepSize"})
public class StepDefinition {
    /** The step's name, used in {@code step.output} references: letters, digits, {@code _} and {@code -}. */
    public String id;

    /** The {@code ExtractorDescriptor.id} of the extractor to run. */
    public String extractor;

    /** Notes for people (what the step does, its parameters), one string or an array of lines; ignored. */
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public List<String> comment;

    /** Parameter values by parameter id, as JSON values, checked against the extractor's descriptors. */
    public Map<String, JsonNode> parameters;

    /** For each input id of the extractor, the upstream {@code step.output} that feeds it. */
    public Map<String, String> inputs;

    /** Samples per block, overriding the extractor's preference; 0 for the whole file as one block. */
    public Integer blockSize;

    /** Samples between block starts, overriding the extractor's preference. */
    public Integer stepSize;

    /** Creates an empty definition for Jackson. */
    public StepDefinition() {
    }
}
