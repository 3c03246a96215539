package io.auralis.report.record;

import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
import java.util.List;

/**
 * The features of an output whose descriptor places them at arbitrary times ({@code SampleType.VARIABLE}): segments,
 * intervals or events of any extractor, such as a plugin's escalations. The report draws them as markers on the
 * timeline and lists them in the file's segment table from what the descriptor says alone.
 *
 * @param output the output's {@code step.output}
 * @param descriptor its descriptor: name, value names and unit, whether features span time
 * @param features the features, sorted by start time
 */
public record SpanTrack(String output, OutputDescriptor descriptor, List<Feature> features) {

    /**
     * Whether this output says something about the whole file rather than marking parts of it: a single feature
     * from the start to the end (a per-file count or summary). The report shows such values with the file's facts,
     * not as a marker across the whole timeline.
     *
     * @param duration the file's length in seconds
     * @return {@code true} for one feature spanning the file
     */
    public boolean fileWide(double duration) {
        if (features.size() != 1 || !(duration > 0)) {
            return false;
        }
        Feature f = features.get(0);
        return f.time <= 0.001 && f.end() >= duration - 0.05;
    }

    /**
     * A feature's values as the table shows them: each with the name the descriptor gives it, or its position.
     *
     * @param f one of {@link #features()}
     * @return such as {@code peakProbability 0.82, riseDb 4.1}; empty without values
     */
    public String values(Feature f) {
        if (f.values == null || f.values.length == 0) {
            return "";
        }
        List<String> names = descriptor.binNames;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < f.values.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            if (names != null && i < names.size()) {
                b.append(names.get(i)).append(' ');
            } else if (f.values.length > 1) {
                b.append('#').append(i + 1).append(' ');
            }
            b.append(number(f.values[i]));
            if (descriptor.unit != null && f.values.length == 1) {
                b.append(' ').append(descriptor.unit);
            }
        }
        return b.toString();
    }

    /**
     * A feature's values as a fact about the file, beside the output's name: a single value without its name
     * ({@code Emotion changes: 5}), several as {@link #values(Feature)} writes them.
     *
     * @param f one of {@link #features()}
     * @return the text
     */
    public String fact(Feature f) {
        if (f.values == null || f.values.length != 1) {
            return values(f);
        }
        return number(f.values[0]) + (descriptor.unit == null ? "" : " " + descriptor.unit);
    }

    /**
     * A value as the report shows it: three significant digits or so, whole numbers without decimals.
     *
     * @param v the value
     * @return such as {@code 212}, {@code 12.5} or {@code 0.82}
     */
    public static String number(float v) {
        if (!Float.isFinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        return String.format(java.util.Locale.ROOT, a >= 100 || v == Math.rint(v) ? "%.0f" : a >= 10 ? "%.1f" : "%.2f",
            v);
    }
}
