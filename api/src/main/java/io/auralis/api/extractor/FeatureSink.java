package io.auralis.api.extractor;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a session emits its features. Supplied by the host for each call; features go to writers and to the
 * downstream steps that consume the output.
 */
@FunctionalInterface
@ProviderType
public interface FeatureSink {

    /**
     * Emits a feature. Within one output, features must be emitted in order of {@link Feature#time}.
     *
     * @param outputId the {@link OutputDescriptor#id} of the output
     * @param feature the feature; the sink keeps it, so the caller must not change it afterwards
     */
    void emit(String outputId, Feature feature);
}
