package io.auralis.api.emotion;

import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How emotion results travel as features between steps of a workflow: an output of kind {@link #KIND} whose
 * {@link OutputDescriptor#binNames} are the class names, and whose features carry the probabilities in that
 * order with the winning class as label.
 */
public final class EmotionFeatures {
    /** The {@link OutputDescriptor#kind} of emotion outputs; bind an input of this kind to receive emotions. */
    public static final String KIND = "emotion";

    private EmotionFeatures() {
    }

    /**
     * Describes an emotion output.
     *
     * @param id the output id
     * @param name human-readable name
     * @param classes the model's class names, in order
     * @return a descriptor of kind {@link #KIND}: variable-rate features with duration, one bin per class
     */
    public static OutputDescriptor output(String id, String name, List<String> classes) {
        OutputDescriptor d = new OutputDescriptor(id, name, KIND, "probability", classes.size(), SampleType.VARIABLE,
            true);
        d.binNames = List.copyOf(classes);
        d.minValue = 0.0;
        d.maxValue = 1.0;
        d.description = "Probability of each emotion class over a span of speech; the label is the most probable.";
        return d;
    }

    /**
     * Encodes a result as a feature.
     *
     * @param result the result
     * @param classes the class order of the output
     * @return a feature with one probability per class and the label
     */
    public static Feature toFeature(EmotionResult result, List<String> classes) {
        float[] values = new float[classes.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) result.probability(classes.get(i));
        }
        return new Feature(result.time, result.duration, values, result.label);
    }

    /**
     * Decodes a feature of an emotion output.
     *
     * @param feature the feature
     * @param output the descriptor of the output it belongs to
     * @return the result, with the distribution in class order
     * @throws IllegalArgumentException if the output is not of kind {@link #KIND} or the sizes disagree
     */
    public static EmotionResult fromFeature(Feature feature, OutputDescriptor output) {
        if (!KIND.equals(output.kind)) {
            throw new IllegalArgumentException("output '" + output.id + "' is of kind '" + output.kind
                + "', not '" + KIND + "'");
        }
        List<String> classes = output.binNames;
        if (classes == null || feature.values == null || classes.size() != feature.values.length) {
            throw new IllegalArgumentException("emotion feature has " + (feature.values == null ? 0
                : feature.values.length) + " values but output '" + output.id + "' names "
                + (classes == null ? 0 : classes.size()) + " classes");
        }
        EmotionResult r = new EmotionResult();
        r.time = feature.time;
        r.duration = feature.duration;
        Map<String, Double> dist = new LinkedHashMap<>();
        int best = 0;
        for (int i = 0; i < classes.size(); i++) {
            dist.put(classes.get(i), (double) feature.values[i]);
            if (feature.values[i] > feature.values[best]) {
                best = i;
            }
        }
        r.distribution = dist;
        r.label = feature.label != null ? feature.label : classes.get(best);
        r.confidence = r.probability(r.label);
        return r;
    }
}
