package io.auralis.host.runtime;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.output.OutputWriter;
import io.auralis.host.engine.AnalysisServices;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@link AnalysisServices} from the framework's service registry, through service trackers opened once and closed
 * with the host. The decoder is waited for, up to the host's service timeout, because a run cannot start without
 * it; extractors and writers are whatever is registered now.
 */
final class RegistryServices implements AnalysisServices, AutoCloseable {
    private final ServiceTracker<FeatureExtractor, FeatureExtractor> extractors;
    private final ServiceTracker<AudioDecoder, AudioDecoder> decoders;
    private final ServiceTracker<OutputWriter, OutputWriter> writers;
    private final Duration timeout;

    RegistryServices(BundleContext context, Duration timeout) {
        this.timeout = timeout;
        extractors = new ServiceTracker<>(context, FeatureExtractor.class, null);
        decoders = new ServiceTracker<>(context, AudioDecoder.class, null);
        writers = new ServiceTracker<>(context, OutputWriter.class, null);
        extractors.open();
        decoders.open();
        writers.open();
    }

    @Override
    public Collection<FeatureExtractor> extractors() {
        return List.copyOf(extractors.getTracked().values());
    }

    @Override
    public AudioDecoder decoder() {
        try {
            AudioDecoder decoder = decoders.waitForService(timeout.toMillis());
            if (decoder == null) {
                throw new IllegalStateException("no audio decoder is registered after " + timeout.toSeconds()
                    + " s: the io.auralis.audio bundle is missing or not active (see 'auralis bundles list')");
            }
            return decoder;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the audio decoder", e);
        }
    }

    @Override
    public Collection<OutputWriter> writers() {
        return List.copyOf(writers.getTracked().values());
    }

    @Override
    public void close() {
        extractors.close();
        decoders.close();
        writers.close();
    }
}
