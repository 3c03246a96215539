package io.auralis.audio.wav;

import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioInfo;
import io.auralis.api.audio.AudioStream;
import io.auralis.audio.pcm.PcmDecoder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Objects;

/**
 * Streams a WAV file's samples as mono floats at the file's own rate. The file is read in large chunks through
 * one little-endian buffer and converted by a {@link PcmDecoder} into reused arrays, so neither the file's length
 * nor the caller's read size changes memory use or the samples delivered.
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
    private final PcmDecoder pcm;

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
        this.pcm = new PcmDecoder(header.encoding(), header.channels());
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
        pcm.decode(bytes, frames, buffer, offset);
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

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
