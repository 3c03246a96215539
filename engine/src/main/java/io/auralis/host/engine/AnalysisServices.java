package io.auralis.host.engine;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.output.OutputWriter;
import java.util.Collection;

/**
 * The services a workflow run needs, however they were found: the OSGi service registry of an embedded
 * framework, or plain objects in unit tests. Implementations return the services available now; a run takes
 * what it needs once, at its start.
 */
public interface AnalysisServices {

    /**
     * Every registered extractor.
     *
     * @return the extractors, in no particular order
     */
    Collection<FeatureExtractor> extractors();

    /**
     * The audio decoder.
     *
     * @return the decoder
     * @throws IllegalStateException if no decoder is registered (the audio bundle is missing or stopped)
     */
    AudioDecoder decoder();

    /**
     * Every registered output writer.
     *
     * @return the writers, in no particular order
     */
    Collection<OutputWriter> writers();
}
