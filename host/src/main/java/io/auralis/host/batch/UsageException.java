package io.auralis.host.batch;

/**
 * Bad usage or input found before any work was done: printed as one line, and the command exits with
 * {@code Command.USAGE}. The one such exception of the host and the Spark runner: the launcher's global options,
 * the built-in commands, {@code analyze}'s inputs and outputs, and a distributed job's listing all throw it.
 */
public class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String hint;

    /**
     * Creates the exception.
     *
     * @param message one line, such as {@code nope.wav: no such file}
     */
    public UsageException(String message) {
        this(message, null);
    }

    /**
     * Creates the exception with a hint on where to read the usage, printed on a line of its own.
     *
     * @param message one line
     * @param hint such as {@code Run 'auralis help' for the list of commands.}, or {@code null}
     */
    public UsageException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /**
     * The hint printed under the message.
     *
     * @return the hint, or {@code null}
     */
    public String hint() {
        return hint;
    }
}
