package io.auralis.audio.ffmpeg;

import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioInfo;
import io.auralis.audio.pcm.PcmEncoding;
import io.auralis.audio.pcm.PcmStream;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decodes a file with an {@code ffmpeg} child process that writes raw 32-bit float samples to its standard
 * output, read here as they come, so a file of any length streams through a fixed buffer.
 *
 * <p>ffmpeg delivers every channel at the source rate the probe found; downmixing and resampling happen in
 * this bundle, exactly as for WAV, so a file decodes to the same samples whichever path it takes.
 */
public final class FfmpegStream extends PcmStream {

    private static final int CHUNK_BYTES = 1 << 16;

    private final Process process;
    private final StderrTail stderr;
    private final String input;

    private FfmpegStream(Process process, AudioInfo info, String input) {
        // ffmpeg's output: 32-bit little-endian floats, downmixed and converted like WAV's samples. The probe's
        // length is an estimate: ffmpeg's exit status, not a count, says whether the audio is whole.
        super(info, UNBOUNDED, Channels.newChannel(process.getInputStream()), PcmEncoding.FLOAT_32, info.channels,
            ByteOrder.LITTLE_ENDIAN, CHUNK_BYTES);
        this.process = process;
        this.stderr = new StderrTail(process.getErrorStream(), "ffmpeg " + info.file);
        this.input = input;
    }

    /**
     * Starts decoding.
     *
     * @param ffmpeg the ffmpeg executable
     * @param file the file
     * @param info what a probe found: the stream is decoded at {@code info.sampleRate} with
     *     {@code info.channels} channels
     * @return the stream, at the source's rate; the caller must close it
     * @throws IOException if ffmpeg cannot be started
     */
    public static FfmpegStream open(Path ffmpeg, Path file, AudioInfo info) throws IOException {
        String input = input(file);
        Process process = new ProcessBuilder(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-v", "error",
            "-i", input, "-map", "0:a:0", "-vn", "-sn", "-dn", "-f", "f32le", "-acodec", "pcm_f32le",
            "-ac", Integer.toString(info.channels), "-ar", Integer.toString(info.sampleRate), "pipe:1"))
            .start();
        process.getOutputStream().close();
        return new FfmpegStream(process, info, input);
    }

    /**
     * The input argument for a file: an absolute {@code file:} URL, so that a name starting with {@code -} is
     * not read as an option and one containing {@code :} is not read as a protocol.
     *
     * @param file the file
     * @return the argument
     */
    static String input(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    /** At the end of ffmpeg's output: its exit status says whether that was the end of the audio or an error. */
    @Override
    protected void ended() throws IOException {
        int status;
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AudioFormatException(info().file, "ffmpeg closed its output but did not exit");
            }
            status = process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while decoding " + info().file);
        }
        if (status != 0) {
            throw new AudioFormatException(info().file, "ffmpeg cannot decode it: " + stderr.lastLine(input, 1000));
        }
        requireSomeAudio("no audio: ffmpeg decoded no samples");
    }

    @Override
    public void close() throws IOException {
        // Closing early (a caller that stops reading) must not leave ffmpeg running.
        if (process.isAlive()) {
            process.destroy();
        }
        super.close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
