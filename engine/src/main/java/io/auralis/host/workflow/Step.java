package io.auralis.host.workflow;

import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.Parameters;
import io.auralis.api.extractor.SessionContext;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated step: its extractor, checked parameters, fixed framing, and the upstream outputs bound to its
 * inputs. Immutable.
 */
public final class Step {
    private final String id;
    private final FeatureExtractor extractor;
    private final ExtractorDescriptor descriptor;
    private final Parameters parameters;
    private final int blockSize;
    private final int stepSize;
    private final Map<String, OutputRef> inputs;
    private final Map<String, OutputDescriptor> inputOutputs;
    private final List<OutputDescriptor> outputs;

    Step(String id, FeatureExtractor extractor, ExtractorDescriptor descriptor, Parameters parameters,
            int blockSize, int stepSize, Map<String, OutputRef> inputs, Map<String, OutputDescriptor> inputOutputs,
            List<OutputDescriptor> outputs) {
        this.id = id;
        this.extractor = extractor;
        this.descriptor = descriptor;
        this.parameters = parameters;
        this.blockSize = blockSize;
        this.stepSize = stepSize;
        this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        this.inputOutputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputOutputs));
        this.outputs = List.copyOf(outputs);
    }

    /**
     * The step's id.
     *
     * @return the id used in {@code step.output} references
     */
    public String id() {
        return id;
    }

    /**
     * The extractor that runs this step.
     *
     * @return the service
     */
    public FeatureExtractor extractor() {
        return extractor;
    }

    /**
     * The extractor's descriptor, taken once when the workflow was validated.
     *
     * @return the descriptor
     */
    public ExtractorDescriptor descriptor() {
        return descriptor;
    }

    /**
     * Checked parameter values, completed with defaults.
     *
     * @return the parameters
     */
    public Parameters parameters() {
        return parameters;
    }

    /**
     * Samples per block.
     *
     * @return the block size, or 0 for the whole file as one block
     */
    public int blockSize() {
        return blockSize;
    }

    /**
     * Samples between block starts.
     *
     * @return the step size; 0 when {@link #blockSize()} is 0
     */
    public int stepSize() {
        return stepSize;
    }

    /**
     * The upstream output bound to each input.
     *
     * @return references by input id, in the order the workflow binds them
     */
    public Map<String, OutputRef> inputs() {
        return inputs;
    }

    /**
     * The outputs this step produces, as its extractor describes them given what feeds it.
     *
     * @return descriptors in the extractor's order
     */
    public List<OutputDescriptor> outputs() {
        return outputs;
    }

    /**
     * The settings for analysing one file.
     *
     * @param source the file, for the extractor's messages
     * @param sampleRate the workflow's analysis rate
     * @return the session context
     */
    public SessionContext context(String source, int sampleRate) {
        return new SessionContext(source, sampleRate, blockSize, stepSize, parameters, inputOutputs);
    }

    @Override
    public String toString() {
        return id + " (" + descriptor.id + ")";
    }
}
