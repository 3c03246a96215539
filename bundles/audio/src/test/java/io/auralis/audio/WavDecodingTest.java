package io.auralis.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.auralis.api.audio.AudioInfo;
import io.auralis.api.audio.AudioStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

class WavDecodingTest {

    @TempDir
    Path dir;

    private final AudioDecoderComponent decoder = new AudioDecoderComponent("ffmpeg");

    private float[] decode(Path file, int rate) throws IOException {
        try (AudioStream stream = decoder.open(file, rate)) {
            assertEquals(rate, stream.sampleRate());
            return Samples.readAll(stream, 4096);
        }
    }

    @Test
    void unsigned8BitPcmIsCentredOn128() throws IOException {
        Path file = TestWav.pcm(8).rate(8000).data(TestWav.pcm8(128, 255, 0, 192, 64)).write(dir, "u8.wav");
        assertArrayEquals(new float[] {0f, 127 / 128f, -1f, 0.5f, -0.5f}, decode(file, 8000));
        AudioInfo info = decoder.probe(file);
        assertEquals("pcm8", info.encoding);
        assertEquals(5, info.frames);
    }

    @Test
    void signed16BitPcmScalesBy32768() throws IOException {
        Path file = TestWav.pcm(16).data(TestWav.pcm16(0, 1, -1, 32767, -32768, 16384)).write(dir, "s16.wav");
        assertArrayEquals(new float[] {0f, 1 / 32768f, -1 / 32768f, 32767 / 32768f, -1f, 0.5f},
            decode(file, 16000));
    }

    @Test
    void signed24BitPcmKeepsTheSignOfTheTopByte() throws IOException {
        Path file = TestWav.pcm(24).rate(48000)
            .data(TestWav.pcm24(0, 1, -1, 8388607, -8388608, 4194304, 0x123456)).write(dir, "s24.wav");
        assertArrayEquals(new float[] {0f, 1 / 8388608f, -1 / 8388608f, 8388607 / 8388608f, -1f, 0.5f,
            0x123456 / 8388608f}, decode(file, 48000));
        assertEquals("pcm24", decoder.probe(file).encoding);
    }

    @Test
    void signed32BitPcmScalesBy2To31() throws IOException {
        Path file = TestWav.pcm(32).data(TestWav.pcm32(0, Integer.MIN_VALUE, 1 << 30, -(1 << 29)))
            .write(dir, "s32.wav");
        assertArrayEquals(new float[] {0f, -1f, 0.5f, -0.25f}, decode(file, 16000));
    }

    @Test
    void float32AndFloat64PassThroughUnchanged() throws IOException {
        float[] values = {0f, 0.25f, -0.75f, 1e-6f, 0.999f};
        Path f32 = TestWav.ieeeFloat(32).data(TestWav.float32(values)).write(dir, "f32.wav");
        Path f64 = TestWav.ieeeFloat(64).data(TestWav.float64(0, 0.25, -0.75, 1e-6, 0.999)).write(dir, "f64.wav");
        assertArrayEquals(values, decode(f32, 16000));
        assertArrayEquals(values, decode(f64, 16000));
        assertEquals("float32", decoder.probe(f32).encoding);
        assertEquals("float64", decoder.probe(f64).encoding);
    }

    @Test
    void aLawAndMuLawDecodeWithTheG711Tables() throws IOException {
        // 0xD5 / 0xFF are the codes for (near) silence; 0xAA / 0x80 the positive maxima; 0x2A / 0x00 the negative.
        Path alaw = TestWav.format(6, 8).rate(8000).data(TestWav.pcm8(0xD5, 0xAA, 0x2A)).write(dir, "alaw.wav");
        Path mulaw = TestWav.format(7, 8).rate(8000).data(TestWav.pcm8(0xFF, 0x80, 0x00)).write(dir, "mulaw.wav");
        assertArrayEquals(new float[] {8 / 32768f, 32256 / 32768f, -32256 / 32768f}, decode(alaw, 8000));
        assertArrayEquals(new float[] {0f, 32124 / 32768f, -32124 / 32768f}, decode(mulaw, 8000));
        assertEquals("alaw", decoder.probe(alaw).encoding);
        assertEquals("mulaw", decoder.probe(mulaw).encoding);
    }

    @Test
    void extensiblePcmAndFloatReadLikeTheirPlainFormats() throws IOException {
        Path pcm = TestWav.pcm(16).extensible(16).channels(1).data(TestWav.pcm16(100, -200, 16384))
            .write(dir, "ext16.wav");
        Path flt = TestWav.ieeeFloat(32).extensible(32).data(TestWav.float32(0.5f, -0.125f)).write(dir, "extf.wav");
        assertArrayEquals(new float[] {100 / 32768f, -200 / 32768f, 0.5f}, decode(pcm, 16000));
        assertArrayEquals(new float[] {0.5f, -0.125f}, decode(flt, 16000));
    }

    @Test
    void extensible24ValidBitsIn32BitContainersAreLeftJustified() throws IOException {
        // 24 valid bits left-justified in 4-byte containers: the low byte is zero.
        Path file = TestWav.pcm(32).extensible(24).data(TestWav.pcm32(0x40000000, 0xC0000000, 0x00000100))
            .write(dir, "ext24in32.wav");
        assertArrayEquals(new float[] {0.5f, -0.5f, 1 / 8388608f}, decode(file, 16000));
        AudioInfo info = decoder.probe(file);
        assertEquals("pcm24", info.encoding);
        assertEquals(3, info.frames);
    }

    @Test
    void twentyBitPcmInThreeByteContainersReadsAsTwentyFour() throws IOException {
        Path file = TestWav.pcm(20).blockAlign(3).data(TestWav.pcm24(0x400000, 0xC00000)).write(dir, "p20.wav");
        assertArrayEquals(new float[] {0.5f, -0.5f}, decode(file, 16000));
        assertEquals("pcm20", decoder.probe(file).encoding);
    }

    @Test
    void stereoIsAveragedToMono() throws IOException {
        // Frames (L, R): (16384, 0), (16384, 16384), (-32768, 32767)
        Path file = TestWav.pcm(16).channels(2).rate(44100)
            .data(TestWav.pcm16(16384, 0, 16384, 16384, -32768, 32767)).write(dir, "stereo.wav");
        assertArrayEquals(new float[] {0.25f, 0.5f, -0.5f / 32768f}, decode(file, 44100));
        AudioInfo info = decoder.probe(file);
        assertEquals(2, info.channels);
        assertEquals(3, info.frames);
    }

    @Test
    void sixChannelsAreAveragedToMono() throws IOException {
        float[] frame1 = {0.6f, 0.6f, 0.6f, 0.6f, 0.6f, 0.6f};
        float[] frame2 = {0.6f, 0f, 0f, 0f, 0f, 0f};
        float[] frame3 = {1f, -1f, 0.5f, -0.5f, 0.25f, 0.25f};
        float[] interleaved = new float[18];
        System.arraycopy(frame1, 0, interleaved, 0, 6);
        System.arraycopy(frame2, 0, interleaved, 6, 6);
        System.arraycopy(frame3, 0, interleaved, 12, 6);
        Path file = TestWav.ieeeFloat(32).channels(6).rate(48000).extensible(32)
            .data(TestWav.float32(interleaved)).write(dir, "six.wav");
        assertArrayEquals(new float[] {0.6f, 0.1f, 0.5f / 6}, decode(file, 48000), 1e-7f);
        assertEquals(6, decoder.probe(file).channels);
    }

    @Test
    void probeReportsTheHeaderOfA441kHzStereoFile() throws IOException {
        Path file = TestWav.pcm(16).channels(2).rate(44100).data(new byte[44100 * 4 * 3 / 2])
            .write(dir, "long.wav");
        AudioInfo info = decoder.probe(file);
        assertEquals(file.toString(), info.file);
        assertEquals("wav", info.format);
        assertEquals("pcm16", info.encoding);
        assertEquals(44100, info.sampleRate);
        assertEquals(2, info.channels);
        assertEquals(66150, info.frames);
        assertEquals(1.5, info.durationSeconds, 1e-12);
    }

    @Test
    void chunksBeforeAndAfterTheAudioAreSkipped() throws IOException {
        byte[] pad = new byte[4044];
        Path file = TestWav.pcm(16)
            .chunkBeforeFmt("LIST", "INFOISFT\u0005\u0000\u0000\u0000test\u0000".getBytes())
            .chunkBeforeFmt("bext", new byte[602])
            .chunkBeforeData("PAD ", pad)
            .chunkBeforeData("FLLR", new byte[17])
            .chunkBeforeData("odd ", new byte[] {1, 2, 3})
            .data(TestWav.pcm16(1000, -1000, 2000))
            .chunkAfterData("LIST", new byte[31])
            .write(dir, "chunks.wav");
        assertArrayEquals(new float[] {1000 / 32768f, -1000 / 32768f, 2000 / 32768f}, decode(file, 16000));
        assertEquals(3, decoder.probe(file).frames);
    }

    @Test
    void anOddChunkWrittenWithoutItsPadByteIsStillWalked() throws IOException {
        Path file = TestWav.pcm(16).rawBeforeData(unpaddedChunk("junk", new byte[] {9, 9, 9}))
            .data(TestWav.pcm16(7, 8)).write(dir, "nopad.wav");
        assertArrayEquals(new float[] {7 / 32768f, 8 / 32768f}, decode(file, 16000));
    }

    @Test
    void anOddSizedDataChunkIsFollowedByItsPadByte() throws IOException {
        Path file = TestWav.pcm(8).data(TestWav.pcm8(128, 255, 0)).chunkAfterData("LIST", new byte[4])
            .write(dir, "odddata.wav");
        assertArrayEquals(new float[] {0f, 127 / 128f, -1f}, decode(file, 16000));
    }

    @Test
    void fmtAfterDataIsFound() throws IOException {
        Path file = TestWav.pcm(16).rate(22050).fmtAfterData().data(TestWav.pcm16(3, 4, 5)).write(dir, "late.wav");
        assertArrayEquals(new float[] {3 / 32768f, 4 / 32768f, 5 / 32768f}, decode(file, 22050));
        assertEquals(22050, decoder.probe(file).sampleRate);
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 0xFFFFFFFFL})
    void aStreamingRecordersPlaceholderDataSizeMeansToTheEndOfTheFile(long placeholder) throws IOException {
        Path file = TestWav.pcm(16).declaredDataSize(placeholder).data(TestWav.pcm16(1, 2, 3, 4))
            .write(dir, "stream.wav");
        assertArrayEquals(new float[] {1 / 32768f, 2 / 32768f, 3 / 32768f, 4 / 32768f}, decode(file, 16000));
        assertEquals(4, decoder.probe(file).frames);
    }

    @Test
    void rf64TakesTheDataSizeFromDs64() throws IOException {
        Path file = TestWav.pcm(16).riff("RF64").data(TestWav.pcm16(10, 20, 30)).chunkAfterData("LIST", new byte[8])
            .write(dir, "big.wav");
        assertArrayEquals(new float[] {10 / 32768f, 20 / 32768f, 30 / 32768f}, decode(file, 16000));
        AudioInfo info = decoder.probe(file);
        assertEquals("rf64", info.format);
        assertEquals(3, info.frames);
    }

    @Test
    void aTrailingPartialFrameIsIgnored() throws IOException {
        byte[] data = Arrays.copyOf(TestWav.pcm16(5, 6, 7, 8), 7);
        Path file = TestWav.pcm(16).channels(2).data(data).write(dir, "partial.wav");
        assertArrayEquals(new float[] {5.5f / 32768f}, decode(file, 16000));
    }

    @Test
    void theFormatIsFoundByContentNotByName() throws IOException {
        Path file = TestWav.pcm(16).data(TestWav.pcm16(100)).write(dir, "really-a-wav.mp3");
        assertArrayEquals(new float[] {100 / 32768f}, decode(file, 16000));
        assertEquals("wav", decoder.probe(file).format);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16, 24, 32})
    void tinyAndHugeReadsDeliverTheSameSamples(int bits) throws IOException {
        int frames = 200_003;
        int channels = 3;
        int[] values = new int[frames * channels];
        java.util.Random random = new java.util.Random(bits);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt();
        }
        byte[] data = switch (bits) {
            case 8 -> TestWav.pcm8(values);
            case 16 -> TestWav.pcm16(values);
            case 24 -> TestWav.pcm24(values);
            default -> TestWav.pcm32(values);
        };
        Path file = TestWav.pcm(bits).channels(channels).rate(8000).data(data).write(dir, "sizes.wav");
        float[] tiny;
        float[] huge;
        try (AudioStream s = decoder.open(file, 8000)) {
            tiny = Samples.readAll(s, 1);
        }
        try (AudioStream s = decoder.open(file, 8000)) {
            huge = Samples.readAll(s, 1 << 20);
        }
        assertEquals(frames, tiny.length);
        assertArrayEquals(tiny, huge);
    }

    private static byte[] unpaddedChunk(String id, byte[] body) {
        byte[] padded = TestWav.chunk(id, body);
        return Arrays.copyOf(padded, 8 + body.length);
    }
}
