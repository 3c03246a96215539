package io.auralis.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Every kind of bad input gives one {@link AudioFormatException} line that names the file and the problem. */
class BadInputTest {

    @TempDir
    Path dir;

    /** ffmpeg deliberately absent, so that the messages do not depend on the machine. */
    private final AudioDecoderComponent decoder = new AudioDecoderComponent("ffmpeg-that-is-not-installed");

    /** Checks that both probe and open fail with a one-line message naming the file and containing the problem. */
    private AudioFormatException fails(Path file, String problem) {
        AudioFormatException probe = assertThrows(AudioFormatException.class, () -> decoder.probe(file));
        AudioFormatException open = assertThrows(AudioFormatException.class, () -> decoder.open(file, 16000));
        for (AudioFormatException e : new AudioFormatException[] {probe, open}) {
            assertEquals(file.toString(), e.file());
            assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
            assertTrue(e.problem().contains(problem), "expected '" + problem + "' in: " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        return probe;
    }

    @Test
    void aMissingFileIsNamed() {
        fails(dir.resolve("missing.wav"), "no such file");
    }

    @Test
    void aDirectoryIsRefused() {
        fails(dir, "is a directory");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        fails(Files.createFile(dir.resolve("empty.wav")), "empty file (0 bytes)");
    }

    @Test
    void aTextFileSaysItLooksLikeText() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.wav"), "speaker,emotion\n03a01Fa,happy\n");
        fails(file, "not an audio file (looks like text)");
    }

    @Test
    void anImageSaysWhatItIs() throws IOException {
        Path file = Files.write(dir.resolve("cover.wav"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0});
        fails(file, "not an audio file (looks like a PNG image)");
    }

    @Test
    void unrecognisedBinaryNamesItsFirstBytes() throws IOException {
        Path file = Files.write(dir.resolve("blob.wav"), new byte[] {0, 1, 2, 3, (byte) 0xF0, 0, 0, 0});
        fails(file, "00 01 02 03 F0");
    }

    @Test
    void riffThatIsNotWaveIsRefused() throws IOException {
        Path file = TestWav.pcm(16).form("AVI ").data(new byte[4]).write(dir, "movie.wav");
        fails(file, "'AVI '");
    }

    @Test
    void aMissingFmtChunkIsReported() throws IOException {
        fails(TestWav.pcm(16).withoutFmt().data(new byte[8]).write(dir, "nofmt.wav"), "no fmt chunk");
    }

    @Test
    void aMissingDataChunkIsReported() throws IOException {
        fails(TestWav.pcm(16).withoutData().chunkBeforeData("LIST", new byte[10]).write(dir, "nodata.wav"),
            "no data chunk");
    }

    @Test
    void aTooShortFmtChunkIsReported() throws IOException {
        fails(TestWav.pcm(16).fmtSize(14).data(new byte[4]).write(dir, "shortfmt.wav"), "fmt chunk too short");
    }

    @Test
    void aTruncatedHeaderIsReported() throws IOException {
        byte[] head = "RIFF\u0024\u0000\u0000\u0000WA".getBytes(StandardCharsets.ISO_8859_1);
        fails(Files.write(dir.resolve("cut.wav"), head), "truncated WAV header");
    }

    @Test
    void unsupportedEncodingsNameTheFormatTag() throws IOException {
        Path adpcm = TestWav.format(2, 4).blockAlign(256).data(new byte[512]).write(dir, "adpcm.wav");
        AudioFormatException e = fails(adpcm, "unsupported WAV encoding: Microsoft ADPCM (format 2)");
        assertTrue(e.problem().contains("needs ffmpeg"), e.getMessage());
        fails(TestWav.format(0x1234, 16).data(new byte[4]).write(dir, "odd.wav"),
            "unsupported WAV encoding: format 4660 (0x1234)");
        fails(TestWav.ieeeFloat(16).data(new byte[4]).write(dir, "half.wav"), "IEEE float with 16 bits");
    }

    @Test
    void aDataChunkLongerThanTheFileIsTruncation() throws IOException {
        Path file = TestWav.pcm(16).data(TestWav.pcm16(1, 2, 3, 4)).declaredDataSize(1000).write(dir, "trunc.wav");
        fails(file, "truncated: the data chunk declares 1000 bytes but only 8 follow");
    }

    @Test
    void aChunkRunningPastTheEndBeforeDataIsTruncation() throws IOException {
        Path file = TestWav.pcm(16).chunkBeforeData("LIST", new byte[100]).data(new byte[4]).truncateTo(80)
            .write(dir, "cutlist.wav");
        fails(file, "truncated: the 'LIST' chunk");
    }

    @Test
    void zeroChannelsIsRefused() throws IOException {
        fails(TestWav.pcm(16).channels(0).blockAlign(2).data(new byte[4]).write(dir, "nochan.wav"), "zero channels");
    }

    @Test
    void aZeroSampleRateIsRefused() throws IOException {
        fails(TestWav.pcm(16).rate(0).data(new byte[4]).write(dir, "norate.wav"), "sample rate of 0 Hz");
    }

    @Test
    void aFileShorterThanOneFrameIsRefused() throws IOException {
        fails(TestWav.pcm(24).channels(2).data(new byte[5]).write(dir, "short.wav"),
            "less than one frame of 6 bytes");
        fails(TestWav.pcm(16).data(new byte[0]).write(dir, "nosamples.wav"), "no audio: the data chunk is empty");
    }

    @Test
    void otherFormatsWithoutFfmpegSayWhichToolIsMissing() throws IOException {
        Path mp3 = Files.write(dir.resolve("x.mp3"), new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0});
        AudioFormatException e = fails(mp3, "MP3 audio needs ffmpeg, which is not installed");
        assertTrue(e.problem().contains("apt-get install ffmpeg"), e.getMessage());
        Path m4a = Files.write(dir.resolve("x.m4a"),
            "\0\0\0\u0020ftypM4A \0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        fails(m4a, "M4A/AAC audio needs ffmpeg");
    }

    @Test
    void anExplicitFfmpegPathThatDoesNotExistIsNamed() throws IOException {
        AudioDecoderComponent configured = new AudioDecoderComponent(dir.resolve("bin/ffmpeg").toString());
        Path ogg = Files.write(dir.resolve("x.ogg"), "OggS\u0000\u0002".getBytes(StandardCharsets.ISO_8859_1));
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> configured.open(ogg, 16000));
        assertTrue(e.problem().contains("which is not at " + dir.resolve("bin/ffmpeg")), e.getMessage());
    }

    @Test
    void aNonPositiveRateIsABadArgument() throws IOException {
        Path file = TestWav.pcm(16).data(new byte[4]).write(dir, "ok.wav");
        assertThrows(IllegalArgumentException.class, () -> decoder.open(file, 0));
    }

    @Test
    void anImpossibleResamplingRatioIsRefused() throws IOException {
        Path file = TestWav.pcm(16).rate(10).data(new byte[4]).write(dir, "slow.wav");
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> decoder.open(file, 16000));
        assertTrue(e.problem().contains("cannot resample 10 Hz to 16000 Hz"), e.getMessage());
    }

    @Test
    void aFileThatShrinksWhileReadIsReportedAsTruncated() throws IOException {
        Path file = TestWav.pcm(16).data(new byte[2 << 20]).write(dir, "shrinks.wav");
        try (AudioStream stream = decoder.open(file, 16000)) {
            float[] buffer = new float[1000];
            stream.read(buffer, 0, buffer.length);
            try (var channel = Files.newByteChannel(file, java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(1 << 20);
            }
            AudioFormatException e = assertThrows(AudioFormatException.class, () -> {
                while (stream.read(buffer, 0, buffer.length) > 0) {
                    // Read on until the missing bytes are noticed.
                }
            });
            assertEquals(file.toString(), e.file());
            assertTrue(e.problem().startsWith("truncated"), e.getMessage());
        }
    }
}
