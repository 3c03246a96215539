package io.auralis.audio.ffmpeg;

import io.auralis.api.audio.AudioFormatException;

/** ffprobe could not read a file; the decoder words the message for what it expected the file to be. */
public class FfprobeFailedException extends AudioFormatException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * Creates the exception.
     *
     * @param file the file as the caller named it
     * @param reason ffprobe's last error line, without the file name
     */
    public FfprobeFailedException(String file, String reason) {
        super(file, "ffprobe cannot read it: " + reason);
        this.reason = reason;
    }

    /**
     * What ffprobe said.
     *
     * @return its last error line, for example {@code "Invalid data found when processing input"}
     */
    public String reason() {
        return reason;
    }
}
