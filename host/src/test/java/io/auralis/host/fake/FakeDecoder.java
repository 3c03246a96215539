package io.auralis.host.fake;

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
 * A decoder for tests. Its "audio files" are small text files of {@code key=value} words:
 * {@code frames=N} (samples delivered at the requested rate), {@code rate=R} and {@code channels=C} (what the
 * source claims), {@code reject} (the file is not audio), {@code truncated-at=N} (reading fails after N samples).
 * Sample {@code i} has the value {@code i}, so tests can see exactly which samples a block holds. Reads return at
 * most {@link #maxRead} samples, to exercise partial reads.
 */
public final class FakeDecoder implements AudioDecoder {
    /** Streams opened. */
    public final AtomicInteger opened = new AtomicInteger();

    /** Streams closed. */
    public final AtomicInteger closed = new AtomicInteger();

    /** The most samples one read returns. */
    public volatile int maxRead = 1000;

    /**
     * Writes a fake audio file.
     *
     * @param file where
     * @param spec its words, such as {@code frames=16000 rate=44100 channels=2}
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path write(Path file, String spec) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, spec);
    }

    private static Map<String, String> spec(Path file) throws IOException {
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

    @Override
    public AudioInfo probe(Path file) throws IOException {
        return info(file, spec(file), 16000);
    }

    private static AudioInfo info(Path file, Map<String, String> words, int rate) {
        AudioInfo info = new AudioInfo();
        info.file = file.toString();
        info.format = "fake";
        info.sampleRate = Integer.parseInt(words.getOrDefault("rate", Integer.toString(rate)));
        info.channels = Integer.parseInt(words.getOrDefault("channels", "1"));
        long frames = Long.parseLong(words.get("frames"));
        info.durationSeconds = frames / (double) rate;
        return info;
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
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = position + i;
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
