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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * AIFF and Sun AU through the JDK's {@code javax.sound.sampled}, with ffmpeg deliberately absent: files written by
 * the JDK's own writers decode to exactly the samples of the WAV holding the same values.
 */
class JavaSoundDecodingTest {

    @TempDir
    Path dir;

    private final AudioDecoderComponent decoder = new AudioDecoderComponent("ffmpeg-that-is-not-installed");

    private float[] decode(Path file, int rate) throws IOException {
        try (AudioStream stream = decoder.open(file, rate)) {
            assertEquals(rate, stream.sampleRate());
            return Samples.readAll(stream, 4096);
        }
    }

    /** Writes big-endian signed PCM (or 8-bit G.711 codes) with the JDK's writer for {@code type}. */
    private Path write(String name, AudioFileFormat.Type type, AudioFormat.Encoding encoding, int bits, int channels,
                       int rate, int[] values) throws IOException {
        int bytes = bits / 8;
        ByteBuffer buffer = ByteBuffer.allocate(values.length * bytes).order(ByteOrder.BIG_ENDIAN);
        for (int v : values) {
            switch (bytes) {
                case 1 -> buffer.put((byte) v);
                case 2 -> buffer.putShort((short) v);
                case 3 -> buffer.put((byte) (v >> 16)).put((byte) (v >> 8)).put((byte) v);
                default -> buffer.putInt(v);
            }
        }
        AudioFormat format = new AudioFormat(encoding, rate, bits, channels, bytes * channels, rate, true);
        Path file = dir.resolve(name);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(buffer.array()), format,
                values.length / channels)) {
            AudioSystem.write(in, type, file.toFile());
        }
        return file;
    }

    private Path wav(int bits, int channels, int rate, int[] values) throws IOException {
        byte[] data = switch (bits) {
            case 8 -> TestWav.pcm8(Arrays.stream(values).map(v -> v + 128).toArray());
            case 16 -> TestWav.pcm16(values);
            case 24 -> TestWav.pcm24(values);
            default -> TestWav.pcm32(values);
        };
        return TestWav.pcm(bits).channels(channels).rate(rate).data(data).write(dir, "same.wav");
    }

    /** A tone with noise within {@code bits}; 32-bit samples are 24-bit ones shifted up. */
    private static int[] signal(int frames, int channels, int bits) {
        int[] values = FlacDecodingTest.signal(frames, channels, Math.min(bits, 24), bits);
        return bits == 32 ? Arrays.stream(values).map(v -> v << 8).toArray() : values;
    }

    @ParameterizedTest(name = "{0}, {1} bits, {2} channels")
    @CsvSource({"AIFF, 16, 2", "AIFF, 8, 1", "AIFF, 24, 1", "AIFF, 32, 2", "AU, 16, 1", "AU, 8, 2", "AU, 24, 2"})
    void pcmDecodesToTheSamplesOfTheWavItWasMadeFrom(String type, int bits, int channels) throws IOException {
        int[] values = signal(22050 + 17, channels, bits);
        AudioFileFormat.Type fileType = type.equals("AIFF") ? AudioFileFormat.Type.AIFF : AudioFileFormat.Type.AU;
        Path file = write("a." + fileType.getExtension(), fileType, AudioFormat.Encoding.PCM_SIGNED, bits, channels,
            44100, values);
        Path wav = wav(bits, channels, 44100, values);
        assertArrayEquals(decode(wav, 44100), decode(file, 44100), "at the file's own rate");
        assertArrayEquals(decode(wav, 16000), decode(file, 16000), "resampled to 16 kHz");
    }

    @Test
    void muLawAndALawAuDecodeLikeG711Wav() throws IOException {
        int[] codes = new int[256];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = i;
        }
        Path ulaw = write("u.au", AudioFileFormat.Type.AU, AudioFormat.Encoding.ULAW, 8, 1, 8000, codes);
        Path alaw = write("a.au", AudioFileFormat.Type.AU, AudioFormat.Encoding.ALAW, 8, 1, 8000, codes);
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        assertArrayEquals(decode(TestWav.format(7, 8).rate(8000).data(data).write(dir, "u.wav"), 8000),
            decode(ulaw, 8000));
        assertArrayEquals(decode(TestWav.format(6, 8).rate(8000).data(data).write(dir, "a.wav"), 8000),
            decode(alaw, 8000));
        assertEquals("mulaw", decoder.probe(ulaw).encoding);
        assertEquals("alaw", decoder.probe(alaw).encoding);
    }

    @Test
    void probeReportsTheHeader() throws IOException {
        Path aiff = write("a.aiff", AudioFileFormat.Type.AIFF, AudioFormat.Encoding.PCM_SIGNED, 16, 2, 22050,
            signal(22050, 2, 16));
        AudioInfo info = decoder.probe(aiff);
        assertEquals("aiff", info.format);
        assertEquals("pcm16", info.encoding);
        assertEquals(22050, info.sampleRate);
        assertEquals(2, info.channels);
        assertEquals(22050, info.frames);
        assertEquals(1.0, info.durationSeconds, 1e-9);
        Path au = write("a.au", AudioFileFormat.Type.AU, AudioFormat.Encoding.PCM_SIGNED, 24, 1, 8000,
            signal(800, 1, 24));
        assertEquals("au", decoder.probe(au).format);
        assertEquals("pcm24", decoder.probe(au).encoding);
        assertEquals(800, decoder.probe(au).frames);
    }

    @Test
    void anAiffNamedWavIsStillAiff() throws IOException {
        int[] values = signal(1000, 1, 16);
        Path aiff = write("really-aiff.wav", AudioFileFormat.Type.AIFF, AudioFormat.Encoding.PCM_SIGNED, 16, 1,
            16000, values);
        assertArrayEquals(decode(wav(16, 1, 16000, values), 16000), decode(aiff, 16000));
        assertEquals("aiff", decoder.probe(aiff).format);
    }

    @Test
    void truncatedAiffAndAuSayHowFarTheyGot() throws IOException {
        for (AudioFileFormat.Type type : new AudioFileFormat.Type[] {AudioFileFormat.Type.AIFF,
                AudioFileFormat.Type.AU}) {
            byte[] whole = Files.readAllBytes(write("a." + type.getExtension(), type, AudioFormat.Encoding.PCM_SIGNED,
                16, 2, 16000, signal(4000, 2, 16)));
            Path cut = Files.write(dir.resolve("cut." + type.getExtension()),
                Arrays.copyOf(whole, whole.length - 4001));
            Samples.failsWhileDecoding(decoder, cut, "truncated: the file ends after ");
            Samples.failsWhileDecoding(decoder, cut, " frames of the 4000 its header declares");
        }
    }

    @Test
    void aDamagedHeaderSaysJavaSoundCannotReadItAndNamesFfmpeg() throws IOException {
        byte[] bytes = Files.readAllBytes(write("a.aiff", AudioFileFormat.Type.AIFF, AudioFormat.Encoding.PCM_SIGNED,
            16, 1, 16000, signal(100, 1, 16)));
        byte[] damaged = Arrays.copyOf(bytes, 30); // the COMM chunk cut short
        Path file = Files.write(dir.resolve("damaged.aiff"), damaged);
        AudioFormatException e = Samples.failsWhileDecoding(decoder, file, "Java Sound cannot read this AIFF audio");
        assertTrue(e.problem().endsWith("decoding it needs ffmpeg, which is not installed (install it, e.g. apt-get "
            + "install ffmpeg)"), e.getMessage());
        AudioFormatException probe = assertThrows(AudioFormatException.class, () -> decoder.probe(file));
        assertEquals(e.getMessage(), probe.getMessage());
    }
}
