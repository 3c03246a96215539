package io.auralis.audio.wav;

import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioInfo;
import io.auralis.api.audio.AudioStream;
import io.auralis.audio.mix.MonoDownmix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Objects;

/**
 * Streams a WAV file's samples as mono floats at the file's own rate. The file is read in large chunks through
 * one buffer, converted with little-endian buffer views into reused arrays, so neither the file's length nor
 * the caller's read size changes memory use or the samples delivered.
 */
public final class WavSampleStream implements AudioStream {

    /** Bytes read from the file at a time: large enough that system calls do not matter. */
    private static final int CHUNK_BYTES = 1 << 18;

    private final FileChannel channel;
    private final WavHeader header;
    private final AudioInfo info;
    private final String file;
    private final int frameSize;
    private final ByteBuffer bytes;
    /** Interleaved samples of the frames being converted, for multi-channel files; mono converts in place. */
    private float[] interleaved = new float[0];
    private short[] shorts = new short[0];
    private int[] ints = new int[0];
    private double[] doubles = new double[0];

    /** The next file position to read from. */
    private long filePosition;
    /** Bytes of whole frames not yet read from the file. */
    private long bytesUnread;
    /** Frames not yet delivered to the caller. */
    private long framesLeft;

    /**
     * Creates a stream over a file whose header has been read. The stream owns the channel and closes it.
     *
     * @param channel the open file
     * @param header the file's header
     * @param info what {@link #info()} reports
     */
    public WavSampleStream(FileChannel channel, WavHeader header, AudioInfo info) {
        this.channel = channel;
        this.header = header;
        this.info = info;
        this.file = info.file;
        this.frameSize = header.frameSize();
        long dataBytes = header.frames() * frameSize;
        // Whole frames per chunk; a short file gets a buffer no larger than itself.
        int capacity = (int) Math.min(dataBytes, Math.max(frameSize, CHUNK_BYTES / frameSize * frameSize));
        this.bytes = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
        this.bytes.limit(0);
        this.filePosition = header.dataOffset();
        this.bytesUnread = dataBytes;
        this.framesLeft = header.frames();
    }

    @Override
    public AudioInfo info() {
        return info;
    }

    @Override
    public int sampleRate() {
        return header.sampleRate();
    }

    @Override
    public int read(float[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (framesLeft == 0) {
            return -1;
        }
        if (bytes.remaining() < frameSize) {
            fill();
        }
        int frames = Math.min(length, bytes.remaining() / frameSize);
        int channels = header.channels();
        if (channels == 1) {
            decode(frames, buffer, offset);
        } else {
            int samples = frames * channels;
            if (interleaved.length < samples) {
                interleaved = new float[Math.max(samples, bytes.capacity() / header.encoding().bytesPerSample())];
            }
            decode(samples, interleaved, 0);
            MonoDownmix.average(interleaved, frames, channels, buffer, offset);
        }
        framesLeft -= frames;
        return frames;
    }

    /** Refills the buffer with as many whole frames as fit, keeping the partial frame left over, if any. */
    private void fill() throws IOException {
        bytes.compact();
        int want = (int) Math.min(bytes.remaining(), bytesUnread);
        bytes.limit(bytes.position() + want);
        while (bytes.hasRemaining()) {
            int n = channel.read(bytes, filePosition);
            if (n < 0) {
                throw new AudioFormatException(file, "truncated: the file ended at byte " + filePosition
                    + " while its audio was read (did it change after it was opened?)");
            }
            filePosition += n;
        }
        bytesUnread -= want;
        bytes.flip();
    }

    /** Converts {@code count} samples at the buffer's position to floats in [-1, 1] and advances past them. */
    private void decode(int count, float[] out, int offset) {
        int start = bytes.position();
        switch (header.encoding()) {
            case PCM_U8 -> {
                byte[] raw = bytes.array();
                int base = bytes.arrayOffset() + start;
                for (int i = 0; i < count; i++) {
                    out[offset + i] = ((raw[base + i] & 0xFF) - 128) * (1f / 128);
                }
            }
            case PCM_16 -> {
                if (shorts.length < count) {
                    shorts = new short[Math.max(count, bytes.capacity() / 2)];
                }
                bytes.asShortBuffer().get(shorts, 0, count);
                for (int i = 0; i < count; i++) {
                    out[offset + i] = shorts[i] * (1f / 32768);
                }
            }
            case PCM_24 -> {
                byte[] raw = bytes.array();
                int base = bytes.arrayOffset() + start;
                for (int i = 0, b = base; i < count; i++, b += 3) {
                    // The top byte keeps its sign; the lower two are unsigned.
                    int v = (raw[b] & 0xFF) | (raw[b + 1] & 0xFF) << 8 | raw[b + 2] << 16;
                    out[offset + i] = v * (1f / 8388608);
                }
            }
            case PCM_32 -> {
                if (ints.length < count) {
                    ints = new int[Math.max(count, bytes.capacity() / 4)];
                }
                bytes.asIntBuffer().get(ints, 0, count);
                for (int i = 0; i < count; i++) {
                    out[offset + i] = ints[i] * (1f / 2147483648f);
                }
            }
            case FLOAT_32 -> bytes.asFloatBuffer().get(out, offset, count);
            case FLOAT_64 -> {
                if (doubles.length < count) {
                    doubles = new double[Math.max(count, bytes.capacity() / 8)];
                }
                bytes.asDoubleBuffer().get(doubles, 0, count);
                for (int i = 0; i < count; i++) {
                    out[offset + i] = (float) doubles[i];
                }
            }
            case A_LAW, MU_LAW -> {
                float[] table = header.encoding() == WavEncoding.A_LAW ? G711.A_LAW : G711.MU_LAW;
                byte[] raw = bytes.array();
                int base = bytes.arrayOffset() + start;
                for (int i = 0; i < count; i++) {
                    out[offset + i] = table[raw[base + i] & 0xFF];
                }
            }
            default -> throw new IllegalStateException("no decoder for " + header.encoding());
        }
        bytes.position(start + count * header.encoding().bytesPerSample());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
