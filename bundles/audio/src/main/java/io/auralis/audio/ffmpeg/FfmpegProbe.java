package io.auralis.audio.ffmpeg;

import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the header of a file in a format other than WAV with {@code ffprobe}: codec, rate, channels, and the
 * length when the container states it.
 */
public final class FfmpegProbe {

    /** ffprobe reads headers only; a file that keeps it busy longer is broken or on a hung file system. */
    private static final long TIMEOUT_SECONDS = 60;

    private FfmpegProbe() {
    }

    /**
     * Probes the first audio stream of a file.
     *
     * @param ffprobe the ffprobe executable
     * @param file the file
     * @param format the container name to report when ffprobe does not name one, or {@code null}
     * @return the stream's description
     * @throws FfprobeFailedException if ffprobe cannot read the file
     * @throws AudioFormatException if ffprobe finds no audio stream in it
     * @throws IOException if ffprobe cannot be run
     */
    public static AudioInfo probe(Path ffprobe, Path file, String format) throws IOException {
        return probe(ffprobe, file, format, Duration.ofSeconds(TIMEOUT_SECONDS));
    }

    /**
     * Probes the first audio stream of a file, giving up when ffprobe takes longer than a limit.
     *
     * @param ffprobe the ffprobe executable
     * @param file the file
     * @param format the container name to report when ffprobe does not name one, or {@code null}
     * @param timeout how long ffprobe may take
     * @return the stream's description
     * @throws FfprobeFailedException if ffprobe cannot read the file
     * @throws AudioFormatException if ffprobe finds no audio stream in it, or does not finish in time
     * @throws IOException if ffprobe cannot be run
     */
    public static AudioInfo probe(Path ffprobe, Path file, String format, Duration timeout) throws IOException {
        String name = file.toString();
        String input = FfmpegStream.input(file);
        Process process = new ProcessBuilder(List.of(ffprobe.toString(), "-v", "error", "-select_streams", "a:0",
            "-show_entries", "stream=codec_name,sample_rate,channels,time_base,duration_ts,duration"
                + ":format=format_name,duration", "-of", "flat", input))
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
        process.getOutputStream().close();
        StderrTail stderr = new StderrTail(process.getErrorStream(), "ffprobe " + name);
        // Read on its own thread: reading here first would wait for ffprobe to end, and the timeout never fire.
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = process.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, command -> {
            Thread t = new Thread(command, "ffprobe " + name);
            t.setDaemon(true);
            t.start();
        });
        String out;
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new AudioFormatException(name, "ffprobe did not finish within " + timeout.toSeconds() + " s");
            }
            out = stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while probing " + name);
        } catch (ExecutionException | TimeoutException e) {
            // ffprobe ended but something it started keeps its output open, or reading it failed.
            kill(process);
            throw new IOException(name + ": cannot read ffprobe's output: " + e, e);
        }
        if (process.exitValue() != 0) {
            throw new FfprobeFailedException(name, stderr.lastLine(input, 1000));
        }
        Map<String, String> values = parseFlat(out);
        String codec = values.get("streams.stream.0.codec_name");
        String container = values.get("format.format_name");
        if (codec == null) {
            throw new AudioFormatException(name, "no audio stream"
                + (container != null ? " (ffprobe sees a '" + container + "' file)" : ""));
        }
        AudioInfo info = new AudioInfo();
        info.file = name;
        info.format = format != null ? format : container;
        info.encoding = codec;
        info.sampleRate = (int) number(values.get("streams.stream.0.sample_rate"), 0);
        info.channels = (int) number(values.get("streams.stream.0.channels"), 0);
        if (info.sampleRate <= 0 || info.channels <= 0) {
            throw new AudioFormatException(name, noDecodableStream(format, codec));
        }
        // Exact only when the stream counts time in samples (FLAC, WAV, Ogg); MP3 and M4A durations are estimates.
        long durationTs = (long) number(values.get("streams.stream.0.duration_ts"), -1);
        if (durationTs >= 0 && ("1/" + info.sampleRate).equals(values.get("streams.stream.0.time_base"))) {
            info.frames = durationTs;
        }
        double duration = number(values.get("streams.stream.0.duration"), -1);
        info.durationSeconds = duration >= 0 ? duration : number(values.get("format.duration"), -1);
        return info;
    }

    /** Ends ffprobe and anything it started, so that nothing holds its output open. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * The problem when ffprobe names a stream but no rate or channels for it. That is what ffprobe does with any
     * bytes in a file whose extension names a format (random bytes called {@code .flac}): it trusts the name, finds
     * no frame, and reports 0 channels at 0 Hz, which would tell a user nothing.
     *
     * @param format the format the caller detected, or {@code null}
     * @param codec the codec ffprobe named for the stream
     * @return the problem, without the file name
     */
    static String noDecodableStream(String format, String codec) {
        String what = format != null ? format : codec;
        return "not a valid " + what.toUpperCase(Locale.ROOT) + " file (ffprobe found no decodable audio stream)";
    }

    /** Parses {@code key=value} lines of ffprobe's flat writer; string values are quoted. */
    static Map<String, String> parseFlat(String text) {
        Map<String, String> values = new HashMap<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(line.substring(0, eq).strip(), value);
        }
        return values;
    }

    private static double number(String value, double fallback) {
        if (value == null || value.equals("N/A")) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
