package io.auralis.api.extractor;

import java.util.ArrayList;
import java.util.List;

/**
 * An extractor's description of itself: enough for a host to list it, validate a workflow that uses it and
 * chain it to other extractors without running it. A plain data object.
 */
public class ExtractorDescriptor {
    /** Globally unique identifier, such as {@code auralis.pitch}: letters, digits, {@code .}, {@code _}, {@code -}. */
    public String id;

    /** Human-readable name. */
    public String name;

    /** Version of the algorithm; bump it when outputs change for the same input. */
    public String version;

    /** What the extractor computes and how. */
    public String description;

    /** Who maintains it. */
    public String vendor;

    /** Parameters it takes. */
    public List<ParameterDescriptor> parameters = new ArrayList<>();

    /** Outputs of other extractors it consumes. */
    public List<InputDescriptor> inputs = new ArrayList<>();

    /** Outputs it produces. */
    public List<OutputDescriptor> outputs = new ArrayList<>();

    /** The sample rate it needs in Hz, or 0 when any rate will do. */
    public int sampleRate;

    /**
     * The block size it prefers in samples, or 0 to receive the whole file as a single block (which holds the
     * whole recording in memory: prefer streaming).
     */
    public int blockSize = 1024;

    /** The hop between block starts in samples; equal to {@link #blockSize} for non-overlapping blocks. */
    public int stepSize = 1024;

    /** Creates an empty descriptor. */
    public ExtractorDescriptor() {
    }
}
