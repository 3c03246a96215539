package io.auralis.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioInfo;
import io.auralis.api.audio.AudioStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeDecoderTest {
    @TempDir
    Path dir;

    private static float[] readAll(AudioStream stream, int[] largestRead) throws IOException {
        float[] all = new float[0];
        float[] buffer = new float[4096];
        for (int n; (n = stream.read(buffer, 0, buffer.length)) >= 0; ) {
            largestRead[0] = Math.max(largestRead[0], n);
            all = Arrays.copyOf(all, all.length + n);
            System.arraycopy(buffer, 0, all, all.length - n, n);
        }
        return all;
    }

    @Test
    void aFakeFileSaysWhatItClaimsAndDeliversItsIndicesAtTheRateAskedInPartialReads() throws IOException {
        FakeDecoder decoder = new FakeDecoder();
        Path file = FakeDecoder.write(dir.resolve("in/a.wav"), "frames=2500 rate=44100 channels=2");
        AudioInfo probed = decoder.probe(file);
        assertEquals(44100, probed.sampleRate);
        assertEquals(2, probed.channels);
        assertEquals(2500 / 16000.0, probed.durationSeconds, 1e-12);
        int[] largest = {0};
        try (AudioStream stream = decoder.open(file, 8000)) {
            assertEquals(8000, stream.sampleRate());
            assertEquals(2500 / 8000.0, stream.info().durationSeconds, 1e-12);
            float[] samples = readAll(stream, largest);
            assertEquals(2500, samples.length);
            for (int i = 0; i < samples.length; i++) {
                assertEquals(i, samples[i]);
            }
        }
        assertEquals(1000, largest[0], "reads are cut to maxRead");
        assertEquals(1, decoder.opened.get());
        assertEquals(1, decoder.closed.get());
    }

    @Test
    void rejectedMissingAndTruncatedFilesFailAsADecoderWould() throws IOException {
        FakeDecoder decoder = new FakeDecoder();
        Path text = FakeDecoder.write(dir.resolve("text.wav"), "reject");
        assertEquals(text + ": not an audio file (fake)",
            assertThrows(AudioFormatException.class, () -> decoder.probe(text)).getMessage());
        Path missing = dir.resolve("missing.wav");
        assertEquals(missing + ": no such file",
            assertThrows(AudioFormatException.class, () -> decoder.open(missing, 16000)).getMessage());
        Path cut = FakeDecoder.write(dir.resolve("cut.wav"), "frames=5000 truncated-at=1500");
        try (AudioStream stream = decoder.open(cut, 16000)) {
            AudioFormatException e = assertThrows(AudioFormatException.class, () -> readAll(stream, new int[1]));
            assertEquals(cut + ": truncated: data ends at sample 1500", e.getMessage());
        }
    }

    @Test
    void servingDecodesEveryPathToTheGivenSamplesInOneRead() throws IOException {
        float[] given = {0.5f, -0.25f, 1, 0, 0.125f};
        FakeDecoder decoder = FakeDecoder.serving(given);
        given[0] = 9;
        int[] largest = {0};
        try (AudioStream stream = decoder.open(Path.of("nowhere.wav"), 22050)) {
            assertArrayEquals(new float[] {0.5f, -0.25f, 1, 0, 0.125f}, readAll(stream, largest));
            assertEquals(22050, stream.sampleRate());
        }
        assertEquals(5, largest[0]);
        assertEquals(5 / 16000.0, decoder.probe(Path.of("elsewhere.wav")).durationSeconds, 1e-12);
    }
}
