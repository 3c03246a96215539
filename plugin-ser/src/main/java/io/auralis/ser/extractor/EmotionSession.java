package io.auralis.ser.extractor;

import ai.djl.translate.TranslateException;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.ser.inference.EmotionModel;
import io.auralis.ser.inference.EmotionPrediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What the three ways of cutting a file into clips share: the model, and where predictions go (features of the
 * {@code emotion} output in a workflow; a list for the {@code ser predict} command, which needs the exact
 * log-probabilities).
 *
 * <p>Each ends a file either way the host asks: {@code finish} predicts what it still holds and emits it;
 * {@code finishAsync} hands the same clips to the model without waiting and emits the same features, in the same
 * order, from the model's thread once all are predicted, so that the host's worker decodes the next file meanwhile
 * and the model batches the clips of many files.
 */
abstract class EmotionSession implements ExtractorSession {
    /**
     * Clips a session holds by default before it hands them to the model together: the model's inference thread
     * batches them with other files' clips, and a few more seconds of delay cost a file's analysis nothing. Live
     * input sets the {@code batch} parameter to 1, so that each emotion follows its segment at once.
     */
    static final int BATCH = 8;

    final EmotionModel model;
    final int rate;
    private final EmotionDelivery delivery;
    private final int batch;
    private final List<long[]> spans = new ArrayList<>();
    private final List<float[]> clips = new ArrayList<>();

    EmotionSession(EmotionModel model, int rate, EmotionDelivery delivery) {
        this(model, rate, delivery, BATCH);
    }

    EmotionSession(EmotionModel model, int rate, EmotionDelivery delivery, int batch) {
        this.model = model;
        this.rate = rate;
        this.delivery = delivery;
        this.batch = Math.max(1, batch);
    }

    EmotionPrediction predict(float[] clip) throws ExtractionException {
        try {
            return model.predict(clip);
        } catch (TranslateException e) {
            throw failed(e);
        }
    }

    List<EmotionPrediction> predict(List<float[]> clips) throws ExtractionException {
        try {
            return model.predict(clips);
        } catch (TranslateException e) {
            throw failed(e);
        }
    }

    private static ExtractionException failed(TranslateException e) {
        return new ExtractionException(EmotionModel.failure(e), e);
    }

    /**
     * Holds a clip for the next {@link #flush}, and flushes when a batch is held.
     *
     * @return whether it flushed
     */
    boolean queue(float[] clip, long from, long to, FeatureSink sink) throws ExtractionException {
        hold(clip, from, to);
        if (clips.size() < batch) {
            return false;
        }
        flush(sink);
        return true;
    }

    /** Holds a clip for the next flush, whatever the batch. */
    void hold(float[] clip, long from, long to) {
        spans.add(new long[] {from, to});
        clips.add(clip);
    }

    /**
     * Hands the clips held to the model without waiting, and emits their emotions as {@link #flush} does once all
     * are predicted, on the thread that completes the last; nothing is emitted when one fails.
     *
     * @return completes when they are emitted; exceptionally with the {@link ExtractionException} {@link #flush}
     *     would throw, in a {@link CompletionException}
     */
    CompletableFuture<Void> flushLater(FeatureSink sink) {
        List<CompletableFuture<EmotionPrediction>> predictions = new ArrayList<>(clips.size());
        for (float[] clip : clips) {
            predictions.add(model.submit(clip));
        }
        List<long[]> held = List.copyOf(spans);
        spans.clear();
        clips.clear();
        return CompletableFuture.allOf(predictions.toArray(CompletableFuture[]::new)).handle((v, any) -> {
            List<EmotionPrediction> results = new ArrayList<>(predictions.size());
            try {
                // each is done: await turns its failure into what predict() would have thrown
                for (CompletableFuture<EmotionPrediction> p : predictions) {
                    results.add(EmotionModel.await(p));
                }
            } catch (TranslateException e) {
                throw new CompletionException(failed(e));
            }
            for (int i = 0; i < results.size(); i++) {
                emit(sink, results.get(i), held.get(i)[0], held.get(i)[1]);
            }
            return null;
        });
    }

    /** Predicts the clips held and emits their emotions, in the order they were queued. */
    void flush(FeatureSink sink) throws ExtractionException {
        if (clips.isEmpty()) {
            return;
        }
        List<EmotionPrediction> results = predict(clips);
        for (int i = 0; i < results.size(); i++) {
            emit(sink, results.get(i), spans.get(i)[0], spans.get(i)[1]);
        }
        spans.clear();
        clips.clear();
    }

    /** Whether clips are held for the next flush. */
    boolean holding() {
        return !clips.isEmpty();
    }

    void emit(FeatureSink sink, EmotionPrediction p, long from, long to) {
        delivery.deliver(p, seconds(from), seconds(to - from), sink);
    }

    double seconds(long frames) {
        return frames / (double) rate;
    }

    String tooShort(long frames) {
        return String.format(Locale.ROOT, "%.1f ms of audio is shorter than the %.1f ms %s needs",
            frames * 1000.0 / rate, model.minimumSamples() * 1000.0 / rate, model.config().architecture);
    }
}
