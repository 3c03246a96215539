package io.auralis.report.record;

import io.auralis.api.emotion.EmotionResult;
import java.util.List;

/**
 * The decoded features of one emotion output of a record, in time order.
 *
 * @param output the output's {@code step.output}
 * @param classes the class names, in the output's order
 * @param results the results, sorted by start time
 */
public record EmotionTrack(String output, List<String> classes, List<EmotionResult> results) {

    /**
     * The seconds each result stands for: its span, cut where the next result starts, so that overlapping
     * windows (2 s windows every second) share the time instead of counting it twice.
     *
     * @return one value per result, in the order of {@link #results()}
     */
    public double[] ownedSeconds() {
        double[] owned = new double[results.size()];
        for (int i = 0; i < owned.length; i++) {
            EmotionResult r = results.get(i);
            double end = r.time + r.duration;
            if (i + 1 < owned.length) {
                end = Math.min(end, results.get(i + 1).time);
            }
            owned[i] = Math.max(0, end - r.time);
        }
        return owned;
    }
}
