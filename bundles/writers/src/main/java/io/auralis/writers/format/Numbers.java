package io.auralis.writers.format;

import java.math.BigDecimal;

/**
 * How the writers print numbers, so that JSON Lines and CSV agree: times and durations rounded to the microsecond
 * (feature times are sums of frame steps, and {@code 2.0999999999999996} is no time anyone meant; a microsecond is
 * less than a sample at any rate up to 192 kHz), values as the shortest decimal that reads back as the same float,
 * and nothing in scientific notation where a spreadsheet or a CSV reader would have to guess.
 */
public final class Numbers {
    private static final double MICROSECONDS = 1e6;

    private Numbers() {
    }

    /**
     * A time or duration in seconds, rounded to the microsecond.
     *
     * @param seconds the time; NaN and infinities pass through
     * @return the rounded time
     */
    public static double seconds(double seconds) {
        return Double.isFinite(seconds) ? Math.round(seconds * MICROSECONDS) / MICROSECONDS : seconds;
    }

    /**
     * A time or duration as plain decimal text, rounded to the microsecond.
     *
     * @param seconds the time
     * @return text such as {@code 2.1}, or {@code null} for NaN and infinities, which are no time
     */
    public static String plainSeconds(double seconds) {
        return plain(seconds(seconds));
    }

    /**
     * A double as plain decimal text: the shortest digits that read back as the same double, never with an
     * exponent ({@code 0.00043584223}, not {@code 4.3584223E-4}).
     *
     * @param v the value
     * @return the text, or {@code null} for NaN and infinities
     */
    public static String plain(double v) {
        return Double.isFinite(v) ? strip(new BigDecimal(Double.toString(v)).toPlainString()) : null;
    }

    /**
     * A float as plain decimal text: the shortest digits that read back as the same float, never with an exponent.
     *
     * @param v the value
     * @return the text, or {@code null} for NaN and infinities
     */
    public static String plain(float v) {
        return Float.isFinite(v) ? strip(new BigDecimal(Float.toString(v)).toPlainString()) : null;
    }

    /** Keeps {@code 212.0} as it is (a decimal point says "a measurement"), but turns {@code 1E+3} into {@code 1000.0}. */
    private static String strip(String plain) {
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }
}
