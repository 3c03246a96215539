package io.auralis.audio.decode;

import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioInfo;
import io.auralis.api.audio.AudioStream;

import java.io.IOException;
import java.util.Objects;

/**
 * What every decoder stream of this bundle does alike, written once: the {@link AudioStream#read} contract (bounds
 * checked, 0 for an empty read, -1 at the end and ever after), stopping after the frames a header declares (so that
 * whatever follows the audio, such as an ID3 tag after the FLAC frames or a chunk after a WAV's data, is never
 * decoded), and one check when the source ends early, with the messages every format gives: fewer frames than the
 * header declares is a truncated file, none at all is no audio, each an {@link AudioFormatException} naming the file.
 *
 * <p>A format only decodes ({@link #decode}: the next samples, mono at the source's rate, or -1 where its source
 * ends) and says what its end means ({@link #ended}). A stream that failed, while decoding or at its end, is over:
 * later reads return -1 and decode nothing more from a source in an unknown state. Not thread-safe: one reader.
 */
public abstract class DecodedStream implements AudioStream {
    /** The frames to deliver when no header says: as many as the source holds. */
    public static final long UNBOUNDED = -1;

    private final AudioInfo info;
    private final long declared;
    private long delivered;
    private boolean over;

    /**
     * Creates the stream.
     *
     * @param info what {@link #info()} reports; its {@code sampleRate} is the rate of the samples delivered and its
     *     {@code file} names the source in messages
     * @param declared the frames the header declares, delivered at most, or {@link #UNBOUNDED}
     */
    protected DecodedStream(AudioInfo info, long declared) {
        this.info = info;
        this.declared = declared < 0 ? UNBOUNDED : declared;
    }

    @Override
    public final AudioInfo info() {
        return info;
    }

    @Override
    public final int sampleRate() {
        return info.sampleRate;
    }

    @Override
    public final int read(float[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (over) {
            return -1;
        }
        try {
            long left = declared == UNBOUNDED ? Long.MAX_VALUE : declared - delivered;
            int n = left > 0 ? decode(buffer, offset, (int) Math.min(length, left)) : -1;
            if (n > 0) {
                delivered += n;
                return n;
            }
            over = true;
            ended();
            return -1;
        } catch (IOException | RuntimeException e) {
            over = true;
            throw e;
        }
    }

    /**
     * Decodes the next samples.
     *
     * @param buffer destination
     * @param offset first index written
     * @param length the most samples to write, at least 1, never past the declared frames
     * @return the samples written, at least 1, or -1 where the source ends
     * @throws IOException if reading fails, or an {@link AudioFormatException} if the audio is corrupt
     */
    protected abstract int decode(float[] buffer, int offset, int length) throws IOException;

    /**
     * Called once, when the declared frames have been delivered or the source has ended: says whether that end is
     * the end of the audio, or throws. Nothing unless overridden (a live source stops when it stops).
     *
     * @throws IOException if the source ended wrongly, such as an {@link AudioFormatException}
     */
    protected void ended() throws IOException {
    }

    /**
     * The frames delivered so far.
     *
     * @return mono samples read by the caller
     */
    protected final long delivered() {
        return delivered;
    }

    /**
     * The check of a file whose header states its length and that must hold some audio: fewer frames than the
     * header declares is {@link #truncated}, none at all is no audio.
     *
     * @param unit what the messages count, {@code frames} or {@code samples}
     * @param noAudio the problem when the file holds no audio, such as {@code no audio: the file holds no samples}
     * @throws AudioFormatException if the file ended early or held nothing
     */
    protected final void requireDeclaredLength(String unit, String noAudio) throws AudioFormatException {
        if (declared != UNBOUNDED && delivered < declared) {
            throw truncated(unit, "");
        }
        requireSomeAudio(noAudio);
    }

    /**
     * Fails a stream that delivered nothing.
     *
     * @param noAudio the problem, such as {@code no audio: ffmpeg decoded no samples}
     * @throws AudioFormatException if no sample was delivered
     */
    protected final void requireSomeAudio(String noAudio) throws AudioFormatException {
        if (delivered == 0) {
            throw new AudioFormatException(info.file, noAudio);
        }
    }

    /**
     * The one wording of a file cut short: {@code truncated: the file ends after N samples of the M its header
     * declares}, without the second part where the header declares no length.
     *
     * @param unit what it counts, {@code frames} or {@code samples}
     * @param detail what follows, such as {@code , inside a FLAC frame}, or empty
     * @return the exception, naming the file
     */
    protected final AudioFormatException truncated(String unit, String detail) {
        String of = declared != UNBOUNDED ? " of the " + declared + " its header declares" : "";
        return new AudioFormatException(info.file, "truncated: the file ends after " + delivered + " " + unit + of
            + detail);
    }
}
