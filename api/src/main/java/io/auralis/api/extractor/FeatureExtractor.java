package io.auralis.api.extractor;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A feature extractor, registered as an OSGi service: it takes audio and emits time-stamped features.
 *
 * <h2>Lifecycle</h2>
 * <ol>
 * <li>The service is constructed cheaply. The host calls {@link #descriptor()}, which never changes, to list the
 * extractor and to validate workflows: identifiers, parameters and their ranges, inputs, outputs, the sample rate
 * and the block framing it wants.</li>
 * <li>For each file, the host calls {@link #open} with the settings it fixed: parameters checked and defaulted,
 * the analysis rate, the block and step size, and the upstream outputs bound to its inputs. Expensive work
 * shared by all files (loading a model) belongs in the component's activation or a lazily initialised,
 * thread-safe field; {@code open} does the per-file set-up.</li>
 * <li>The session receives blocks and upstream features in time order (see {@link ExtractorSession}), then
 * {@link ExtractorSession#finish} exactly once, then {@link ExtractorSession#close}.</li>
 * </ol>
 *
 * <p>The batch runner analyses several files at once, so {@code open} may be called concurrently from different
 * threads; each session is used by one thread only.
 */
@ConsumerType
public interface FeatureExtractor {

    /**
     * Describes the extractor. Must be cheap and return equal content on every call.
     *
     * @return the descriptor
     */
    ExtractorDescriptor descriptor();

    /**
     * The outputs this extractor produces with these parameters and its inputs bound to these upstream outputs.
     * Most extractors' outputs are fixed and the default returns {@code descriptor().outputs}. One whose outputs
     * depend on a parameter (an emotion model's class names depend on which model) or on what feeds it (an
     * emotion timeline passes on its input's class names as {@link OutputDescriptor#binNames}) overrides this.
     * The host calls it when it validates a workflow, before any audio is read, and hands the result to
     * downstream steps and writers; an {@link IllegalArgumentException} becomes a validation error.
     *
     * @param inputs the upstream output bound to each input, by input id; unbound inputs are absent
     * @param parameters the step's parameters, checked and completed with defaults
     * @return the outputs, with the same ids and order as {@code descriptor().outputs}
     * @throws IllegalArgumentException if the outputs cannot be described with these settings, for example
     *     because a model named by a parameter does not exist; the message is one line
     * @since 1.1
     */
    default List<OutputDescriptor> outputs(Map<String, OutputDescriptor> inputs, Parameters parameters) {
        return descriptor().outputs;
    }

    /**
     * Starts analysing one file.
     *
     * @param context the settings the host fixed for this file
     * @return a session the host closes when the file is done
     * @throws ExtractionException if the session cannot be started, for example because a model is missing
     */
    ExtractorSession open(SessionContext context) throws ExtractionException;
}
