package io.auralis.api.audio;

/**
 * What a decoder learned about a source file before any resampling or downmixing: a plain data object.
 */
public class AudioInfo {
    /** The file as the caller named it. */
    public String file;

    /** Container or codec name, for example {@code wav}, {@code mp3}, {@code flac}. */
    public String format;

    /** Sample encoding, for example {@code pcm16}, {@code pcm24}, {@code float32}; {@code null} when unknown. */
    public String encoding;

    /** Sample rate of the source in Hz. */
    public int sampleRate;

    /** Channel count of the source (decoded audio is always downmixed to mono). */
    public int channels;

    /** Frames (samples per channel) in the source, or {@code -1} when the container does not say. */
    public long frames = -1;

    /** Duration in seconds, or {@code -1} when unknown before decoding. */
    public double durationSeconds = -1;

    /** Creates an empty record for a decoder to fill. */
    public AudioInfo() {
    }

    @Override
    public String toString() {
        return file + " (" + format + ", " + encoding + ", " + sampleRate + " Hz, " + channels + " ch, "
            + durationSeconds + " s)";
    }
}
