package io.auralis.audio.wav;

import io.auralis.api.audio.AudioInfo;
import io.auralis.audio.pcm.PcmStream;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Streams a WAV file's samples as mono floats at the file's own rate. The data chunk is read in large chunks through
 * one buffer and converted as every PCM source is ({@link PcmStream}), so neither the file's length nor the caller's
 * read size changes memory use or the samples delivered. The header reader has checked that the data chunk fits in
 * the file; one that ends before it all the same (a file that shrank after it was opened) is truncated.
 */
public final class WavSampleStream extends PcmStream {

    /** Bytes read from the file at a time: large enough that system calls do not matter. */
    private static final int CHUNK_BYTES = 1 << 18;

    /**
     * Creates a stream over a file whose header has been read. The stream owns the channel and closes it.
     *
     * @param channel the open file
     * @param header the file's header
     * @param info what {@link #info()} reports
     * @throws IOException if the channel cannot be moved to the audio
     */
    public WavSampleStream(FileChannel channel, WavHeader header, AudioInfo info) throws IOException {
        // A short file gets a buffer no larger than its audio.
        super(info, header.frames(), channel.position(header.dataOffset()), header.encoding(), header.channels(),
            ByteOrder.LITTLE_ENDIAN, (int) Math.min(header.frames() * header.frameSize(), CHUNK_BYTES));
    }

    @Override
    protected void ended() throws IOException {
        requireDeclaredLength("frames", "no audio: the data chunk is empty");
    }
}
