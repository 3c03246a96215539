package io.auralis.api.extractor;

/**
 * An extractor could not process a file. The batch runner records the message against the file and goes on with
 * the others, so it should say what went wrong in one line.
 */
public class ExtractionException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line saying what went wrong
     */
    public ExtractionException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message one line saying what went wrong
     * @param cause the underlying failure
     */
    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
