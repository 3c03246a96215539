package io.auralis.report.html;

import java.util.Locale;

/** Escaping and number formatting for the report's markup. */
public final class Html {

    private Html() {
    }

    /**
     * Escapes text for element content and quoted attribute values: file names may hold {@code <}, {@code &}
     * and quotes.
     *
     * @param text any text, or {@code null}
     * @return the escaped text, empty for {@code null}
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // Control characters would make the page invalid; show them as the replacement character.
                    b.append(c < 0x20 && c != '\t' && c != '\n' ? '\uFFFD' : c);
                }
            }
        }
        return b.toString();
    }

    /**
     * A duration for people: {@code 2.5 s}, {@code 3 min 05 s}, {@code 1 h 02 min}.
     *
     * @param seconds the duration
     * @return the text
     */
    public static String duration(double seconds) {
        if (!(seconds >= 0) || !Double.isFinite(seconds)) {
            return "–";
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60);
    }

    /**
     * A share as a whole percentage.
     *
     * @param share 0 to 1
     * @return such as {@code 42%}
     */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /**
     * A model's confidence in a label, as the number it is: it is the probability the model gave that label, not a
     * certainty, so it is not dressed as a percentage.
     *
     * @param confidence 0 to 1
     * @return such as {@code 0.71}; a dash when not a number
     */
    public static String confidence(double confidence) {
        return Double.isFinite(confidence) ? String.format(Locale.ROOT, "%.2f", confidence) : "–";
    }

    /**
     * A count with its noun: {@code 1 result}, {@code 2 results}.
     *
     * @param n the count
     * @param one the noun for one
     * @param many the noun for any other count
     * @return the text
     */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
