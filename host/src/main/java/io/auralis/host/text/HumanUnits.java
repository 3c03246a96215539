package io.auralis.host.text;

import java.util.Locale;

/**
 * Amounts of audio and time for people: progress lines, summaries and limits of local {@code analyze}, the Spark
 * runner and {@code bench} print them this one way.
 */
public final class HumanUnits {

    private HumanUnits() {
    }

    /**
     * Audio as hours, with precision that suits the amount.
     *
     * @param seconds seconds of audio
     * @return such as {@code 0.031 h} or {@code 12.5 h}
     */
    public static String hours(double seconds) {
        double h = seconds / 3600;
        return String.format(Locale.ROOT, h < 0.1 ? "%.3f h" : h < 10 ? "%.2f h" : "%.1f h", h);
    }

    /**
     * A span of time for people.
     *
     * @param seconds the span
     * @return such as {@code 4.2 s}, {@code 3 min 05 s} or {@code 2 h 05 min}: the smaller unit in two digits
     */
    public static String span(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", Math.max(0, seconds));
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
