package io.auralis.ser.extractor;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.ser.inference.EmotionModel;
import java.util.concurrent.CompletionStage;

/**
 * One emotion per window of {@code window} samples, windows starting every {@code hop} samples. Holds at most
 * one window of audio plus a batch of windows waiting for the network; the last, shorter window covers audio after
 * the last full window when there is any and it is long enough for the network.
 */
final class WindowSession extends EmotionSession {
    private final int window;
    private final int hop;
    private final AudioHistory audio;
    private long next;
    private long covered;
    private boolean emitted;

    WindowSession(EmotionModel model, int rate, EmotionDelivery delivery, int window, int hop) {
        this(model, rate, delivery, window, hop, BATCH);
    }

    WindowSession(EmotionModel model, int rate, EmotionDelivery delivery, int window, int hop, int batch) {
        super(model, rate, delivery, batch);
        this.window = window;
        this.hop = hop;
        // bounded by discarding after each window, not by capacity: a block may be longer than a window
        this.audio = new AudioHistory(Long.MAX_VALUE);
    }

    @Override
    public void process(AudioBlock block, FeatureSink sink) throws ExtractionException {
        audio.append(block);
        while (next + window <= audio.end()) {
            float[] clip = audio.copy(next, next + window);
            long from = next;
            covered = next + window;
            next += hop;
            audio.discardBefore(next);
            emitted |= queue(clip, from, covered, sink);
        }
    }

    @Override
    public void finish(FeatureSink sink) throws ExtractionException {
        holdLastWindow();
        flush(sink);
    }

    /** The windows still held, the last one with them, go to the model without waiting. */
    @Override
    public CompletionStage<Void> finishAsync(FeatureSink sink) throws ExtractionException {
        holdLastWindow();
        return flushLater(sink);
    }

    /** Holds the last, shorter window, if it is long enough; fails a file too short for any window. */
    private void holdLastWindow() throws ExtractionException {
        long end = audio.end();
        if (end > covered && next < end) {
            if (end - next >= model.minimumSamples()) {
                hold(audio.copy(next, end), next, end);
            } else if (!emitted && !holding()) {
                throw new ExtractionException(tooShort(end));
            }
        }
    }
}
