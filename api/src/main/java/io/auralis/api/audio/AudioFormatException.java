package io.auralis.api.audio;

import java.io.IOException;

/**
 * A file that cannot be decoded: missing, empty, truncated, corrupt, not audio, or in a format no decoder supports.
 * The message is one line that names the file and the problem.
 */
public class AudioFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file as the caller named it. */
    private final String file;

    /** The problem, without the file name. */
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param file the file that could not be decoded
     * @param problem what is wrong with it, for example {@code "truncated: data chunk ends at byte 1200 of 4044"}
     */
    public AudioFormatException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    /**
     * The file that could not be decoded.
     *
     * @return the file as the caller named it
     */
    public String file() {
        return file;
    }

    /**
     * What is wrong with the file.
     *
     * @return the problem, without the file name
     */
    public String problem() {
        return problem;
    }
}
