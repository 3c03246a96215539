package io.auralis.host.fake;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.output.OutputWriter;
import io.auralis.host.engine.AnalysisServices;

import java.util.Collection;
import java.util.List;

/**
 * Services as plain objects.
 *
 * @param extractors the extractors
 * @param decoder the decoder, or {@code null} for none installed
 * @param writers the writers
 */
public record FakeServices(Collection<FeatureExtractor> extractors, AudioDecoder decoder,
        Collection<OutputWriter> writers) implements AnalysisServices {

    /**
     * Services with a decoder and writers.
     *
     * @param decoder the decoder
     * @param writers the writers
     * @param extractors the extractors
     * @return the services
     */
    public static FakeServices of(AudioDecoder decoder, List<OutputWriter> writers, FeatureExtractor... extractors) {
        return new FakeServices(List.of(extractors), decoder, writers);
    }

    @Override
    public AudioDecoder decoder() {
        if (decoder == null) {
            throw new IllegalStateException("no audio decoder is running (is the io.auralis.audio bundle started?)");
        }
        return decoder;
    }
}
