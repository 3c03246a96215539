package io.auralis.api.output;

import io.auralis.api.extractor.ModelDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run is, as the host tells a writer when it opens an output
 * ({@link OutputWriter#open(java.nio.file.Path, java.util.Map, boolean, RunInfo)}): the workflow, the inputs as the
 * user named them, the models behind its outputs and the Auralis version. For headings and provenance (an HTML
 * report's title and model box); the records themselves never depend on it. A plain data object: a field the host
 * cannot fill is {@code null} or empty, and {@link #RunInfo()} is a run the writer knows nothing of.
 *
 * @since 1.2
 */
public class RunInfo {
    /** The workflow's name, such as {@code emotion-timeline}, or {@code null}. */
    public String workflow;

    /** What the workflow computes, in its own words, or {@code null}. */
    public String description;

    /** The inputs as the user named them (files, folders), in order; a resumed run names those of this run. */
    public List<String> inputs = new ArrayList<>();

    /**
     * The trained models behind the workflow's outputs, each once, in step order: those of every step, also of
     * steps whose outputs are not written (an emotion timeline's labels come from the model that fed it).
     */
    public List<ModelDescriptor> models = new ArrayList<>();

    /** The version of Auralis that runs the workflow, or {@code null}. */
    public String auralisVersion;

    /** Creates a description of a run the writer knows nothing of. */
    public RunInfo() {
    }
}
