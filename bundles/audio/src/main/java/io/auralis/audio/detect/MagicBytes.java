package io.auralis.audio.detect;

import io.auralis.audio.detect.Signature.Kind;

import java.nio.charset.StandardCharsets;

/**
 * Identifies a file by its leading bytes, never by its name: a {@code .wav} that is really an MP3 (common in
 * downloaded corpora) goes to ffmpeg, a {@code .wav} that is really FLAC to the FLAC decoder, and a text file named
 * {@code .wav} is reported as text.
 */
public final class MagicBytes {

    /** How many leading bytes {@link #identify} looks at; fewer are fine for short files. */
    public static final int HEAD_LENGTH = 512;

    private MagicBytes() {
    }

    /**
     * Identifies a file from its first bytes.
     *
     * @param head the file's first bytes
     * @param length how many of them are valid (the file may be shorter than {@link #HEAD_LENGTH}), at least 1
     * @return what the bytes look like
     */
    public static Signature identify(byte[] head, int length) {
        if (startsWith(head, length, 0, "RIFF") || startsWith(head, length, 0, "RF64")
            || startsWith(head, length, 0, "BW64")) {
            String container = ascii(head, 0, 4).toLowerCase(java.util.Locale.ROOT);
            if (length < 12 || startsWith(head, length, 8, "WAVE")) {
                // A header cut short is still reported by the WAV parser, which says exactly what is missing.
                return new Signature(Kind.WAV, container.equals("riff") ? "wav" : container, "WAV audio");
            }
            return new Signature(Kind.RIFF_NOT_WAVE, null, "RIFF form type '" + printable(head, 8, 4) + "'");
        }
        Signature audio = audio(head, length);
        if (audio != null) {
            return audio;
        }
        String other = notAudio(head, length);
        if (other != null) {
            return new Signature(Kind.NOT_AUDIO, null, other);
        }
        return new Signature(Kind.UNKNOWN, null, "unrecognised content starting with bytes " + hex(head, length));
    }

    private static Signature audio(byte[] b, int n) {
        if (startsWith(b, n, 0, "RIFX") && startsWith(b, n, 8, "WAVE")) {
            return ffmpeg("wav", "big-endian WAV (RIFX) audio");
        }
        if (startsWith(b, n, 0, "FORM") && (startsWith(b, n, 8, "AIFF") || startsWith(b, n, 8, "AIFC"))) {
            return new Signature(Kind.JAVA_SOUND, "aiff", "AIFF audio");
        }
        if (startsWith(b, n, 0, "fLaC")) {
            return new Signature(Kind.FLAC, "flac", "FLAC audio");
        }
        if (startsWith(b, n, 0, "OggS")) {
            // The first page's first packet names the codec.
            if (startsWith(b, n, 28, "\u0001vorbis")) {
                return ffmpeg("ogg", "Ogg Vorbis audio");
            }
            if (startsWith(b, n, 28, "OpusHead")) {
                return ffmpeg("opus", "Opus audio");
            }
            if (startsWith(b, n, 28, "\u007fFLAC")) {
                return ffmpeg("ogg", "Ogg FLAC audio");
            }
            if (startsWith(b, n, 28, "Speex")) {
                return ffmpeg("ogg", "Ogg Speex audio");
            }
            return ffmpeg("ogg", "Ogg media");
        }
        if (startsWith(b, n, 0, "ID3")) {
            return ffmpeg("mp3", "MP3 audio");
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0) {
            int layer = (b[1] >> 1) & 3;
            if (layer == 0 && (b[1] & 0xF6) == 0xF0) {
                return ffmpeg("aac", "AAC (ADTS) audio");
            }
            if (layer == 1) {
                return ffmpeg("mp3", "MP3 audio");
            }
            if (layer == 2) {
                return ffmpeg("mp2", "MPEG layer II audio");
            }
            if (layer == 3) {
                return ffmpeg("mp1", "MPEG layer I audio");
            }
        }
        if (startsWith(b, n, 4, "ftyp")) {
            String brand = ascii(b, 8, Math.min(4, Math.max(0, n - 8)));
            if (brand.startsWith("M4A") || brand.startsWith("M4B") || brand.startsWith("M4P")) {
                return ffmpeg("m4a", "M4A/AAC audio");
            }
            if (brand.startsWith("3g")) {
                return ffmpeg("3gp", "3GP media");
            }
            return ffmpeg("mp4", "MP4 media");
        }
        if (startsWith(b, n, 0, "\u001a\u0045\u00df\u00a3")) {
            return ffmpeg("matroska", "Matroska/WebM media");
        }
        if (startsWithBytes(b, n, 0, 0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11)) {
            return ffmpeg("asf", "WMA/ASF media");
        }
        if (startsWith(b, n, 0, ".snd")) {
            return new Signature(Kind.JAVA_SOUND, "au", "Sun AU audio");
        }
        if (startsWith(b, n, 0, "#!AMR")) {
            return ffmpeg("amr", "AMR audio");
        }
        if (startsWith(b, n, 0, "MAC ")) {
            return ffmpeg("ape", "Monkey's Audio");
        }
        if (startsWith(b, n, 0, "wvpk")) {
            return ffmpeg("wavpack", "WavPack audio");
        }
        if (startsWith(b, n, 0, "caff")) {
            return ffmpeg("caf", "Core Audio (CAF) audio");
        }
        if (startsWith(b, n, 0, "riff") && startsWithBytes(b, n, 4, 0x2E, 0x91, 0xCF, 0x11)) {
            return ffmpeg("w64", "Sony Wave64 audio");
        }
        return null;
    }

    private static String notAudio(byte[] b, int n) {
        if (startsWith(b, n, 0, "%PDF")) {
            return "a PDF document";
        }
        if (startsWithBytes(b, n, 0, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
        if (startsWithBytes(b, n, 0, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (startsWith(b, n, 0, "GIF8")) {
            return "a GIF image";
        }
        if (startsWithBytes(b, n, 0, 'P', 'K', 3, 4)) {
            return "a ZIP archive";
        }
        if (startsWithBytes(b, n, 0, 0x1F, 0x8B)) {
            return "a gzip archive";
        }
        if (startsWith(b, n, 0, "BZh")) {
            return "a bzip2 archive";
        }
        if (startsWithBytes(b, n, 0, '7', 'z', 0xBC, 0xAF)) {
            return "a 7-Zip archive";
        }
        if (startsWithBytes(b, n, 0, 0x7F, 'E', 'L', 'F')) {
            return "an executable (ELF)";
        }
        if (startsWithBytes(b, n, 0, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return "a Java class file";
        }
        if (startsWith(b, n, 0, "SQLite format 3")) {
            return "an SQLite database";
        }
        if (startsWith(b, n, 0, "\u0089HDF")) {
            return "an HDF5 file";
        }
        if (startsWith(b, n, 0, "MThd")) {
            return "a MIDI file (notes, not recorded sound)";
        }
        if (looksLikeText(b, n)) {
            return "text";
        }
        return null;
    }

    /** Text: a Unicode byte order mark, or no control bytes other than tab, line breaks, form feed and escape. */
    private static boolean looksLikeText(byte[] b, int n) {
        if (startsWithBytes(b, n, 0, 0xEF, 0xBB, 0xBF) || startsWithBytes(b, n, 0, 0xFF, 0xFE)
            || startsWithBytes(b, n, 0, 0xFE, 0xFF)) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B || c == 0x7F) {
                return false;
            }
        }
        // Bytes >= 0x80 must form valid UTF-8, otherwise binary data without control bytes would pass.
        return StandardCharsets.UTF_8.newDecoder()
            .decode(java.nio.ByteBuffer.wrap(b, 0, trimIncompleteUtf8(b, n)), java.nio.CharBuffer.allocate(n), true)
            .isUnderflow();
    }

    /** The head may end in the middle of a multi-byte character; drop that partial character. */
    private static int trimIncompleteUtf8(byte[] b, int n) {
        for (int back = 1; back <= 3 && back <= n; back++) {
            int c = b[n - back] & 0xFF;
            if ((c & 0xC0) != 0x80) {
                int needed = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
                return needed > back ? n - back : n;
            }
        }
        return n;
    }

    private static Signature ffmpeg(String format, String description) {
        return new Signature(Kind.FFMPEG, format, description);
    }

    private static boolean startsWith(byte[] b, int n, int at, String magic) {
        if (n < at + magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if ((b[at + i] & 0xFF) != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithBytes(byte[] b, int n, int at, int... magic) {
        if (n < at + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[at + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] b, int at, int length) {
        return new String(b, at, length, StandardCharsets.ISO_8859_1);
    }

    private static String printable(byte[] b, int at, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = at; i < at + length; i++) {
            int c = b[i] & 0xFF;
            s.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return s.toString();
    }

    private static String hex(byte[] b, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(n, 8); i++) {
            s.append(i == 0 ? "" : " ").append(String.format("%02X", b[i] & 0xFF));
        }
        return s.toString();
    }
}
