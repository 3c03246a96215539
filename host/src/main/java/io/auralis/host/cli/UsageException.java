package io.auralis.host.cli;

/**
 * Bad flags or arguments: reported as one line and exit code {@link io.auralis.api.command.Command#USAGE}, with a
 * hint on where to read the usage.
 */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String hint;

    /**
     * Creates an exception.
     *
     * @param message what is wrong, one line
     * @param hint what to run to read the usage, or {@code null}
     */
    UsageException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    String hint() {
        return hint;
    }
}
