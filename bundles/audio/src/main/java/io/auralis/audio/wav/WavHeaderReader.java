package io.auralis.audio.wav;

import io.auralis.api.audio.AudioFormatException;
import io.auralis.audio.pcm.PcmEncoding;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads a WAV header by walking its RIFF chunks, never assuming the 44-byte canonical layout: real corpora put
 * {@code LIST}, {@code bext}, {@code JUNK}, {@code PAD} or {@code FLLR} chunks before {@code data}, and a few
 * writers put {@code fmt } after it. Only chunk headers and the {@code fmt } body are read, so a header of a file of
 * any size costs a few small reads.
 *
 * <p>Supports RIFF, RF64 and BW64 (64-bit sizes in a {@code ds64} chunk), PCM of 1 to 32 bits, IEEE float of 32
 * and 64 bits, A-law, mu-law, and {@code WAVE_FORMAT_EXTENSIBLE} with any of those as sub-format.
 */
public final class WavHeaderReader {

    private static final int FORMAT_PCM = 0x0001;
    private static final int FORMAT_IEEE_FLOAT = 0x0003;
    private static final int FORMAT_ALAW = 0x0006;
    private static final int FORMAT_MULAW = 0x0007;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    /** Bytes 2..15 of every {@code KSDATAFORMAT_SUBTYPE_*} GUID whose first two bytes are a format tag. */
    private static final byte[] SUBFORMAT_GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00,
        (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    /** Data sizes that streaming recorders write when they never come back to fix the header. */
    private static final long SIZE_UNKNOWN_ZERO = 0L;
    private static final long SIZE_UNKNOWN_MAX = 0xFFFFFFFFL;

    /** Names of format tags seen in the wild that are not read natively, for a message that says what the file is. */
    private static final Map<Integer, String> TAG_NAMES = Map.ofEntries(
        Map.entry(0x0002, "Microsoft ADPCM"),
        Map.entry(0x0011, "IMA ADPCM"),
        Map.entry(0x0031, "GSM 6.10"),
        Map.entry(0x0040, "G.721 ADPCM"),
        Map.entry(0x0045, "G.726 ADPCM"),
        Map.entry(0x0050, "MPEG audio"),
        Map.entry(0x0055, "MP3"),
        Map.entry(0x00FF, "AAC"),
        Map.entry(0x0161, "Windows Media Audio"),
        Map.entry(0x1610, "HE-AAC"),
        Map.entry(0x2000, "AC-3"),
        Map.entry(0x2001, "DTS"),
        Map.entry(0xF1AC, "FLAC"));

    private WavHeaderReader() {
    }

    /** Positional reads: of a file, or of the head of a stream as far as it has arrived ({@link StreamHead}). */
    @FunctionalInterface
    public interface Source {
        /**
         * Reads bytes from a position, as {@link FileChannel#read(ByteBuffer, long)} does.
         *
         * @param dst where to
         * @param position the position of the first byte
         * @return the bytes read, or -1 at the end
         * @throws IOException if reading fails
         */
        int read(ByteBuffer dst, long position) throws IOException;
    }

    /**
     * Reads the header.
     *
     * @param channel the open file, read with positional reads only
     * @param fileSize the file's size in bytes
     * @param file the file as the caller named it, for messages
     * @return where the samples are and how to decode them
     * @throws UnsupportedWavEncodingException if the file is a valid WAV in an encoding not read here
     * @throws AudioFormatException if the file is not a valid WAV file
     * @throws IOException if reading fails
     */
    public static WavHeader read(FileChannel channel, long fileSize, String file) throws IOException {
        return read(channel::read, fileSize, file);
    }

    /**
     * Reads the header from any source of positional reads.
     *
     * @param channel the source; {@link StreamHead} for a stream, whose size is unknown
     * @param fileSize the source's size in bytes, or {@link StreamHead#UNKNOWN_SIZE}
     * @param file the source as the caller named it, for messages
     * @return where the samples are and how to decode them
     * @throws UnsupportedWavEncodingException if the source is a valid WAV in an encoding not read here
     * @throws AudioFormatException if the source is not a valid WAV file
     * @throws IOException if reading fails
     */
    public static WavHeader read(Source channel, long fileSize, String file) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        if (fileSize < 12) {
            throw new AudioFormatException(file, "truncated WAV header: the file has only " + fileSize + " bytes");
        }
        readFully(channel, buf, 0, 12, file, fileSize);
        String riff = fourCc(buf, 0);
        String form = fourCc(buf, 8);
        if (!form.equals("WAVE")) {
            throw new AudioFormatException(file, "a RIFF file of type '" + form + "', not WAVE audio");
        }
        boolean rf64 = !riff.equals("RIFF");
        String container = rf64 ? riff.toLowerCase(java.util.Locale.ROOT) : "wav";

        Format format = null;
        long ds64DataSize = -1;
        long dataOffset = -1;
        long dataSize = -1;
        long pos = 12;
        while (pos + 8 <= fileSize) {
            readFully(channel, buf, pos, 8, file, fileSize);
            String id = fourCc(buf, 0);
            long size = Integer.toUnsignedLong(buf.getInt(4));
            long body = pos + 8;
            if (id.equals("data")) {
                if (format == null && fileSize == StreamHead.UNKNOWN_SIZE) {
                    // A stream cannot be rewound to the samples after a fmt chunk that follows them.
                    throw new AudioFormatException(file, "the data chunk comes before the fmt chunk: a WAV read "
                        + "from a stream must describe its samples before they start");
                }
                dataOffset = body;
                dataSize = dataSize(file, rf64, size, ds64DataSize, body, fileSize);
                if (format != null || body + dataSize >= fileSize) {
                    break;
                }
                // fmt after data: legal, rare; keep walking past the samples to find it.
            } else {
                if (body + size > fileSize) {
                    throw new AudioFormatException(file, "truncated: the '" + printable(id) + "' chunk at byte " + pos
                        + " declares " + size + " bytes but the file ends at byte " + fileSize);
                }
                if (id.equals("fmt ")) {
                    format = parseFormat(channel, buf, body, size, file, fileSize);
                } else if (id.equals("ds64") && size >= 24) {
                    readFully(channel, buf, body, 24, file, fileSize);
                    ds64DataSize = buf.getLong(8);
                }
            }
            pos = next(channel, buf, body, id.equals("data") ? dataSize : size, fileSize, file);
        }
        if (format == null) {
            throw new AudioFormatException(file, "no fmt chunk: not a valid WAV file");
        }
        if (dataOffset < 0) {
            throw new AudioFormatException(file, "no data chunk: the WAV file holds no audio");
        }
        return header(file, container, format, dataOffset, dataSize);
    }

    /** The data chunk's size in bytes, resolving RF64's {@code ds64} and streaming recorders' placeholders. */
    private static long dataSize(String file, boolean rf64, long size, long ds64DataSize, long body, long fileSize)
        throws AudioFormatException {
        long available = fileSize - body;
        long declared = size;
        if (rf64 && size == SIZE_UNKNOWN_MAX && ds64DataSize >= 0) {
            declared = ds64DataSize;
        } else if (size == SIZE_UNKNOWN_ZERO || size == SIZE_UNKNOWN_MAX) {
            // Written by a recorder that was stopped before it could patch the header: the audio runs to the end.
            return available;
        }
        if (declared > available) {
            throw new AudioFormatException(file, "truncated: the data chunk declares " + declared + " bytes but only "
                + available + " follow (the file ends at byte " + fileSize + ")");
        }
        return declared;
    }

    /**
     * The position of the chunk after one ending at {@code body + size}: chunks are word-aligned with a pad byte
     * after an odd size, but some writers forget the pad; then the unpadded position is the one holding an ID.
     */
    private static long next(Source channel, ByteBuffer buf, long body, long size, long fileSize, String file)
        throws IOException {
        long end = body + size;
        if ((size & 1) == 0) {
            return end;
        }
        if (end + 1 + 4 <= fileSize && isChunkId(channel, buf, end + 1, fileSize, file)) {
            return end + 1;
        }
        if (end + 4 <= fileSize && isChunkId(channel, buf, end, fileSize, file)) {
            return end;
        }
        return end + 1;
    }

    private static boolean isChunkId(Source channel, ByteBuffer buf, long pos, long fileSize, String file)
        throws IOException {
        readFully(channel, buf, pos, 4, file, fileSize);
        for (int i = 0; i < 4; i++) {
            int c = buf.get(i) & 0xFF;
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** The parsed {@code fmt } chunk. */
    private record Format(int tag, int channels, long sampleRate, int blockAlign, int bits, int validBits) {
    }

    private static Format parseFormat(Source channel, ByteBuffer buf, long body, long size, String file,
                                      long fileSize) throws IOException {
        if (size < 16) {
            throw new AudioFormatException(file, "fmt chunk too short: " + size + " bytes, at least 16 expected");
        }
        int length = (int) Math.min(size, 40);
        readFully(channel, buf, body, length, file, fileSize);
        int tag = buf.getShort(0) & 0xFFFF;
        int channels = buf.getShort(2) & 0xFFFF;
        long sampleRate = Integer.toUnsignedLong(buf.getInt(4));
        int blockAlign = buf.getShort(12) & 0xFFFF;
        int bits = buf.getShort(14) & 0xFFFF;
        int validBits = bits;
        if (tag == FORMAT_EXTENSIBLE) {
            if (length < 40) {
                throw new AudioFormatException(file, "fmt chunk too short for WAVE_FORMAT_EXTENSIBLE: " + size
                    + " bytes, 40 expected");
            }
            int declaredValid = buf.getShort(18) & 0xFFFF;
            if (declaredValid > 0 && declaredValid <= bits) {
                validBits = declaredValid;
            }
            tag = buf.getShort(24) & 0xFFFF;
            for (int i = 0; i < SUBFORMAT_GUID_TAIL.length; i++) {
                if (buf.get(26 + i) != SUBFORMAT_GUID_TAIL[i]) {
                    throw new UnsupportedWavEncodingException(file, "WAVE_FORMAT_EXTENSIBLE with sub-format "
                        + guid(buf, 24));
                }
            }
        }
        return new Format(tag, channels, sampleRate, blockAlign, bits, validBits);
    }

    private static WavHeader header(String file, String container, Format f, long dataOffset, long dataSize)
        throws AudioFormatException {
        if (f.channels == 0) {
            throw new AudioFormatException(file, "the fmt chunk declares zero channels");
        }
        if (f.sampleRate == 0) {
            throw new AudioFormatException(file, "the fmt chunk declares a sample rate of 0 Hz");
        }
        if (f.sampleRate > Integer.MAX_VALUE) {
            throw new AudioFormatException(file, "the fmt chunk declares an impossible sample rate of "
                + f.sampleRate + " Hz");
        }
        PcmEncoding encoding;
        String name;
        switch (f.tag) {
            case FORMAT_PCM -> {
                // The container may be wider than the bits (20-bit in 3 bytes); the block align says how wide.
                int width = containerBytes(f);
                encoding = switch (width) {
                    case 1 -> PcmEncoding.PCM_U8;
                    case 2 -> PcmEncoding.PCM_16;
                    case 3 -> PcmEncoding.PCM_24;
                    case 4 -> PcmEncoding.PCM_32;
                    default -> throw new UnsupportedWavEncodingException(file, "PCM with " + f.bits
                        + " bits per sample (format 1)");
                };
                name = "pcm" + (f.validBits > 0 ? f.validBits : width * 8);
            }
            case FORMAT_IEEE_FLOAT -> {
                if (f.bits == 32) {
                    encoding = PcmEncoding.FLOAT_32;
                } else if (f.bits == 64) {
                    encoding = PcmEncoding.FLOAT_64;
                } else {
                    throw new UnsupportedWavEncodingException(file, "IEEE float with " + f.bits
                        + " bits per sample (format 3)");
                }
                name = "float" + f.bits;
            }
            case FORMAT_ALAW -> {
                encoding = PcmEncoding.A_LAW;
                name = "alaw";
            }
            case FORMAT_MULAW -> {
                encoding = PcmEncoding.MU_LAW;
                name = "mulaw";
            }
            default -> throw new UnsupportedWavEncodingException(file, describeTag(f.tag));
        }
        if ((f.tag == FORMAT_ALAW || f.tag == FORMAT_MULAW) && f.bits != 8 && f.bits != 0) {
            throw new UnsupportedWavEncodingException(file, name + " with " + f.bits + " bits per sample");
        }
        long frameSize = (long) f.channels * encoding.bytesPerSample();
        long frames = dataSize / frameSize;
        if (frames == 0) {
            throw new AudioFormatException(file, dataSize == 0 ? "no audio: the data chunk is empty"
                : "no audio: the data chunk holds " + dataSize + " bytes, less than one frame of " + frameSize
                    + " bytes");
        }
        return new WavHeader(container, encoding, name, (int) f.sampleRate, f.channels, dataOffset, frames);
    }

    /** PCM container width in bytes: from the bits, widened when the block align says the container is wider. */
    private static int containerBytes(Format f) {
        int fromBits = (f.bits + 7) / 8;
        if (f.blockAlign > 0 && f.blockAlign % f.channels == 0) {
            int fromAlign = f.blockAlign / f.channels;
            if (fromBits == 0 || fromAlign > fromBits && fromAlign <= 4) {
                return fromAlign;
            }
        }
        return fromBits;
    }

    private static String describeTag(int tag) {
        String name = TAG_NAMES.get(tag);
        return name != null ? name + " (format " + tag + ")"
            : "format " + tag + String.format(" (0x%04X)", tag);
    }

    private static void readFully(Source channel, ByteBuffer buf, long pos, int length, String file,
                                  long fileSize) throws IOException {
        buf.clear().limit(length);
        long at = pos;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, at);
            if (n < 0) {
                // Only reachable when the file shrinks while it is read: sizes are checked before each read.
                throw new AudioFormatException(file, "truncated: the file ended at byte " + at + " of " + fileSize);
            }
            at += n;
        }
        buf.flip();
    }

    private static String fourCc(ByteBuffer buf, int at) {
        byte[] id = new byte[4];
        buf.get(at, id);
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String id) {
        StringBuilder s = new StringBuilder(4);
        for (char c : id.toCharArray()) {
            s.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return s.toString();
    }

    private static String guid(ByteBuffer buf, int at) {
        return String.format("%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X", buf.getInt(at),
            buf.getShort(at + 4), buf.getShort(at + 6), buf.get(at + 8), buf.get(at + 9), buf.get(at + 10),
            buf.get(at + 11), buf.get(at + 12), buf.get(at + 13), buf.get(at + 14), buf.get(at + 15));
    }
}
