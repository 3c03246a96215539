package io.auralis.audio.flac;

import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioInfo;
import io.auralis.audio.decode.DecodedStream;
import io.auralis.audio.ffmpeg.NeedsFfmpegException;
import io.auralis.audio.mix.MonoDownmix;

import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;
import org.jflac.metadata.StreamInfo;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams a FLAC file as mono floats at the file's own rate, one FLAC frame (at most 65,535 samples per channel)
 * in memory at a time, so a file of any length needs the same memory. Samples are scaled like WAV's (16-bit by
 * 1/32768) and channels averaged by {@link MonoDownmix}, so a FLAC decodes to exactly the samples of the WAV it
 * was made from.
 *
 * <p>The decoder is jFLAC ({@code org.jflac:jflac-codec} 1.5.2, LGPL-2.1-or-later), embedded unmodified in this
 * bundle as {@code lib/jflac-codec.jar} so that it stays replaceable, as the LGPL asks. No maintained pure-Java
 * FLAC decoder is on Maven Central, so this is the best available rather than a good choice: jFLAC is old (2017)
 * and unmaintained, but pure Java, licence-compatible and resolvable. Project Nayuki's FLAC library
 * (LGPL-3.0-or-later, updated until 2022) is not published on Central; the newer fork
 * {@code com.tianscar.javasound:javasound-flac} did not resolve from it; the rest there are encoders
 * (javaFlacEncoder, which the tests use) or Android-only. jFLAC is also lenient where we want to be strict: it
 * zeroes a frame whose CRC fails and skips a frame it cannot parse, reporting both only to its listeners. This
 * class listens, and turns any such report into an {@link AudioFormatException}, so damaged audio is never
 * analysed as silence.
 */
public final class FlacSampleStream extends DecodedStream {

    /** FLAC's STREAMINFO allows 4 to 32 bits; jFLAC's frame parser handles up to 24. */
    private static final int MAX_BITS = 24;

    private final InputStream in;
    private final FLACDecoder decoder;
    private final int channels;
    private final float scale;
    private final Errors errors;
    private float[] interleaved = new float[0];
    /** The current frame, downmixed. */
    private float[] frame = new float[0];
    private int framePosition;
    private int frameLength;

    private FlacSampleStream(InputStream in, FLACDecoder decoder, Errors errors, AudioInfo info, int bits) {
        // Stopping at the declared length matters: jFLAC would otherwise try to sync on whatever follows (an ID3v1
        // tag).
        super(info, info.frames);
        this.in = in;
        this.decoder = decoder;
        this.errors = errors;
        this.channels = info.channels;
        this.scale = 1f / (1 << (bits - 1));
    }

    /**
     * Reads a file's STREAMINFO.
     *
     * @param file the file
     * @return what it says
     * @throws NeedsFfmpegException if the samples have more bits than jFLAC decodes
     * @throws AudioFormatException if the header is cut short or invalid
     * @throws IOException if reading fails
     */
    public static AudioInfo probe(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return info(file.toString(), streamInfo(file.toString(), new FLACDecoder(in)));
        }
    }

    /**
     * Opens a file for reading: reads its metadata blocks, up to the first frame.
     *
     * @param file the file
     * @return the stream, at the file's rate; the caller must close it
     * @throws NeedsFfmpegException if the samples have more bits than jFLAC decodes
     * @throws AudioFormatException if the header is cut short or invalid
     * @throws IOException if reading fails
     */
    public static FlacSampleStream open(Path file) throws IOException {
        String name = file.toString();
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            FLACDecoder decoder = new FLACDecoder(in);
            Errors errors = new Errors();
            decoder.addFrameListener(errors);
            StreamInfo streamInfo = streamInfo(name, decoder);
            AudioInfo info = info(name, streamInfo);
            try {
                // The other metadata blocks (tags, seek table, pictures) are read and dropped, one at a time.
                decoder.readMetadata(streamInfo);
            } catch (EOFException e) {
                throw new AudioFormatException(name, "truncated: the file ends inside its FLAC metadata");
            }
            return new FlacSampleStream(in, decoder, errors, info, streamInfo.getBitsPerSample());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static StreamInfo streamInfo(String name, FLACDecoder decoder) throws IOException {
        StreamInfo streamInfo;
        try {
            streamInfo = decoder.readStreamInfo();
        } catch (EOFException e) {
            throw new AudioFormatException(name, "truncated FLAC header");
        } catch (IOException e) {
            if (e.getClass() != IOException.class) {
                throw e;
            }
            // jFLAC reports a malformed header as a plain IOException with its reason.
            throw new AudioFormatException(name, "corrupt FLAC header (" + e.getMessage() + ")");
        }
        if (streamInfo.getSampleRate() < 1) {
            throw new AudioFormatException(name, "corrupt FLAC header: a sample rate of 0 Hz");
        }
        int bits = streamInfo.getBitsPerSample();
        if (bits < 4 || bits > MAX_BITS) {
            throw new NeedsFfmpegException(name, "unsupported FLAC: " + bits + " bits per sample (the built-in "
                + "decoder reads 4 to " + MAX_BITS + ")", "FLAC audio with " + bits + " bits per sample");
        }
        return streamInfo;
    }

    private static AudioInfo info(String name, StreamInfo streamInfo) {
        AudioInfo info = new AudioInfo();
        info.file = name;
        info.format = "flac";
        info.encoding = "flac" + streamInfo.getBitsPerSample();
        info.sampleRate = streamInfo.getSampleRate();
        info.channels = streamInfo.getChannels();
        // 0 in STREAMINFO means that the encoder did not know the length (a stream written as it was recorded).
        long total = streamInfo.getTotalSamples();
        info.frames = total > 0 ? total : -1;
        info.durationSeconds = total > 0 ? total / (double) info.sampleRate : -1;
        return info;
    }

    @Override
    protected int decode(float[] buffer, int offset, int length) throws IOException {
        if (framePosition == frameLength && !nextFrame()) {
            return -1;
        }
        int n = Math.min(length, frameLength - framePosition);
        System.arraycopy(frame, framePosition, buffer, offset, n);
        framePosition += n;
        return n;
    }

    @Override
    protected void ended() throws AudioFormatException {
        requireDeclaredLength("samples", "no audio: the FLAC file holds no frames");
    }

    /**
     * Decodes the next FLAC frame into {@link #frame}; false at the end of the audio. Called only once the frame
     * before has been delivered, so {@link #delivered()} is what has been decoded.
     */
    private boolean nextFrame() throws IOException {
        errors.first = null;
        int badBefore = decoder.getBadFrames();
        Frame next = decoder.readNextFrame();
        if (errors.first != null || decoder.getBadFrames() != badBefore) {
            if (decoder.isEOF()) {
                throw truncated("samples", ", inside a FLAC frame");
            }
            throw new AudioFormatException(info().file, "corrupt FLAC audio after " + delivered() + " samples ("
                + (errors.first != null ? errors.first : "an unreadable frame") + ")");
        }
        if (next == null) {
            return false;
        }
        if (next.header.channels != channels) {
            throw new AudioFormatException(info().file, "corrupt FLAC audio: a frame after " + delivered()
                + " samples has " + next.header.channels + " channels, the header " + channels);
        }
        // The last frame may run past the declared length; what lies beyond it is never delivered.
        int samples = next.header.blockSize;
        if (frame.length < samples) {
            frame = new float[samples];
        }
        ChannelData[] data = decoder.getChannelData();
        if (channels == 1) {
            int[] mono = data[0].getOutput();
            for (int i = 0; i < samples; i++) {
                frame[i] = mono[i] * scale;
            }
        } else {
            if (interleaved.length < samples * channels) {
                interleaved = new float[samples * channels];
            }
            for (int c = 0; c < channels; c++) {
                int[] channel = data[c].getOutput();
                for (int i = 0, j = c; i < samples; i++, j += channels) {
                    interleaved[j] = channel[i] * scale;
                }
            }
            MonoDownmix.average(interleaved, samples, channels, frame, 0);
        }
        framePosition = 0;
        frameLength = samples;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Keeps the first problem jFLAC reports while a frame is read. */
    private static final class Errors implements FrameListener {
        String first;

        @Override
        public void processMetadata(Metadata metadata) {
            // Metadata blocks are not needed beyond STREAMINFO.
        }

        @Override
        public void processFrame(Frame frame) {
            // Frames are taken from readNextFrame's result.
        }

        @Override
        public void processError(String message) {
            if (first == null) {
                first = message;
            }
        }
    }
}
