package io.auralis.host.engine;

import io.auralis.api.extractor.ExtractionException;

/**
 * Turns failures into the one line a record's {@code error} and the command line show.
 */
public final class FailureText {
    private static final int MAX_LENGTH = 1000;

    private FailureText() {
    }

    /**
     * Describes a failure without its file: an extractor's own message as it is, anything unexpected with its type
     * and where it was thrown, so that a bug report can point at it.
     *
     * @param t the failure
     * @return one line
     */
    public static String of(Throwable t) {
        if (t instanceof ExtractionException && t.getMessage() != null) {
            return oneLine(t.getMessage());
        }
        if (t instanceof OutOfMemoryError) {
            return oneLine("ran out of memory" + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")"));
        }
        if (t instanceof StackOverflowError) {
            return "stack overflow (runaway recursion)" + where(t);
        }
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return oneLine(text + where(t));
    }

    private static String where(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace == null || trace.length == 0 ? "" : " at " + trace[0];
    }

    /**
     * Folds text into one line of bounded length.
     *
     * @param text any text
     * @return the text with line breaks and runs of white space replaced by single spaces, cut at 1000 characters
     */
    public static String oneLine(String text) {
        String s = text.replaceAll("\\s+", " ").trim();
        return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH - 3) + "...";
    }
}
