package io.auralis.api.extractor;

import io.auralis.api.audio.AudioBlock;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The analysis of one file by one extractor. Created by {@link FeatureExtractor#open}, used by one thread, and
 * closed by the host whatever happens.
 *
 * <p>For each block, in time order, the host calls {@link #process} on every step of a workflow in dependency
 * order, and then hands each step, through {@link #consume}, the features its upstream steps emitted for that
 * block. So when a feature reaches {@code consume}, the consumer has already seen all audio up to the end of the
 * block during which the feature was emitted. At the end of the file the host delivers what remains and calls
 * {@link #finish} exactly once.
 */
@ConsumerType
public interface ExtractorSession extends AutoCloseable {

    /**
     * Processes the next block of audio.
     *
     * @param block the audio; its array is reused after this call returns
     * @param sink where to emit features
     * @throws ExtractionException if the file cannot be analysed
     */
    void process(AudioBlock block, FeatureSink sink) throws ExtractionException;

    /**
     * Receives a feature of an upstream output bound to one of this extractor's inputs. Features of one input
     * arrive in time order. The default ignores them, which suits extractors with no inputs.
     *
     * @param inputId the {@link InputDescriptor#id} the feature is bound to
     * @param feature the feature; do not modify it
     * @param sink where to emit features
     * @throws ExtractionException if the file cannot be analysed
     */
    default void consume(String inputId, Feature feature, FeatureSink sink) throws ExtractionException {
    }

    /**
     * Ends the file: emit whatever is still pending. Called exactly once, after the last block and the last
     * upstream feature.
     *
     * @param sink where to emit features
     * @throws ExtractionException if the file cannot be analysed
     */
    void finish(FeatureSink sink) throws ExtractionException;

    /** Releases what the session holds. Called once, after {@link #finish} or after a failure. */
    @Override
    default void close() {
    }
}
