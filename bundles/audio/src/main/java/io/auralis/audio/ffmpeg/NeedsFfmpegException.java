package io.auralis.audio.ffmpeg;

import io.auralis.api.audio.AudioFormatException;

/**
 * A file in a container this bundle reads whose samples it does not decode itself (ADPCM in WAV, compressed
 * AIFF-C, 32-bit FLAC, ...). The decoder hands such files to ffmpeg when it is installed, and otherwise says that
 * ffmpeg is what they need.
 */
public class NeedsFfmpegException extends AudioFormatException {
    private static final long serialVersionUID = 1L;

    private final String what;

    /**
     * Creates the exception.
     *
     * @param file the file as the caller named it
     * @param problem why it is not decoded here, for example {@code "unsupported WAV encoding: Microsoft ADPCM"}
     * @param what what the file holds, for messages about it, for example {@code "WAV audio in Microsoft ADPCM"}
     */
    public NeedsFfmpegException(String file, String problem, String what) {
        super(file, problem);
        this.what = what;
    }

    /**
     * What the file holds, for a message such as {@code "corrupt or unreadable <what>"}.
     *
     * @return a phrase such as {@code "WAV audio in Microsoft ADPCM (format 2)"}
     */
    public String what() {
        return what;
    }
}
