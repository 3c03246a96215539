package io.auralis.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioInfo;
import io.auralis.api.audio.AudioStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audio read front to back from a stream ({@code analyze -}): WAV with a pipe's header, and raw PCM. */
class StreamDecodingTest {

    private final AudioDecoderComponent decoder = new AudioDecoderComponent("no-such-ffmpeg");

    @TempDir
    Path dir;

    private static byte[] tone(int frames) {
        int[] values = new int[frames];
        for (int i = 0; i < frames; i++) {
            values[i] = (int) Math.round(8000 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
        }
        return TestWav.pcm16(values);
    }

    private static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    @Test
    void aWavWhosePipeHeaderHidesItsSizeDecodesToTheSamplesOfTheSameFile() throws IOException {
        byte[] data = tone(5000);
        Path file = TestWav.pcm(16).data(data).write(dir, "a.wav");
        for (long placeholder : new long[] {0, 0xFFFFFFFFL}) {
            byte[] piped = TestWav.pcm(16).chunkBeforeData("LIST", new byte[37]).data(data)
                .declaredDataSize(placeholder).bytes();
            float[] expected;
            try (AudioStream s = decoder.open(file, 16000)) {
                expected = Samples.readAll(s, 1000);
            }
            try (AudioStream s = decoder.open(in(piped), "-", null, 16000)) {
                assertEquals(-1, s.info().durationSeconds, "a pipe's header does not know the duration");
                assertArrayEquals(expected, Samples.readAll(s, 777), "placeholder " + placeholder);
            }
        }
    }

    @Test
    void aWavWithAnHonestSizeStopsWhereItsDataEnds() throws IOException {
        byte[] piped = TestWav.pcm(16).data(tone(100)).chunkAfterData("LIST", new byte[400]).bytes();
        try (AudioStream s = decoder.open(in(piped), "-", null, 16000)) {
            assertEquals(100, Samples.readAll(s, 64).length);
        }
    }

    @Test
    void rawPcmIsReadInTheEncodingItIsGiven() throws IOException {
        // two channels, little- and big-endian: (1000, 3000) averages to 2000
        byte[] le = {(byte) 0xE8, 0x03, (byte) 0xB8, 0x0B};
        byte[] be = {0x03, (byte) 0xE8, 0x0B, (byte) 0xB8};
        for (var c : new Object[][] {{"s16le", le}, {"S16BE", be}}) {
            AudioInfo raw = raw(16000, 2, (String) c[0]);
            try (AudioStream s = decoder.open(in((byte[]) c[1]), "-", raw, 16000)) {
                assertArrayEquals(new float[] {2000 / 32768f}, Samples.readAll(s, 16), (String) c[0]);
                assertEquals("raw", s.info().format);
            }
        }
    }

    @Test
    void samplesArriveBeforeTheStreamEnds() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int rate : new int[] {16000, 48000}) {
                PipedOutputStream writer = new PipedOutputStream();
                PipedInputStream pipe = new PipedInputStream(writer, 1 << 20);
                byte[] wav = TestWav.pcm(16).rate(rate).data(tone(3 * rate)).declaredDataSize(0xFFFFFFFFL).bytes();
                writer.write(wav);
                // The writer stays open: a decoder that waits for the end of the stream never returns here. At
                // 48 kHz the resampler needs about 2 s of input before its first block, hence 3 s written.
                try (AudioStream s = decoder.open(pipe, "-", null, 16000)) {
                    float[] buffer = new float[4096];
                    int total = 0;
                    while (total < 8000) {
                        int n = s.read(buffer, 0, buffer.length);
                        assertTrue(n > 0, "read " + n + " after " + total + " samples at " + rate + " Hz");
                        total += n;
                    }
                    writer.close();
                    while (s.read(buffer, 0, buffer.length) > 0) {
                        // drain to the end
                    }
                }
            }
        });
    }

    @Test
    void aStreamThatIsNotWavIsRefusedWithWhatToDo() {
        byte[] flac = Arrays.copyOf("fLaC".getBytes(), 64);
        AudioFormatException e = assertThrows(AudioFormatException.class,
            () -> decoder.open(in(flac), "-", null, 16000));
        assertTrue(e.getMessage().startsWith("-: only WAV or raw PCM can be read from a stream"), e.getMessage());
        AudioFormatException empty = assertThrows(AudioFormatException.class,
            () -> decoder.open(in(new byte[0]), "-", null, 16000));
        assertEquals("-: empty stream: no audio arrived", empty.getMessage());
        AudioFormatException raw = assertThrows(AudioFormatException.class,
            () -> decoder.open(in(new byte[4]), "-", raw(16000, 1, "s12le"), 16000));
        assertTrue(raw.getMessage().contains("unknown raw encoding 's12le'"), raw.getMessage());
    }

    @Test
    void aFmtChunkAfterTheAudioCannotBeReadFromAStream() {
        byte[] wav = TestWav.pcm(16).data(tone(100)).fmtAfterData().bytes();
        AudioFormatException e = assertThrows(AudioFormatException.class,
            () -> decoder.open(in(wav), "-", null, 16000));
        assertTrue(e.getMessage().contains("must describe its samples before they start"), e.getMessage());
    }

    private static AudioInfo raw(int rate, int channels, String encoding) {
        AudioInfo raw = new AudioInfo();
        raw.sampleRate = rate;
        raw.channels = channels;
        raw.encoding = encoding;
        return raw;
    }
}
