package io.auralis.api.emotion;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emotion recognised in a span of audio: the winning label, its confidence, and the full distribution over the
 * model's classes. A plain data object; third-party bundles consume it without depending on any model.
 */
public class EmotionResult {
    /** Start of the span in seconds from the beginning of the file. */
    public double time;

    /** Length of the span in seconds. */
    public double duration;

    /** The most probable class. */
    public String label;

    /** The probability of {@link #label}, in [0, 1]. */
    public double confidence;

    /** Probability of every class, in the model's class order; the values sum to 1. */
    public Map<String, Double> distribution = new LinkedHashMap<>();

    /** Creates an empty result. */
    public EmotionResult() {
    }

    /**
     * The probability of one class.
     *
     * @param emotion a class name, such as {@code angry}
     * @return its probability, or 0 when the model has no such class
     */
    public double probability(String emotion) {
        Double p = distribution.get(emotion);
        return p == null ? 0 : p;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s %.3f [%.2f+%.2f s]", label, confidence, time, duration);
    }
}
