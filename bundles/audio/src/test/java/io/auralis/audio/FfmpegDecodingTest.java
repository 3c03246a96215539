package io.auralis.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioInfo;
import io.auralis.api.audio.AudioStream;
import io.auralis.audio.ffmpeg.FfmpegTools;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Formats that only ffmpeg decodes, through an installed ffmpeg; skipped where ffmpeg is not installed. WavPack
 * stands in for a lossless format here, since FLAC no longer goes to ffmpeg.
 */
class FfmpegDecodingTest {

    @TempDir
    static Path dir;

    private static Path wav;
    private static float[] wavAt16k;

    private final AudioDecoderComponent decoder = new AudioDecoderComponent("ffmpeg");

    @BeforeAll
    static void needsFfmpeg() throws IOException {
        FfmpegTools tools = new FfmpegTools("ffmpeg");
        assumeTrue(tools.ffmpeg().isPresent() && tools.ffprobe().isPresent(), "ffmpeg is not installed");
        // Stereo, 44.1 kHz, 16-bit: a 1 kHz tone left, a 1 kHz tone of half the amplitude right.
        int frames = 44100;
        int[] interleaved = new int[2 * frames];
        float[] sine = TestWav.sine(1000, 0.5, 44100, frames);
        for (int i = 0; i < frames; i++) {
            interleaved[2 * i] = Math.round(sine[i] * 32767);
            interleaved[2 * i + 1] = Math.round(sine[i] * 16383);
        }
        wav = TestWav.pcm(16).channels(2).rate(44100).data(TestWav.pcm16(interleaved)).write(dir, "tone.wav");
        try (AudioStream stream = new AudioDecoderComponent("ffmpeg").open(wav, 16000)) {
            wavAt16k = Samples.readAll(stream, 4096);
        }
    }

    private static Path convert(String name, String... codecArgs) throws IOException {
        Path out = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-i",
            wav.toString()));
        command.addAll(List.of(codecArgs));
        command.add(out.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg failed: " + log);
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        return out;
    }

    private float[] decode(Path file, int rate, int bufferSize) throws IOException {
        try (AudioStream stream = decoder.open(file, rate)) {
            assertEquals(rate, stream.sampleRate());
            return Samples.readAll(stream, bufferSize);
        }
    }

    @Test
    void losslessWavPackDecodesToTheSameSamplesAsTheWav() throws IOException {
        Path wv = convert("tone.wv");
        assertArrayEquals(wavAt16k, decode(wv, 16000, 4096), 1e-6f);
        AudioInfo info = decoder.probe(wv);
        assertEquals("wavpack", info.format);
        assertEquals("wavpack", info.encoding);
        assertEquals(44100, info.sampleRate);
        assertEquals(2, info.channels);
        assertEquals(1.0, info.durationSeconds, 1e-3);
    }

    @Test
    void tinyAndHugeReadsOfAnFfmpegStreamAgree() throws IOException {
        Path wv = convert("sizes.wv");
        assertArrayEquals(decode(wv, 44100, 1 << 20), decode(wv, 44100, 1));
    }

    @Test
    void mp3KeepsItsToneAndRoughlyItsLength() throws IOException {
        Path mp3 = convert("tone.mp3", "-b:a", "128k");
        AudioInfo info = decoder.probe(mp3);
        assertEquals("mp3", info.format);
        assertEquals("mp3", info.encoding);
        assertEquals(44100, info.sampleRate);
        float[] out = decode(mp3, 16000, 4096);
        // MP3 frames add encoder delay and padding that gapless metadata removes only approximately.
        assertEquals(16000, out.length, 1200);
        assertEquals(1000, ResamplingTest.zeroCrossingFrequency(out, 16000, 1000), 0.5);
        // Lossy: LAME at 128 kb/s itself leaves this tone about 5% quieter (ffmpeg's own decode shows the same).
        assertEquals(0.75 * 0.5 / Math.sqrt(2), ResamplingTest.rms(out, 1000, out.length - 1000), 0.03);
    }

    @Test
    void adpcmWavIsHandedToFfmpeg() throws IOException {
        Path adpcm = convert("adpcm.wav", "-c:a", "adpcm_ms");
        AudioInfo info = decoder.probe(adpcm);
        assertEquals("adpcm_ms", info.encoding);
        float[] out = decode(adpcm, 16000, 4096);
        assertEquals(1000, ResamplingTest.zeroCrossingFrequency(out, 16000, 500), 0.5);
    }

    @Test
    void theContentDecidesNotTheName() throws IOException {
        Path wv = convert("disguised.wv");
        Path named = Files.move(wv, dir.resolve("disguised-as.wav"));
        assertArrayEquals(wavAt16k, decode(named, 16000, 4096), 1e-6f);
    }

    @Test
    void aCorruptFileGivesOneLineNamingIt() throws IOException {
        byte[] garbage = new byte[4000];
        new java.util.Random(1).nextBytes(garbage);
        garbage[0] = 'w';
        garbage[1] = 'v';
        garbage[2] = 'p';
        garbage[3] = 'k';
        Path bad = Files.write(dir.resolve("bad.wv"), garbage);
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> decode(bad, 16000, 4096));
        assertEquals(bad.toString(), e.file());
        assertTrue(e.getMessage().startsWith(bad + ": "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void closingEarlyStopsFfmpeg() throws IOException {
        Path wv = convert("early.wv");
        try (AudioStream stream = decoder.open(wv, 16000)) {
            stream.read(new float[10], 0, 10);
        }
        long running = ProcessHandle.current().children()
            .filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false)).count();
        assertEquals(0, running);
    }
}
