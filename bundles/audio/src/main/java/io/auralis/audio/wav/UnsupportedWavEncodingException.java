package io.auralis.audio.wav;

import io.auralis.audio.ffmpeg.NeedsFfmpegException;

/**
 * A well-formed WAV file whose samples are in an encoding this bundle does not read itself (ADPCM, GSM, MP3 in
 * WAV, ...). The decoder hands such files to ffmpeg when it is installed.
 */
public class UnsupportedWavEncodingException extends NeedsFfmpegException {
    private static final long serialVersionUID = 1L;

    private final String encoding;

    /**
     * Creates the exception.
     *
     * @param file the file as the caller named it
     * @param encoding the encoding, for example {@code "Microsoft ADPCM (format 2)"}
     */
    public UnsupportedWavEncodingException(String file, String encoding) {
        super(file, "unsupported WAV encoding: " + encoding, "WAV audio in " + encoding);
        this.encoding = encoding;
    }

    /**
     * The encoding that is not supported.
     *
     * @return its name and format tag, for example {@code "Microsoft ADPCM (format 2)"}
     */
    public String encoding() {
        return encoding;
    }
}
