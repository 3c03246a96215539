package io.auralis.api.output;

import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import java.util.List;

/**
 * Per-file summaries of numeric outputs, as Sonic Annotator's {@code -S} writes them, and how they travel in a
 * {@link FileRecord}: when {@code analyze --summary} asks for them, the host adds to every record, after the
 * workflow's outputs, one output per output whose features have a fixed number of values ({@code binCount} of 1 or
 * more), under {@link #key key(step.output)} ({@code pitch.f0:summary}), of kind {@link #KIND}. So every writer
 * writes them, knowing nothing of summaries: they are features like any other.
 *
 * <p>A summary output has the bin names and unit of the output it summarises. Its features, one per statistic in
 * the order of {@link #STATISTICS}, start at 0, last the file's duration, hold one value per bin and carry the
 * statistic's name as {@link Feature#label}. Each bin is summarised over its finite values in the features of the
 * whole file, or of the speech segments only (those whose time falls in a segment):
 * <ul>
 * <li>{@value #COUNT}: how many values;</li>
 * <li>{@value #MINIMUM}, {@value #MAXIMUM}, {@value #MEAN}: as usual, every feature counting once (no weighting by
 * duration);</li>
 * <li>{@value #MEDIAN}: the middle value, or the mean of the two middle values of an even count, as numpy, pandas and
 * R compute it;</li>
 * <li>{@value #SD}: the population standard deviation (divided by the count, as Sonic Annotator's {@code sd} and
 * numpy's default; pandas' {@code std()} divides by the count less one).</li>
 * </ul>
 * A bin without values (a silent file's pitch, a file without speech) has the count 0 and NaN for the rest, which
 * writers write as {@code null} or an empty cell.
 *
 * @since 1.2
 */
public final class SummaryFeatures {
    /** The {@link OutputDescriptor#kind} of summary outputs. */
    public static final String KIND = "summary";

    /** The label of the feature holding the number of values of each bin. */
    public static final String COUNT = "count";

    /** The label of the feature holding the smallest value of each bin. */
    public static final String MINIMUM = "minimum";

    /** The label of the feature holding the largest value of each bin. */
    public static final String MAXIMUM = "maximum";

    /** The label of the feature holding the arithmetic mean of each bin. */
    public static final String MEAN = "mean";

    /** The label of the feature holding the median of each bin. */
    public static final String MEDIAN = "median";

    /** The label of the feature holding the population standard deviation of each bin. */
    public static final String SD = "sd";

    /** The statistics, in the order of a summary output's features. */
    public static final List<String> STATISTICS = List.of(COUNT, MINIMUM, MAXIMUM, MEAN, MEDIAN, SD);

    /** What follows the summarised output's key in a summary's key. */
    private static final String SUFFIX = ":summary";

    private SummaryFeatures() {
    }

    /**
     * The key of an output's summary in a record.
     *
     * @param output the summarised {@code step.output}, such as {@code pitch.f0}
     * @return such as {@code pitch.f0:summary}
     */
    public static String key(String output) {
        return output + SUFFIX;
    }

    /**
     * Describes the summary of an output.
     *
     * @param output the summarised {@code step.output}
     * @param summarised its descriptor, whose {@code binCount} is 1 or more
     * @param over what the statistics cover, for the description: {@code the file}, or the speech segments
     * @return a descriptor of kind {@link #KIND}: variable-rate features with duration, the summarised output's bins
     * @throws IllegalArgumentException if the output has no fixed number of values
     */
    public static OutputDescriptor output(String output, OutputDescriptor summarised, String over) {
        if (summarised.binCount < 1) {
            throw new IllegalArgumentException("output '" + output + "' has no fixed number of values to summarise");
        }
        String name = summarised.name != null ? summarised.name : output;
        OutputDescriptor d = new OutputDescriptor((summarised.id != null ? summarised.id : "output") + "-summary",
            name + " summary", KIND, summarised.unit, summarised.binCount, SampleType.VARIABLE, true);
        d.binNames = summarised.binNames == null ? null : List.copyOf(summarised.binNames);
        d.description = String.join(", ", STATISTICS) + " of each value of " + output + " over " + over
            + "; one feature per statistic, labelled with its name";
        return d;
    }
}
