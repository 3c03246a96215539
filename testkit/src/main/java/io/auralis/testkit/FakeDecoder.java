package io.auralis.testkit;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioInfo;
import io.auralis.api.audio.AudioStream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link AudioDecoder} that serves generated samples, for tests of what consumes audio rather than decodes it: a
 * batch over many files, a command, a writer, an extractor run through the host's engine. It delivers exactly as
 * many samples as a file asks for at whatever rate the caller asks, so that a test can see which samples a block
 * holds, and it can stage a file that is not audio or one that breaks off part-way without writing real audio.
 *
 * <p>Its "audio files" are small text files of {@code key=value} words, written with {@link #write}:
 * <ul>
 * <li>{@code frames=N}: the samples delivered at the requested rate (required);</li>
 * <li>{@code rate=R} and {@code channels=C}: what the source claims to be ({@link AudioInfo}; 16000 Hz and 1 unless
 * given);</li>
 * <li>{@code reject}: the file is not audio (an {@link AudioFormatException}, as a file without {@code frames});</li>
 * <li>{@code truncated-at=N}: reading fails with an {@link AudioFormatException} after {@code N} samples.</li>
 * </ul>
 * Sample {@code i} has the value {@code i}. A decoder made with {@link #serving} instead decodes every path, whether
 * or not a file lies there, to the samples it was given. Reads return at most {@link #maxRead} samples, to exercise
 * partial reads as real decoders do, and the decoder counts the streams it opened and that were closed.
 *
 * <pre>{@code
 * FakeDecoder decoder = new FakeDecoder();
 * FakeDecoder.write(dir.resolve("a.wav"), "frames=32000 rate=44100 channels=2");
 * FakeDecoder.write(dir.resolve("b.wav"), "reject");
 * }</pre>
 */
public final class FakeDecoder implements AudioDecoder {
    /** Streams opened. */
    public final AtomicInteger opened = new AtomicInteger();

    /** Streams closed. */
    public final AtomicInteger closed = new AtomicInteger();

    /** The most samples one read returns: 1000, or no limit for a decoder {@link #serving} given samples. */
    public volatile int maxRead = 1000;

    /** Every path's samples, or {@code null} for sample {@code i} of value {@code i} as many as a file says. */
    private final float[] samples;

    /** A decoder of the files {@link #write} writes. */
    public FakeDecoder() {
        this.samples = null;
    }

    private FakeDecoder(float[] samples) {
        this.samples = samples.clone();
        this.maxRead = Integer.MAX_VALUE;
    }

    /**
     * A decoder that decodes every path to the same samples, mono and already at whatever rate is asked.
     *
     * @param samples the audio, copied
     * @return the decoder
     */
    public static FakeDecoder serving(float[] samples) {
        return new FakeDecoder(samples);
    }

    /**
     * Writes a fake audio file.
     *
     * @param file where; missing folders are created
     * @param spec its words, such as {@code frames=16000 rate=44100 channels=2}
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path write(Path file, String spec) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, spec);
    }

    private Map<String, String> spec(Path file) throws IOException {
        if (samples != null) {
            return Map.of("frames", Integer.toString(samples.length));
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new AudioFormatException(file.toString(), "no such file");
        }
        Map<String, String> words = new HashMap<>();
        for (String w : text.trim().split("\\s+")) {
            int eq = w.indexOf('=');
            words.put(eq < 0 ? w : w.substring(0, eq), eq < 0 ? "" : w.substring(eq + 1));
        }
        if (words.containsKey("reject") || !words.containsKey("frames")) {
            throw new AudioFormatException(file.toString(), "not an audio file (fake)");
        }
        return words;
    }

    private static AudioInfo info(Path file, Map<String, String> words, int rate) {
        AudioInfo info = new AudioInfo();
        info.file = file.toString();
        info.format = "fake";
        info.sampleRate = Integer.parseInt(words.getOrDefault("rate", Integer.toString(rate)));
        info.channels = Integer.parseInt(words.getOrDefault("channels", "1"));
        info.durationSeconds = Long.parseLong(words.get("frames")) / (double) rate;
        return info;
    }

    /** What the file claims, its duration as if at 16000 Hz, the rate a host analyses at unless told. */
    @Override
    public AudioInfo probe(Path file) throws IOException {
        return info(file, spec(file), 16000);
    }

    @Override
    public AudioStream open(Path file, int sampleRate) throws IOException {
        Map<String, String> words = spec(file);
        AudioInfo info = info(file, words, sampleRate);
        long frames = Long.parseLong(words.get("frames"));
        long truncatedAt = Long.parseLong(words.getOrDefault("truncated-at", "-1"));
        opened.incrementAndGet();
        return new AudioStream() {
            private long position;

            @Override
            public AudioInfo info() {
                return info;
            }

            @Override
            public int sampleRate() {
                return sampleRate;
            }

            @Override
            public int read(float[] buffer, int offset, int length) throws IOException {
                if (truncatedAt >= 0 && position >= truncatedAt) {
                    throw new AudioFormatException(file.toString(), "truncated: data ends at sample " + truncatedAt);
                }
                if (position >= frames) {
                    return -1;
                }
                int n = (int) Math.min(Math.min(length, maxRead), frames - position);
                if (samples != null) {
                    System.arraycopy(samples, (int) position, buffer, offset, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        buffer[offset + i] = position + i;
                    }
                }
                position += n;
                return n;
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    }
}
