package io.auralis.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioInfo;
import io.auralis.api.audio.AudioStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * FLAC through the embedded pure-Java decoder, with ffmpeg deliberately absent: each file decodes to exactly the
 * samples of the WAV holding the same integers, at its own rate and through the resampler, streaming.
 */
class FlacDecodingTest {

    @TempDir
    Path dir;

    private final AudioDecoderComponent decoder = new AudioDecoderComponent("ffmpeg-that-is-not-installed");

    private float[] decode(Path file, int rate, int bufferSize) throws IOException {
        try (AudioStream stream = decoder.open(file, rate)) {
            assertEquals(rate, stream.sampleRate());
            return Samples.readAll(stream, bufferSize);
        }
    }

    /** A tone with noise, so the encoder uses prediction and Rice coding, within {@code bits}. */
    static int[] signal(int frames, int channels, int bits, long seed) {
        Random random = new Random(seed);
        int peak = (1 << (bits - 1)) - 1;
        int[] values = new int[frames * channels];
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                double tone = 0.6 * Math.sin(2 * Math.PI * (440 + 110 * c) * f / 44100.0);
                double noise = 0.05 * random.nextGaussian();
                values[f * channels + c] = (int) Math.max(-peak - 1, Math.min(peak, Math.round((tone + noise) * peak)));
            }
        }
        return values;
    }

    static byte[] wavData(int[] values, int bits) {
        return switch (bits) {
            case 8 -> TestWav.pcm8(Arrays.stream(values).map(v -> v + 128).toArray());
            case 16 -> TestWav.pcm16(values);
            default -> TestWav.pcm24(values);
        };
    }

    @ParameterizedTest(name = "{0} bits, {1} channels, {2} Hz")
    @CsvSource({"16, 2, 44100", "24, 1, 48000", "8, 1, 8000", "16, 3, 16000"})
    void flacDecodesToTheSamplesOfTheWavItWasMadeFrom(int bits, int channels, int rate) throws IOException {
        int[] values = signal(rate / 2 + 1234, channels, bits, bits);
        Path wav = TestWav.pcm(bits).channels(channels).rate(rate).data(wavData(values, bits)).write(dir, "a.wav");
        Path flac = TestFlac.encode(dir.resolve("a.flac"), values, channels, rate, bits);
        assertArrayEquals(decode(wav, rate, 4096), decode(flac, rate, 4096), "at the file's own rate");
        assertArrayEquals(decode(wav, 16000, 4096), decode(flac, 16000, 4096), "resampled to 16 kHz");
    }

    @Test
    void probeReportsWhatStreamInfoSays() throws IOException {
        Path flac = TestFlac.encode(dir.resolve("a.flac"), signal(44100, 2, 16, 1), 2, 44100, 16);
        AudioInfo info = decoder.probe(flac);
        assertEquals("flac", info.format);
        assertEquals("flac16", info.encoding);
        assertEquals(44100, info.sampleRate);
        assertEquals(2, info.channels);
        assertEquals(44100, info.frames);
        assertEquals(1.0, info.durationSeconds, 1e-9);
        try (AudioStream stream = decoder.open(flac, 16000)) {
            assertEquals(44100, stream.info().frames);
        }
    }

    @Test
    void tinyAndHugeReadsDeliverTheSameSamples() throws IOException {
        Path flac = TestFlac.encode(dir.resolve("a.flac"), signal(30_001, 2, 16, 2), 2, 44100, 16);
        float[] huge = decode(flac, 44100, 1 << 20);
        assertEquals(30_001, huge.length);
        assertArrayEquals(huge, decode(flac, 44100, 1));
        assertArrayEquals(huge, decode(flac, 44100, 4095));
    }

    @Test
    void theContentDecidesNotTheName() throws IOException {
        int[] values = signal(5000, 1, 16, 3);
        Path flac = TestFlac.encode(dir.resolve("disguised.wav"), values, 1, 16000, 16);
        Path wav = TestWav.pcm(16).data(TestWav.pcm16(values)).write(dir, "real.wav");
        assertArrayEquals(decode(wav, 16000, 4096), decode(flac, 16000, 4096));
        assertEquals("flac", decoder.probe(flac).format);
    }

    @Test
    void anHourOfFlacStreamsInBoundedMemory() throws IOException {
        // 3516 frames of 4096 samples at 8 kHz: an hour (28.8 million samples, 115 MB as floats) in 39 KB.
        int frames = 3516;
        Path flac = TestFlac.constantFrames(dir.resolve("hour.flac"), 8000, frames, 1000, -2000, 3000);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        try (AudioStream stream = decoder.open(flac, 8000)) {
            assertEquals(frames * 4096L, stream.info().frames);
            float[] buffer = new float[10_000];
            long read = 0;
            long peakUsed = 0;
            int n;
            while ((n = stream.read(buffer, 0, buffer.length)) > 0) {
                for (int i = 0; i < n; i++) {
                    long sample = read + i;
                    int expected = new int[] {1000, -2000, 3000}[(int) (sample / 4096 % 3)];
                    if (buffer[i] != expected / 32768f) {
                        throw new AssertionError("sample " + sample + " is " + buffer[i]);
                    }
                }
                read += n;
                if (read % 5_000_000 < n) {
                    System.gc();
                    peakUsed = Math.max(peakUsed, runtime.totalMemory() - runtime.freeMemory());
                }
            }
            assertEquals(frames * 4096L, read);
            // A decoder that kept what it decoded would hold 115 MB by the end.
            long grown = peakUsed - before;
            assertTrue(grown < 32 << 20, "the heap grew by " + (grown >> 20) + " MB while streaming");
        }
    }

    @Test
    void aTruncatedFileSaysHowFarItGot() throws IOException {
        byte[] whole = Files.readAllBytes(TestFlac.encode(dir.resolve("a.flac"), signal(40_000, 1, 16, 4), 1,
            16000, 16));
        Path cut = Files.write(dir.resolve("cut.flac"), Arrays.copyOf(whole, whole.length / 2));
        Samples.failsWhileDecoding(decoder, cut, "truncated: the file ends after ");
        Samples.failsWhileDecoding(decoder, cut, " of the 40000 its header declares, inside a FLAC frame");
    }

    @Test
    void aFileCutAtAFrameBoundaryIsTruncatedToo() throws IOException {
        Path whole = TestFlac.constantFrames(dir.resolve("a.flac"), 16000, 10, 7);
        byte[] bytes = Files.readAllBytes(whole);
        // 42 bytes of header, then frames of 11 bytes: keep four.
        Path cut = Files.write(dir.resolve("cut.flac"), Arrays.copyOf(bytes, 42 + 4 * 11));
        Samples.failsWhileDecoding(decoder, cut,
            "truncated: the file ends after 16384 samples of the 40960 its header declares");
    }

    @Test
    void aDamagedFrameIsCorruptNotSilence() throws IOException {
        byte[] bytes = Files.readAllBytes(TestFlac.encode(dir.resolve("a.flac"), signal(40_000, 2, 16, 5), 2,
            16000, 16));
        bytes[bytes.length / 2] ^= 0x10;
        Samples.failsWhileDecoding(decoder, Files.write(dir.resolve("damaged.flac"), bytes),
            "corrupt FLAC audio after ");
    }

    @Test
    void aTruncatedHeaderIsReportedByProbeAndOpen() throws IOException {
        Path file = Files.write(dir.resolve("x.flac"), new byte[] {'f', 'L', 'a', 'C', 0, 0, 0, 34, 16, 0});
        for (var call : java.util.List.<org.junit.jupiter.api.function.Executable>of(() -> decoder.probe(file),
                () -> decoder.open(file, 16000))) {
            AudioFormatException e = assertThrows(AudioFormatException.class, call);
            assertEquals(file + ": truncated FLAC header", e.getMessage());
        }
    }

    @Test
    void moreBitsThanTheDecoderReadsNeedFfmpeg() throws IOException {
        byte[] bytes = Files.readAllBytes(TestFlac.constantFrames(dir.resolve("a.flac"), 16000, 2, 7));
        bytes[20] |= 1; // STREAMINFO's bits-per-sample field: 16 becomes 32
        Path file = Files.write(dir.resolve("deep.flac"), bytes);
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> decoder.open(file, 16000));
        assertEquals(file + ": unsupported FLAC: 32 bits per sample (the built-in decoder reads 4 to 24); decoding "
            + "it needs ffmpeg, which is not installed (install it, e.g. apt-get install ffmpeg)", e.getMessage());
    }
}
