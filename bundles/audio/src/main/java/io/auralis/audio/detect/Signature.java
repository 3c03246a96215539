package io.auralis.audio.detect;

/**
 * What the first bytes of a file say it is.
 *
 * @param kind how the decoder must treat the file
 * @param format the short format name reported in {@code AudioInfo.format} ({@code wav}, {@code mp3}, ...), or
 *     {@code null} when the file is not audio
 * @param description a phrase for messages: {@code "MP3 audio"} for audio, {@code "text"} or {@code "a PNG
 *     image"} for other files, the RIFF form type or the leading bytes otherwise
 */
public record Signature(Kind kind, String format, String description) {

    /** How a file with this signature is decoded, if at all. */
    public enum Kind {
        /** RIFF, RF64 or BW64 with form type WAVE: read natively. */
        WAV,
        /** Native FLAC ({@code fLaC}): decoded by the embedded pure-Java decoder. */
        FLAC,
        /** AIFF, AIFF-C or Sun AU: read through the JDK's {@code javax.sound.sampled}. */
        JAVA_SOUND,
        /** A known audio or media container that only ffmpeg decodes. */
        FFMPEG,
        /** A RIFF file whose form type is not WAVE (AVI, WEBP, ...). */
        RIFF_NOT_WAVE,
        /** Recognisably not audio: text, an image, an archive, ... */
        NOT_AUDIO,
        /** Nothing recognised; only ffmpeg can still tell. */
        UNKNOWN
    }
}
