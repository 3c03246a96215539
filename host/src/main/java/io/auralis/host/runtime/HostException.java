package io.auralis.host.runtime;

/**
 * A problem the user can act on, such as a missing installation, a state folder in use, or a jar that is not a
 * bundle. The message is one line, fit to print after {@code auralis: }.
 */
public class HostException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message one line that names the thing and the problem
     */
    public HostException(String message) {
        super(message);
    }

    /**
     * Creates an exception with its cause, kept for {@code --debug}.
     *
     * @param message one line that names the thing and the problem
     * @param cause what went wrong underneath
     */
    public HostException(String message, Throwable cause) {
        super(message, cause);
    }
}
