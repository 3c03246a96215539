package io.auralis.audio.wav;

import io.auralis.api.audio.AudioFormatException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The head of a WAV that arrives on a stream (a pipe, standard input), read front to back and kept, so that
 * {@link WavHeaderReader} can walk its chunks with positional reads as it does in a file. Only the header is kept,
 * and at most {@value #MAX_HEAD} bytes of it: a stream whose samples do not start by then is refused rather than
 * buffered.
 */
public final class StreamHead implements WavHeaderReader.Source {

    /** The size a stream's header reader is told: a pipe has none, and its data size is a placeholder. */
    public static final long UNKNOWN_SIZE = Long.MAX_VALUE / 4;

    /** The most header kept: far beyond the 4 KB chunks real corpora put before {@code data}. */
    static final int MAX_HEAD = 1 << 20;

    private final InputStream input;
    private final String name;
    private byte[] head = new byte[4096];
    private int length;

    /**
     * Reads a stream's head as it is asked for.
     *
     * @param input the stream, positioned at its first byte
     * @param name the stream as the user named it, for messages
     */
    public StreamHead(InputStream input, String name) {
        this.input = input;
        this.name = name;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        long end = position + dst.remaining();
        if (end > MAX_HEAD) {
            throw new AudioFormatException(name, "no data chunk in the first " + MAX_HEAD + " bytes of the stream");
        }
        while (length < end) {
            if (length == head.length) {
                head = Arrays.copyOf(head, Math.min(MAX_HEAD, head.length * 2));
            }
            int n = input.read(head, length, head.length - length);
            if (n < 0) {
                throw new AudioFormatException(name, length == 0 ? "empty stream: no audio arrived"
                    : "the stream ended after " + length + " bytes, inside its WAV header");
            }
            length += n;
        }
        dst.put(head, (int) position, dst.remaining());
        return (int) (end - position);
    }

    /**
     * The stream from a position in its head onwards: what of it was read into the head, then the rest.
     *
     * @param position where the samples start ({@link WavHeader#dataOffset()})
     * @return the stream of samples; closing it closes the source
     */
    public InputStream from(long position) {
        int at = (int) Math.min(position, length);
        return new SequenceInputStream(new ByteArrayInputStream(head, at, length - at), input);
    }
}
