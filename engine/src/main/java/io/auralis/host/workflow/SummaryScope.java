package io.auralis.host.workflow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a per-file summary ({@code analyze --summary}, see {@link io.auralis.api.output.SummaryFeatures}) covers.
 */
public enum SummaryScope {
    /** Every feature of the file. */
    FILE,
    /** The features whose time falls inside a segment of the workflow's segment output ({@code segments.speech}). */
    SEGMENTS;

    /**
     * The scope as {@code --summary} names it.
     *
     * @return {@code file} or {@code segments}
     */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The scope a {@code --summary} value names.
     *
     * @param option such as {@code segments}
     * @return the scope, or empty when the value names none
     */
    public static Optional<SummaryScope> of(String option) {
        return Arrays.stream(values()).filter(s -> s.option().equals(option)).findFirst();
    }
}
