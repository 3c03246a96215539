package io.auralis.host.cli;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.output.OutputWriter;
import io.auralis.host.engine.AnalysisServices;
import io.auralis.host.runtime.AuralisHost;
import io.auralis.host.runtime.HostException;
import java.util.Collection;

/**
 * The services of the run's framework, for a command constructed before the framework starts ({@code analyze}).
 * The launcher starts the framework before running such a command, so a failure to start is reported there.
 */
final class SessionServices implements AnalysisServices {
    private final HostSession session;

    SessionServices(HostSession session) {
        this.session = session;
    }

    private AnalysisServices services() {
        try {
            AuralisHost host = session.host();
            return host.services();
        } catch (HostException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public Collection<FeatureExtractor> extractors() {
        return services().extractors();
    }

    @Override
    public AudioDecoder decoder() {
        return services().decoder();
    }

    @Override
    public Collection<OutputWriter> writers() {
        return services().writers();
    }
}
