package io.auralis.host.engine;

import io.auralis.api.extractor.Feature;
import io.auralis.api.output.SummaryFeatures;
import io.auralis.host.workflow.SummaryScope;
import io.auralis.host.workflow.Workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * A record's per-file summaries ({@code analyze --summary}), computed from its features once they are complete:
 * for every output the workflow summarises ({@link Workflow#summarisedOutputs()}), the statistics of each bin
 * ({@link Statistics}) as the features {@link SummaryFeatures} describes. With {@link SummaryScope#SEGMENTS} only the
 * features whose time falls inside a segment of the workflow's segment output count ({@code start <= time < end},
 * the rule live input's records follow). A feature with another number of values than its output's bins is left
 * out, since its values cannot be told apart.
 */
final class FileSummaries {

    private FileSummaries() {
    }

    /**
     * Adds the summaries a workflow asks for to a record's outputs.
     *
     * @param workflow the workflow, possibly without summaries (then nothing is added)
     * @param outputs the record's features by {@code step.output}, complete; the summaries are put here
     * @param duration the file's duration in seconds, which every summary feature spans
     */
    static void add(Workflow workflow, Map<String, List<Feature>> outputs, double duration) {
        if (workflow.summary().isEmpty()) {
            return;
        }
        DoublePredicate counted = time -> true;
        if (workflow.summary().get() == SummaryScope.SEGMENTS) {
            String segments = workflow.segmentOutput().orElseThrow();
            counted = new Spans(outputs.getOrDefault(segments, List.of()))::contain;
        }
        for (Map.Entry<String, String> s : workflow.summarisedOutputs().entrySet()) {
            int bins = workflow.outputs().get(s.getValue()).binCount;
            outputs.put(s.getKey(), summary(outputs.getOrDefault(s.getValue(), List.of()), bins, counted, duration));
        }
    }

    /**
     * The summary features of one output.
     *
     * @param features the output's features
     * @param bins its number of values
     * @param counted whether a feature at a time counts
     * @param duration what each summary feature spans, from 0
     * @return one feature per statistic, in the order of {@link SummaryFeatures#STATISTICS}
     */
    static List<Feature> summary(List<Feature> features, int bins, DoublePredicate counted, double duration) {
        double[][] values = new double[bins][features.size()];
        int n = 0;
        for (Feature f : features) {
            if (f != null && f.values != null && f.values.length == bins && counted.test(f.time)) {
                for (int b = 0; b < bins; b++) {
                    values[b][n] = f.values[b];
                }
                n++;
            }
        }
        Statistics[] stats = new Statistics[bins];
        for (int b = 0; b < bins; b++) {
            stats[b] = Statistics.of(Arrays.copyOf(values[b], n));
        }
        List<Feature> summary = new ArrayList<>(SummaryFeatures.STATISTICS.size());
        for (String statistic : SummaryFeatures.STATISTICS) {
            float[] v = new float[bins];
            for (int b = 0; b < bins; b++) {
                v[b] = (float) stats[b].get(statistic);
            }
            summary.add(new Feature(0, duration, v, statistic));
        }
        return summary;
    }

    /**
     * The time a set of segments covers, their overlaps merged, for finding whether a time falls inside. Times are
     * compared in whole microseconds, as records print them, so that a frame at 0.3 s is not inside a segment that
     * ends at 0.1 + 0.2 = 0.30000000000000004 s.
     */
    static final class Spans {
        private final long[] starts;
        private final long[] ends;

        /**
         * Merges segments.
         *
         * @param segments features with a time and a duration, in any order
         */
        Spans(List<Feature> segments) {
            List<long[]> spans = new ArrayList<>();
            for (Feature f : segments) {
                if (f != null && f.duration > 0) {
                    spans.add(new long[] {microseconds(f.time), microseconds(f.end())});
                }
            }
            spans.sort(Comparator.comparingLong(s -> s[0]));
            List<long[]> merged = new ArrayList<>();
            for (long[] s : spans) {
                long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && s[0] <= last[1]) {
                    last[1] = Math.max(last[1], s[1]);
                } else {
                    merged.add(s);
                }
            }
            starts = merged.stream().mapToLong(s -> s[0]).toArray();
            ends = merged.stream().mapToLong(s -> s[1]).toArray();
        }

        /**
         * Whether a time falls inside a segment.
         *
         * @param time seconds
         * @return {@code true} when some segment has {@code start <= time < end}
         */
        boolean contain(double time) {
            long t = microseconds(time);
            int i = Arrays.binarySearch(starts, t);
            // Not found: the insertion point less one is the last segment starting before the time.
            int segment = i >= 0 ? i : -i - 2;
            return segment >= 0 && t < ends[segment];
        }

        private static long microseconds(double seconds) {
            return Math.round(seconds * 1e6);
        }
    }
}
