package io.auralis.host.batch;

import io.auralis.api.command.UsageException;
import io.auralis.host.text.HumanUnits;

/**
 * How long the batch waits for one file before it gives up on it ({@code analyze --file-timeout}).
 *
 * <p>By default a file may take {@value #BASE_SECONDS} seconds plus its duration: the base covers opening, probing
 * and a model's first load, the duration lets any analysis that keeps up with real time finish, however long the
 * recording (analysis is normally hundreds of times faster). The duration is the file's stated one once it is open,
 * or the audio decoded so far when that is more. {@code --file-timeout SECONDS} sets one limit for every file
 * instead.
 */
public final class FileTimeout {
    /** The time a file gets whatever its length, by default. */
    public static final long BASE_SECONDS = 300;

    private static final double MAX_SECONDS = 1e9;

    /** The fixed limit, or a negative number for the default by duration. */
    private final double fixedSeconds;

    private FileTimeout(double fixedSeconds) {
        this.fixedSeconds = fixedSeconds;
    }

    /**
     * The default: {@value #BASE_SECONDS} s plus the file's duration.
     *
     * @return the policy
     */
    public static FileTimeout byDuration() {
        return new FileTimeout(-1);
    }

    /**
     * One limit for every file.
     *
     * @param seconds the limit, more than 0
     * @return the policy
     */
    public static FileTimeout fixed(double seconds) {
        if (!(seconds > 0 && seconds <= MAX_SECONDS)) {
            throw new IllegalArgumentException("a file timeout must be more than 0 s: " + seconds);
        }
        return new FileTimeout(seconds);
    }

    /**
     * Reads {@code --file-timeout}.
     *
     * @param text seconds, such as {@code 90} or {@code 0.5}
     * @return the policy
     * @throws UsageException if the text is not a positive number of seconds
     */
    public static FileTimeout parse(String text) throws UsageException {
        try {
            return fixed(Double.parseDouble(text.trim()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("analyze: --file-timeout must be a number of seconds more than 0, not '" + text
                + "'");
        }
    }

    /**
     * The time a file may take.
     *
     * @param audioSeconds the audio it holds as far as known (0 before it is open)
     * @return nanoseconds
     */
    long limitNanos(double audioSeconds) {
        return (long) (seconds(audioSeconds) * 1e9);
    }

    /**
     * The error of a file that took too long.
     *
     * @param audioSeconds the audio it holds as far as known
     * @return the problem, without the file name
     */
    String problem(double audioSeconds) {
        String limit = fixedSeconds > 0
            ? HumanUnits.span(fixedSeconds) + " (--file-timeout)"
            : HumanUnits.span(seconds(audioSeconds)) + " (" + BASE_SECONDS + " s plus its duration; see --file-timeout)";
        return "not finished after " + limit + "; abandoned: a pipe or device that never delivers, or an extractor "
            + "that does not return";
    }

    private double seconds(double audioSeconds) {
        if (fixedSeconds > 0) {
            return fixedSeconds;
        }
        return Math.min(MAX_SECONDS, BASE_SECONDS + Math.max(0, audioSeconds));
    }
}
