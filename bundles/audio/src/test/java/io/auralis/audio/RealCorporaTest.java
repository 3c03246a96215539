package io.auralis.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.auralis.api.audio.AudioInfo;
import io.auralis.api.audio.AudioStream;
import io.auralis.testkit.Corpora;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decodes the real speech corpora in {@code ../shared/data} (see its README); skipped where they are absent,
 * as in a user's checkout.
 */
class RealCorporaTest {

    private final AudioDecoderComponent decoder = new AudioDecoderComponent("ffmpeg");

    /** Where the corpora lie, as the test kit finds them. */
    static Path dataFolder() {
        return Corpora.dataFolder();
    }

    private static List<Path> wavFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".wav")).sorted()
                .collect(Collectors.toList());
        }
    }

    /** Decodes a file at 16 kHz and checks it against its probed header; returns the peak magnitude. */
    private float decodeAndCheck(Path file) throws IOException {
        AudioInfo info = decoder.probe(file);
        long expected = Math.round(info.frames * 16000.0 / info.sampleRate);
        long total = 0;
        float peak = 0;
        float[] buffer = new float[8192];
        try (AudioStream stream = decoder.open(file, 16000)) {
            int n;
            while ((n = stream.read(buffer, 0, buffer.length)) > 0) {
                for (int i = 0; i < n; i++) {
                    peak = Math.max(peak, Math.abs(buffer[i]));
                }
                total += n;
            }
        }
        assertEquals(expected, total, file.toString());
        return peak;
    }

    @Test
    void everyEmoDbFileDecodesIncludingThoseWithAPaddingChunk() throws IOException {
        Path folder = dataFolder().resolve("emodb/wav");
        assumeTrue(Files.isDirectory(folder), "EmoDB is not in " + folder);
        List<Path> files = wavFiles(folder);
        assertEquals(535, files.size());
        for (Path file : files) {
            assertTrue(decodeAndCheck(file) > 0.01f, file + " decodes to silence");
        }
        // 14a07Aa.wav carries a 4044-byte PAD chunk before data; read as a 44-byte header it would start with
        // 2022 zero samples. Its data chunk holds 65910 bytes, starting with the samples 0, -14, -7, -21.
        Path padded = folder.resolve("14a07Aa.wav");
        AudioInfo info = decoder.probe(padded);
        assertEquals(16000, info.sampleRate);
        assertEquals(1, info.channels);
        assertEquals("pcm16", info.encoding);
        assertEquals(32955, info.frames);
        try (AudioStream stream = decoder.open(padded, 16000)) {
            float[] start = new float[4];
            assertEquals(4, stream.read(start, 0, 4));
            assertArrayEquals(new float[] {0f, -14 / 32768f, -7 / 32768f, -21 / 32768f}, start);
        }
    }

    @Test
    void aSampleOfTessDecodes() throws IOException {
        Path folder = dataFolder().resolve("tess");
        assumeTrue(Files.isDirectory(folder), "TESS is not in " + folder);
        List<Path> files = wavFiles(folder);
        assertTrue(files.size() > 2000, "only " + files.size() + " TESS files");
        for (int i = 0; i < files.size(); i += 25) {
            assertTrue(decodeAndCheck(files.get(i)) > 0.001f, files.get(i) + " decodes to silence");
        }
    }
}
