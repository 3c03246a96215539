package io.auralis.audio.pcm;

import io.auralis.api.audio.AudioInfo;
import io.auralis.audio.decode.DecodedStream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;

/**
 * A stream of interleaved PCM frames from a byte source that is consumed as it comes (a WAV file's data, a pipe from
 * ffmpeg, Java Sound's stream, standard input), read through one buffer and converted to mono floats by a
 * {@link PcmDecoder}: memory does not grow with the length of the source, and the caller's read size does not change
 * the samples. A partial frame left at the end of the source is dropped; whether the source ended where the audio
 * should is for each format to say ({@link DecodedStream#ended}). Closing the stream closes the source.
 */
public abstract class PcmStream extends DecodedStream {

    private final ReadableByteChannel source;
    private final PcmDecoder pcm;
    private final int frameSize;
    private final ByteBuffer bytes;
    private boolean sourceEnded;

    /**
     * Creates the stream. It owns the source and closes it.
     *
     * @param info what {@link #info()} reports; its rate is the samples' rate
     * @param declared the frames the header declares, or {@link #UNBOUNDED}
     * @param source the bytes from the first frame on, read until it reports its end
     * @param encoding how each sample is stored
     * @param channels samples per frame, at least 1
     * @param order the byte order of multi-byte samples
     * @param chunkBytes about how many bytes to buffer: whole frames, at least one
     */
    protected PcmStream(AudioInfo info, long declared, ReadableByteChannel source, PcmEncoding encoding, int channels,
                        ByteOrder order, int chunkBytes) {
        super(info, declared);
        this.source = source;
        this.pcm = new PcmDecoder(encoding, channels);
        this.frameSize = pcm.frameSize();
        this.bytes = ByteBuffer.allocate(Math.max(frameSize, chunkBytes / frameSize * frameSize)).order(order);
        this.bytes.limit(0);
    }

    /** Delivers the whole frames buffered, reading more only when none is. */
    @Override
    protected final int decode(float[] buffer, int offset, int length) throws IOException {
        if (bytes.remaining() < frameSize && !fill()) {
            return -1;
        }
        int n = Math.min(length, bytes.remaining() / frameSize);
        pcm.decode(bytes, n, buffer, offset);
        return n;
    }

    /** Reads until at least one whole frame is buffered; false at the end of the source. */
    private boolean fill() throws IOException {
        if (sourceEnded) {
            return false;
        }
        bytes.compact();
        while (bytes.position() < frameSize) {
            if (source.read(bytes) < 0) {
                sourceEnded = true;
                bytes.flip();
                return false;
            }
        }
        // Take whatever else is already there, up to the buffer's size, without waiting for more.
        bytes.flip();
        return true;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
