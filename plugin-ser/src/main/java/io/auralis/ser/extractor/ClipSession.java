package io.auralis.ser.extractor;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.ser.inference.EmotionModel;
import io.auralis.ser.inference.EmotionPrediction;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** One emotion for the whole file: the network sees the recording as one clip, so the whole file is held. */
public final class ClipSession extends EmotionSession {
    private final long maxFrames;
    /** The file so far; {@code null} once its clip has gone to the model. */
    private AudioHistory audio = new AudioHistory(Long.MAX_VALUE);

    ClipSession(EmotionModel model, int rate, EmotionDelivery delivery, double maxSeconds) {
        super(model, rate, delivery);
        this.maxFrames = Math.round(maxSeconds * rate);
    }

    @Override
    public void process(AudioBlock block, FeatureSink sink) throws ExtractionException {
        audio.append(block);
        if (audio.end() > maxFrames) {
            throw new ExtractionException("mode=clip analyses the whole file as one clip and this file is longer "
                + "than " + Math.round(seconds(maxFrames)) + " s; use mode=window or bind segments");
        }
    }

    @Override
    public void finish(FeatureSink sink) throws ExtractionException {
        float[] clip = clip();
        emit(sink, predict(clip), 0, clip.length);
    }

    /** Hands the clip to the model and lets the host's worker go on; the emotion follows from the model's thread. */
    @Override
    public CompletionStage<Void> finishAsync(FeatureSink sink) throws ExtractionException {
        float[] clip = clip();
        // the clip is a copy: the file need not be held twice while it waits for a batch
        audio = null;
        hold(clip, 0, clip.length);
        return flushLater(sink);
    }

    /**
     * Ends the file as {@link #finish} does, but hands its clip to the model without waiting and delivers nothing:
     * for {@code ser predict}, which decodes the next files while the clips of many wait to fill a batch.
     *
     * @return the file's prediction to come
     * @throws ExtractionException if the file is too short for the network
     */
    public CompletableFuture<EmotionPrediction> finishWithoutWaiting() throws ExtractionException {
        return model.submit(clip());
    }

    private float[] clip() throws ExtractionException {
        long n = audio.end();
        if (n < model.minimumSamples()) {
            throw new ExtractionException(tooShort(n));
        }
        return audio.copy(0, n);
    }
}
