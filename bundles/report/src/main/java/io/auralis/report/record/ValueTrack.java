package io.auralis.report.record;

import io.auralis.api.extractor.Feature;
import java.util.List;

/**
 * The first value of each feature of a one-dimensional output such as loudness or pitch, in time order.
 *
 * @param output the output's {@code step.output}
 * @param unit the unit of the values, or {@code null}
 * @param features the features, sorted by start time; each has at least one value
 */
public record ValueTrack(String output, String unit, List<Feature> features) {

    /** How values are averaged: in the domain they are heard in. */
    public enum Averaging {
        /** Decibels averaged as power, as a longer block would read the level. */
        POWER,
        /** Frequencies averaged on a log scale, leaving out unvoiced (zero or negative) values. */
        LOG;

        /**
         * Maps a value into the domain it is averaged in.
         *
         * @param v the value
         * @return the mapped value; NaN for a value to leave out
         */
        public double in(double v) {
            return this == POWER ? Math.pow(10, v / 10) : v > 0 ? Math.log(v) : Double.NaN;
        }

        /**
         * Maps a mean back.
         *
         * @param m the mean in the averaging domain
         * @return the value
         */
        public double out(double m) {
            return this == POWER ? 10 * Math.log10(m) : Math.exp(m);
        }
    }

    /**
     * The mean of the values whose time stamps fall in a span.
     *
     * @param start start of the span in seconds
     * @param end end of the span in seconds
     * @param how how to average
     * @return the mean, or NaN when no usable value falls in the span
     */
    public double mean(double start, double end, Averaging how) {
        int lo = 0;
        int hi = features.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (features.get(mid).time < start) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        double sum = 0;
        int n = 0;
        for (int i = lo; i < features.size() && features.get(i).time < end; i++) {
            double v = how.in(features.get(i).values[0]);
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : how.out(sum / n);
    }
}
