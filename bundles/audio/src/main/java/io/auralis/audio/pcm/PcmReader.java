package io.auralis.audio.pcm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.util.Objects;

/**
 * Reads interleaved PCM frames from a byte source that is consumed as it comes (a WAV file's data, a pipe from
 * ffmpeg, Java Sound's stream, standard input), through one buffer, and converts them to mono floats with a
 * {@link PcmDecoder}: memory does not grow with the length of the source, and the caller's read size does not change
 * the samples. A partial frame left at the end of the source is dropped; where the audio should have ended is for
 * the stream to judge ({@link io.auralis.audio.decode.DecodedStream}). Not thread-safe: one per stream.
 */
public final class PcmReader {

    private final ReadableByteChannel source;
    private final PcmDecoder pcm;
    private final int frameSize;
    private final ByteBuffer bytes;
    private boolean ended;

    /**
     * Creates a reader.
     *
     * @param source the bytes, read until it reports its end
     * @param encoding how each sample is stored
     * @param channels samples per frame, at least 1
     * @param order the byte order of multi-byte samples
     * @param chunkBytes about how many bytes to buffer: whole frames, at least one
     */
    public PcmReader(ReadableByteChannel source, PcmEncoding encoding, int channels, ByteOrder order,
                     int chunkBytes) {
        this.source = source;
        this.pcm = new PcmDecoder(encoding, channels);
        this.frameSize = pcm.frameSize();
        this.bytes = ByteBuffer.allocate(Math.max(frameSize, chunkBytes / frameSize * frameSize)).order(order);
        this.bytes.limit(0);
    }

    /**
     * Reads up to {@code length} mono samples, one per frame.
     *
     * @param buffer destination
     * @param offset first index written in {@code buffer}
     * @param length maximum number of samples to read
     * @return the number of samples read, at least 1 unless {@code length} is 0, or -1 at the end of the source
     * @throws IOException if reading the source fails
     */
    public int read(float[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (bytes.remaining() < frameSize && !fill()) {
            return -1;
        }
        int n = Math.min(length, bytes.remaining() / frameSize);
        pcm.decode(bytes, n, buffer, offset);
        return n;
    }

    /** Reads until at least one whole frame is buffered; false at the end of the source. */
    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        bytes.compact();
        while (bytes.position() < frameSize) {
            if (source.read(bytes) < 0) {
                ended = true;
                bytes.flip();
                return false;
            }
        }
        // Take whatever else is already there, up to the buffer's size, without waiting for more.
        bytes.flip();
        return true;
    }
}
