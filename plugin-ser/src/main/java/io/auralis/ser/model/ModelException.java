package io.auralis.ser.model;

import java.io.IOException;

/**
 * A model directory, weights file or checkpoint that cannot be used: missing, incomplete, corrupt, or for a
 * different network. The message is one line that names the file and the problem.
 */
public class ModelException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param where the file or folder, as the user named it
     * @param problem what is wrong with it
     */
    public ModelException(Object where, String problem) {
        super(where + ": " + problem);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param where the file or folder, as the user named it
     * @param problem what is wrong with it
     * @param cause the underlying failure
     */
    public ModelException(Object where, String problem, Throwable cause) {
        super(where + ": " + problem, cause);
    }
}
