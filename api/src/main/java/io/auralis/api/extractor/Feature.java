package io.auralis.api.extractor;

import java.util.Arrays;

/**
 * One time-stamped value of an output: a small plain data object (after Vamp's {@code Feature}).
 */
public class Feature {
    /** Start time in seconds from the beginning of the file. */
    public double time;

    /** Duration in seconds; 0 for outputs without {@link OutputDescriptor#hasDuration}. */
    public double duration;

    /** The values, {@link OutputDescriptor#binCount} of them, in the order of {@link OutputDescriptor#binNames}. */
    public float[] values;

    /** An optional label, such as a segment class or an emotion; {@code null} when none. */
    public String label;

    /** Creates an empty feature. */
    public Feature() {
    }

    /**
     * Creates a feature.
     *
     * @param time start time in seconds
     * @param duration duration in seconds, or 0
     * @param values the values
     * @param label an optional label, or {@code null}
     */
    public Feature(double time, double duration, float[] values, String label) {
        this.time = time;
        this.duration = duration;
        this.values = values;
        this.label = label;
    }

    /**
     * Creates an unlabelled feature with one value.
     *
     * @param time start time in seconds
     * @param duration duration in seconds, or 0
     * @param value the value
     * @return the feature
     */
    public static Feature of(double time, double duration, float value) {
        return new Feature(time, duration, new float[] {value}, null);
    }

    /**
     * The end of the span this feature covers.
     *
     * @return {@code time + duration}
     */
    public double end() {
        return time + duration;
    }

    @Override
    public String toString() {
        return "Feature[" + time + "+" + duration + " " + Arrays.toString(values) + (label == null ? "" : " " + label)
            + "]";
    }
}
