package io.auralis.ser.extractor;

import ai.djl.translate.TranslateException;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.ser.inference.EmotionModel;
import io.auralis.ser.inference.EmotionPrediction;
import java.util.List;
import java.util.Locale;

/**
 * What the three ways of cutting a file into clips share: the model, and where predictions go (features of the
 * {@code emotion} output in a workflow; a list for the {@code ser predict} command, which needs the exact
 * log-probabilities).
 */
abstract class EmotionSession implements ExtractorSession {
    final EmotionModel model;
    final int rate;
    private final EmotionDelivery delivery;

    EmotionSession(EmotionModel model, int rate, EmotionDelivery delivery) {
        this.model = model;
        this.rate = rate;
        this.delivery = delivery;
    }

    EmotionPrediction predict(float[] clip) throws ExtractionException {
        try {
            return model.predict(clip);
        } catch (TranslateException e) {
            throw new ExtractionException("emotion inference failed: " + e.getMessage(), e);
        }
    }

    List<EmotionPrediction> predict(List<float[]> clips) throws ExtractionException {
        try {
            return model.predict(clips);
        } catch (TranslateException e) {
            throw new ExtractionException("emotion inference failed: " + e.getMessage(), e);
        }
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
