package io.auralis.api.extractor;

import io.auralis.api.audio.AudioBlock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The analysis of one file by one extractor. Created by {@link FeatureExtractor#open}, used by one thread at a
 * time, and closed by the host whatever happens.
 *
 * <p>For each block, in time order, the host calls {@link #process} on every step of a workflow in dependency
 * order, and then hands each step, through {@link #consume}, the features its upstream steps emitted for that
 * block. So when a feature reaches {@code consume}, the consumer has already seen all audio up to the end of the
 * block during which the feature was emitted. At the end of the file the host delivers what remains and calls
 * {@link #finish} or {@link #finishAsync} exactly once.
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

    /**
     * Ends the file as {@link #finish} does, but may emit the last features later, so that the host's thread goes on
     * to the next file meanwhile: for a session that hands its audio to something serving many files at once (a
     * model that batches the clips of every file waiting), where a thread held per file would keep batches small.
     * The default calls {@link #finish} and returns a completed stage.
     *
     * <p>The host calls either this or {@link #finish}, once, at the same point; which one is its choice. It calls
     * {@link #finish} where it cannot wait: when another step consumes this session's outputs (that step's own end
     * needs them all), and for live input. So an override must emit what {@link #finish} would.
     *
     * <p>The sink: features may be emitted during this call, on the host's thread, and afterwards from any thread
     * until the returned stage completes, never after it. It is not thread-safe: calls to it must not overlap, and
     * within one output features still go in order of {@link Feature#time}, after those emitted earlier. Completing
     * the stage hands every feature emitted to the host (what happened before the completion, the host sees).
     *
     * <p>The stage completes normally once every feature is emitted, or exceptionally with the file's failure: an
     * {@link ExtractionException} (or a {@code CompletionException} around one) becomes the record's error as if
     * {@link #finish} had thrown it. A stage that never completes is the file's timeout. {@link #close} follows the
     * stage's completion, possibly on the thread that completed it.
     *
     * @param sink where to emit features, now or until the stage completes
     * @return completes when the session has emitted everything; never {@code null}
     * @throws ExtractionException if the file cannot be analysed, known at once
     * @since 1.3
     */
    default CompletionStage<Void> finishAsync(FeatureSink sink) throws ExtractionException {
        finish(sink);
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Releases what the session holds. Called once, after {@link #finish}, after the stage of {@link #finishAsync}
     * completed, or after a failure.
     */
    @Override
    default void close() {
    }
}
