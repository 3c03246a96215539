package io.auralis.ser.inference;

import io.auralis.api.emotion.EmotionResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network's answer for one clip: log-probabilities in class order, the probabilities they stand for, and the
 * most probable class. Immutable.
 */
public final class EmotionPrediction {
    private final List<String> classes;
    private final float[] logProbabilities;
    private final float[] probabilities;
    private final int best;

    /**
     * Wraps a network output.
     *
     * @param classes class names in output order
     * @param logProbabilities natural-log probabilities, one per class
     * @throws IllegalArgumentException if the sizes differ
     */
    public EmotionPrediction(List<String> classes, float[] logProbabilities) {
        if (classes.size() != logProbabilities.length) {
            throw new IllegalArgumentException(logProbabilities.length + " outputs for " + classes.size()
                + " classes");
        }
        this.classes = List.copyOf(classes);
        this.logProbabilities = logProbabilities.clone();
        this.probabilities = new float[logProbabilities.length];
        int b = 0;
        for (int i = 0; i < logProbabilities.length; i++) {
            probabilities[i] = (float) Math.exp(logProbabilities[i]);
            if (logProbabilities[i] > logProbabilities[b]) {
                b = i;
            }
        }
        this.best = b;
    }

    /**
     * The class names, in output order.
     *
     * @return an unmodifiable list
     */
    public List<String> classes() {
        return classes;
    }

    /**
     * The most probable class.
     *
     * @return its name
     */
    public String label() {
        return classes.get(best);
    }

    /**
     * The index of the most probable class.
     *
     * @return an index into {@link #classes()}
     */
    public int labelIndex() {
        return best;
    }

    /**
     * The probability of the most probable class.
     *
     * @return a value in [0, 1]
     */
    public float confidence() {
        return probabilities[best];
    }

    /**
     * The log-probabilities as the network computed them.
     *
     * @return a copy, in class order
     */
    public float[] logProbabilities() {
        return logProbabilities.clone();
    }

    /**
     * The probabilities.
     *
     * @return a copy, in class order
     */
    public float[] probabilities() {
        return probabilities.clone();
    }

    /**
     * The probability of one class.
     *
     * @param name a class name
     * @return its probability, or 0 for a name the model does not have
     */
    public float probability(String name) {
        int i = classes.indexOf(name);
        return i < 0 ? 0f : probabilities[i];
    }

    /**
     * The probabilities by class name.
     *
     * @return an insertion-ordered map in class order
     */
    public Map<String, Double> distribution() {
        Map<String, Double> d = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            d.put(classes.get(i), (double) probabilities[i]);
        }
        return d;
    }

    /**
     * This prediction as the platform's emotion result for a span of audio.
     *
     * @param time start of the span in seconds
     * @param duration length of the span in seconds
     * @return a new result
     */
    public EmotionResult toResult(double time, double duration) {
        EmotionResult r = new EmotionResult();
        r.time = time;
        r.duration = duration;
        r.label = label();
        r.confidence = confidence();
        r.distribution = distribution();
        return r;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s %.3f", label(), confidence());
    }
}
