package io.auralis.host.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auralis.api.command.Command;
import io.auralis.audio.AudioDecoderComponent;
import io.auralis.extractors.segment.SpeechSegmenter;
import io.auralis.host.cli.AnalyzeCommand;
import io.auralis.host.fake.FakeServices;
import io.auralis.testkit.CapturingContext;
import io.auralis.writers.jsonl.JsonLinesWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechLikeRecordingTest {
    @TempDir
    Path tmp;

    @Test
    void writesAMono16kHz16BitWavOfExactlyTheAskedLength() throws Exception {
        Path file = tmp.resolve("a.wav");
        assertEquals(12345 * 16, SpeechLikeRecording.write(file, 12.345, 7));
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(44 + 12.345 * 16000 * 2, bytes.length, 0.5);
        ByteBuffer h = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(bytes.length - 8, h.getInt(4));
        assertEquals("WAVEfmt ", new String(bytes, 8, 8, StandardCharsets.US_ASCII));
        assertEquals(1, h.getShort(20), "PCM");
        assertEquals(1, h.getShort(22), "mono");
        assertEquals(16000, h.getInt(24));
        assertEquals(16, h.getShort(34), "bits");
        assertEquals("data", new String(bytes, 36, 4, StandardCharsets.US_ASCII));
        assertEquals(bytes.length - 44, h.getInt(40));
    }

    @Test
    void theSameSeedWritesTheSameFileAndAnotherSeedADifferentOne() throws Exception {
        SpeechLikeRecording.write(tmp.resolve("a.wav"), 3, 1);
        SpeechLikeRecording.write(tmp.resolve("b.wav"), 3, 1);
        SpeechLikeRecording.write(tmp.resolve("c.wav"), 3, 2);
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a.wav")), Files.readAllBytes(tmp.resolve("b.wav")));
        assertTrue(Files.mismatch(tmp.resolve("a.wav"), tmp.resolve("c.wav")) >= 0);
    }

    @Test
    void aLengthThatIsNotPositiveOrDoesNotFitAWavFileIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SpeechLikeRecording.write(tmp.resolve("x.wav"), 0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> SpeechLikeRecording.write(tmp.resolve("x.wav"), 40 * 3600, 1));
        assertTrue(e.getMessage().contains("do not fit in a WAV file"), e.getMessage());
    }

    @Test
    void thePlatformsSegmenterFindsUtterancesSeparatedByPauses() throws Exception {
        Path file = tmp.resolve("speech.wav");
        SpeechLikeRecording.write(file, 60, 1);
        Path workflow = tmp.resolve("segments.json");
        Files.writeString(workflow, "{\"name\":\"segments\",\"steps\":[{\"id\":\"segments\",\"extractor\":"
            + "\"auralis.segmenter\"}],\"outputs\":[\"segments.speech\"]}");
        CapturingContext context = new CapturingContext(tmp, false);
        int code = new AnalyzeCommand(FakeServices.of(new AudioDecoderComponent(), List.of(new JsonLinesWriter()),
            new SpeechSegmenter()), tmp).run(List.of("--workflow", workflow.toString(), file.toString()), context);
        assertEquals(Command.OK, code, context.errText());

        JsonNode record = new ObjectMapper().readTree(context.outText().lines().findFirst().orElseThrow());
        assertEquals(60.0, record.get("duration").asDouble(), 1e-6);
        JsonNode speech = record.get("outputs").get("segments.speech");
        // utterances of 1.5 to 4 s between pauses of 0.4 to 1.5 s: about 16 a minute
        assertTrue(speech.size() >= 10 && speech.size() <= 30, speech.size() + " segments");
        double speaking = 0;
        for (JsonNode s : speech) {
            assertTrue(s.get("duration").asDouble() >= 0.5, "no fragments: " + s);
            speaking += s.get("duration").asDouble();
        }
        assertTrue(speaking > 30 && speaking < 57, speaking + " s of speech in 60 s");
    }
}
