package io.auralis.report.chart;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Tick labels for a time axis in seconds: {@code 42 s} style numbers for short files, {@code m:ss} (or
 * {@code h:mm:ss}) for long ones, where a count of seconds is hard to read.
 */
final class ClockFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    private final boolean clock;

    /**
     * Creates a format.
     *
     * @param clock {@code true} for {@code m:ss}, {@code false} for plain seconds
     */
    ClockFormat(boolean clock) {
        this.clock = clock;
    }

    @Override
    public StringBuffer format(double seconds, StringBuffer to, FieldPosition pos) {
        if (!clock) {
            return to.append(seconds == Math.rint(seconds) ? String.valueOf((long) seconds)
                : String.format(Locale.ROOT, "%.1f", seconds));
        }
        long s = Math.round(seconds);
        String sign = s < 0 ? "-" : "";
        s = Math.abs(s);
        if (s >= 3600) {
            return to.append(String.format(Locale.ROOT, "%s%d:%02d:%02d", sign, s / 3600, s / 60 % 60, s % 60));
        }
        return to.append(String.format(Locale.ROOT, "%s%d:%02d", sign, s / 60, s % 60));
    }

    @Override
    public StringBuffer format(long seconds, StringBuffer to, FieldPosition pos) {
        return format((double) seconds, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        // Only used to draw tick labels, never to read them back.
        throw new UnsupportedOperationException("ClockFormat only formats");
    }
}
