package io.auralis.host.engine;

import io.auralis.api.output.SummaryFeatures;

import java.util.stream.DoubleStream;

/**
 * The statistics of one bin of an output over a file, as {@link SummaryFeatures} defines them: count, minimum,
 * maximum, mean, median (the mean of the two middle values of an even count) and population standard deviation,
 * over the finite values only.
 *
 * @param count how many finite values there were
 * @param minimum the smallest, NaN without values
 * @param maximum the largest, NaN without values
 * @param mean the arithmetic mean, NaN without values
 * @param median the median, NaN without values
 * @param sd the population standard deviation, NaN without values
 */
record Statistics(int count, double minimum, double maximum, double mean, double median, double sd) {

    /**
     * Computes the statistics of some values.
     *
     * @param values the values; NaN and infinities are left out, and the array is not changed
     * @return the statistics
     */
    static Statistics of(double[] values) {
        double[] v = DoubleStream.of(values).filter(Double::isFinite).sorted().toArray();
        int n = v.length;
        if (n == 0) {
            return new Statistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        // DoubleStream.sum compensates rounding errors (Kahan), so a long file's mean does not drift.
        double mean = DoubleStream.of(v).sum() / n;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        // Two passes rather than a running sum of squares, which loses the variance of values far from 0 (f0).
        double variance = DoubleStream.of(v).map(x -> (x - mean) * (x - mean)).sum() / n;
        return new Statistics(n, v[0], v[n - 1], mean, median, Math.sqrt(variance));
    }

    /**
     * One statistic by its label.
     *
     * @param statistic one of {@link SummaryFeatures#STATISTICS}
     * @return its value
     * @throws IllegalArgumentException for another label
     */
    double get(String statistic) {
        return switch (statistic) {
            case SummaryFeatures.COUNT -> count;
            case SummaryFeatures.MINIMUM -> minimum;
            case SummaryFeatures.MAXIMUM -> maximum;
            case SummaryFeatures.MEAN -> mean;
            case SummaryFeatures.MEDIAN -> median;
            case SummaryFeatures.SD -> sd;
            default -> throw new IllegalArgumentException("no statistic '" + statistic + "' (known: "
                + String.join(", ", SummaryFeatures.STATISTICS) + ")");
        };
    }
}
