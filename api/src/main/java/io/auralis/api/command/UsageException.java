package io.auralis.api.command;

import java.io.PrintStream;

/**
 * Bad usage or input, found before any work was done: flags, arguments or files the command cannot act on. A
 * {@link Command} throws it from {@link Command#run}; the host prints the message as one line,
 * {@code auralis: <message>}, then the hint on a line of its own, and exits with {@link Command#USAGE}. It is the
 * platform's one such exception: the launcher, its built-in commands and every plugin's commands use it, so a
 * usage error looks the same whichever command found it.
 *
 * @since 1.1
 */
public class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String hint;

    /**
     * Creates the exception.
     *
     * @param message one line saying what is wrong, such as {@code nope.wav: no such file}
     */
    public UsageException(String message) {
        this(message, null);
    }

    /**
     * Creates the exception with a hint on where to read the usage.
     *
     * @param message one line saying what is wrong
     * @param hint such as {@code Run 'auralis help ser predict' for its usage.}, or {@code null}
     */
    public UsageException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /**
     * The line printed under the message.
     *
     * @return the hint, or {@code null}
     */
    public String hint() {
        return hint;
    }

    /**
     * Prints this error the platform's one way, whichever command threw it and whoever runs that command (the
     * launcher, a test): {@code auralis: <message>}, then the hint on a line of its own.
     *
     * @param err standard error
     * @return {@link Command#USAGE}, the exit code that goes with it
     * @since 1.2
     */
    public int print(PrintStream err) {
        err.println("auralis: " + getMessage());
        if (hint != null) {
            err.println(hint);
        }
        return Command.USAGE;
    }
}
