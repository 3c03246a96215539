package io.auralis.ser.extractor;

import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.ser.inference.EmotionPrediction;
import java.util.List;

/**
 * Where a session's predictions go.
 */
@FunctionalInterface
public interface EmotionDelivery {

    /**
     * Receives one prediction, in time order.
     *
     * @param prediction the prediction
     * @param time start of the span in seconds
     * @param duration length of the span in seconds
     * @param sink the sink of the current call, for deliveries that emit features
     */
    void deliver(EmotionPrediction prediction, double time, double duration, FeatureSink sink);

    /**
     * Emits features of the {@code emotion} output, with probabilities in the output's class order.
     *
     * @param classes the class order the output declares
     * @return the delivery
     */
    static EmotionDelivery features(List<String> classes) {
        return (p, time, duration, sink) -> sink.emit(SerExtractor.OUTPUT,
            EmotionFeatures.toFeature(p.toResult(time, duration), classes));
    }
}
