package io.auralis.audio.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.auralis.api.audio.AudioFormatException;
import io.auralis.audio.AudioDecoderComponent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

class FfmpegProbeTest {

    @TempDir
    Path dir;

    @Test
    void streamWithoutRateOrChannelsIsReportedAsAnInvalidFileOfItsFormat() {
        assertEquals("not a valid FLAC file (ffprobe found no decodable audio stream)",
            FfmpegProbe.noDecodableStream(null, "flac"));
        // The format the caller detected wins over ffprobe's codec name.
        assertEquals("not a valid OGG file (ffprobe found no decodable audio stream)",
            FfmpegProbe.noDecodableStream("ogg", "vorbis"));
    }

    @Test
    void flatOutputValuesAreUnquoted() {
        Map<String, String> values = FfmpegProbe.parseFlat(
            "streams.stream.0.codec_name=\"flac\"\nstreams.stream.0.channels=0\nformat.duration=\"N/A\"\n");
        assertEquals("flac", values.get("streams.stream.0.codec_name"));
        assertEquals("0", values.get("streams.stream.0.channels"));
        assertEquals("N/A", values.get("format.duration"));
    }

    /** ffprobe trusts the .flac extension, then finds 0 channels at 0 Hz in the random bytes. */
    @Test
    void randomBytesNamedFlacGiveOneLineNamingTheFile() throws IOException {
        FfmpegTools tools = new FfmpegTools("ffmpeg");
        assumeTrue(tools.ffmpeg().isPresent() && tools.ffprobe().isPresent(), "ffmpeg is not installed");
        byte[] noise = new byte[20000];
        new Random(5).nextBytes(noise);
        Path file = Files.write(dir.resolve("noise.flac"), noise);
        String expected = file + ": not a valid FLAC file (ffprobe found no decodable audio stream)";

        AudioFormatException direct = assertThrows(AudioFormatException.class,
            () -> FfmpegProbe.probe(tools.ffprobe().get(), file, null));
        assertEquals(expected, direct.getMessage());
        AudioFormatException decoded = assertThrows(AudioFormatException.class,
            () -> new AudioDecoderComponent("ffmpeg").probe(file));
        assertEquals(expected, decoded.getMessage());
    }
}
