package io.auralis.audio.wav;

import io.auralis.api.audio.AudioInfo;
import io.auralis.audio.decode.DecodedStream;
import io.auralis.audio.pcm.PcmReader;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Streams a WAV file's samples as mono floats at the file's own rate. The data chunk is read in large chunks through
 * one buffer and converted by the same {@link PcmReader} as every PCM source's, so neither the file's length nor the
 * caller's read size changes memory use or the samples delivered. The header reader has checked that the data chunk
 * fits in the file; one that ends before it all the same (a file that shrank after it was opened) is truncated
 * ({@link DecodedStream}).
 */
public final class WavSampleStream extends DecodedStream {

    /** Bytes read from the file at a time: large enough that system calls do not matter. */
    private static final int CHUNK_BYTES = 1 << 18;

    private final FileChannel channel;
    private final PcmReader samples;

    /**
     * Creates a stream over a file whose header has been read. The stream owns the channel and closes it.
     *
     * @param channel the open file
     * @param header the file's header
     * @param info what {@link #info()} reports
     * @throws IOException if the channel cannot be moved to the audio
     */
    public WavSampleStream(FileChannel channel, WavHeader header, AudioInfo info) throws IOException {
        super(info, header.frames());
        this.channel = channel.position(header.dataOffset());
        // A short file gets a buffer no larger than its audio.
        int chunk = (int) Math.min(header.frames() * header.frameSize(), CHUNK_BYTES);
        this.samples = new PcmReader(channel, header.encoding(), header.channels(), ByteOrder.LITTLE_ENDIAN, chunk);
    }

    @Override
    protected int decode(float[] buffer, int offset, int length) throws IOException {
        return samples.read(buffer, offset, length);
    }

    @Override
    protected void ended() throws IOException {
        requireDeclaredLength("frames", "no audio: the data chunk is empty");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
