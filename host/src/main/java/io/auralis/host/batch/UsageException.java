package io.auralis.host.batch;

/**
 * Bad usage or input found before any file was analysed: printed as one line, and the command exits with
 * {@code Command.USAGE}.
 */
public class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line, such as {@code nope.wav: no such file}
     */
    public UsageException(String message) {
        super(message);
    }
}
