package io.auralis.api.extractor;

import java.util.Map;

/**
 * The settings the host fixed for one session: the analysis rate, the block framing, checked parameters, and
 * the upstream outputs bound to each input. Immutable.
 */
public final class SessionContext {
    private final String source;
    private final int sampleRate;
    private final int blockSize;
    private final int stepSize;
    private final Parameters parameters;
    private final Map<String, OutputDescriptor> inputs;

    /**
     * Creates the context.
     *
     * @param source the file being analysed, for messages
     * @param sampleRate the rate of the blocks in Hz
     * @param blockSize samples per block, or 0 when the whole file comes as one block
     * @param stepSize samples between block starts
     * @param parameters checked parameter values
     * @param inputs for each bound input id, the descriptor of the upstream output that feeds it
     */
    public SessionContext(String source, int sampleRate, int blockSize, int stepSize, Parameters parameters,
            Map<String, OutputDescriptor> inputs) {
        this.source = source;
        this.sampleRate = sampleRate;
        this.blockSize = blockSize;
        this.stepSize = stepSize;
        this.parameters = parameters;
        this.inputs = Map.copyOf(inputs);
    }

    /**
     * The file being analysed.
     *
     * @return the path as the user gave it, for messages
     */
    public String source() {
        return source;
    }

    /**
     * The rate of the audio blocks.
     *
     * @return Hz
     */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * Samples per block.
     *
     * @return the block size, or 0 when the whole file arrives as one block
     */
    public int blockSize() {
        return blockSize;
    }

    /**
     * Samples between the starts of consecutive blocks.
     *
     * @return the step size
     */
    public int stepSize() {
        return stepSize;
    }

    /**
     * Parameter values, checked and completed with defaults.
     *
     * @return the parameters
     */
    public Parameters parameters() {
        return parameters;
    }

    /**
     * The upstream outputs bound to this extractor's inputs.
     *
     * @return descriptors by input id; inputs the workflow left unbound are absent
     */
    public Map<String, OutputDescriptor> inputs() {
        return inputs;
    }
}
