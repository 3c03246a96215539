package io.auralis.ser.command;

/**
 * Bad flags, arguments or input: the command prints the message as one line and exits with
 * {@link io.auralis.api.command.Command#USAGE}.
 */
public class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line saying what is wrong
     */
    public UsageException(String message) {
        super(message);
    }
}
