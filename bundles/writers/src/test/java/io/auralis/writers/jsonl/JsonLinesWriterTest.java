package io.auralis.writers.jsonl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.output.FileRecord;
import io.auralis.api.output.RecordEncoder;
import io.auralis.api.output.RecordSink;
import io.auralis.writers.file.FailingFeatures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

class JsonLinesWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private final JsonLinesWriter writer = new JsonLinesWriter();

    @Test
    void writesOneObjectPerLineInTheDocumentedShape() throws IOException {
        Path out = dir.resolve("r.jsonl");
        FileRecord ok = record("a.wav", Map.of("pitch.f0",
            List.of(new Feature(0.0, 0.064, new float[] {212.4f}, null))));
        FileRecord failed = new FileRecord();
        failed.file = "b.wav";
        failed.error = "b.wav: not a WAV file";
        write(out, false, ok, failed);

        List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size());
        JsonNode a = MAPPER.readTree(lines.get(0));
        assertEquals("a.wav", a.get("file").asText());
        assertEquals(2.5, a.get("duration").asDouble());
        assertEquals(44100, a.get("sampleRate").asInt());
        assertEquals(2, a.get("channels").asInt());
        JsonNode f0 = a.get("outputs").get("pitch.f0").get(0);
        assertEquals(0.064, f0.get("duration").asDouble());
        assertEquals("212.4", f0.get("values").get(0).asText(), "floats are written without double noise");
        assertFalse(f0.has("label"), "no label field when the feature has none");
        assertTrue(a.get("error").isNull());

        JsonNode b = MAPPER.readTree(lines.get(1));
        assertEquals("b.wav: not a WAV file", b.get("error").asText());
        assertEquals(0, b.get("outputs").size());
    }

    @Test
    void aRecordOfAPartOfAStreamSaysWhereItLiesAndAWholeFileDoesNot() throws IOException {
        Path out = dir.resolve("live.jsonl");
        FileRecord segment = record("-", Map.of());
        segment.time = 12.4;
        segment.end = 13.7000001;
        segment.duration = 1.3;
        write(out, false, segment, record("a.wav", Map.of()));

        List<String> lines = Files.readAllLines(out);
        JsonNode live = MAPPER.readTree(lines.get(0));
        assertEquals(12.4, live.get("time").asDouble());
        assertEquals(13.7, live.get("end").asDouble(), "rounded to the microsecond as every time");
        assertEquals(List.of("file", "time", "end", "duration"), fieldNames(live).subList(0, 4),
            "top level, beside the file: a reader places the record without looking inside it");
        JsonNode whole = MAPPER.readTree(lines.get(1));
        assertFalse(whole.has("time") || whole.has("end"), lines.get(1));
    }

    @Test
    void emotionOutputsAreWrittenAsEmotionResults() throws IOException {
        Path out = dir.resolve("e.jsonl");
        OutputDescriptor emotion = EmotionFeatures.output("emotion", "Emotion", List.of("angry", "happy", "sad"));
        Map<String, OutputDescriptor> outputs = Map.of("ser.emotion", emotion);
        FileRecord r = record("a.wav", Map.of("ser.emotion",
            List.of(new Feature(0.3, 1.9, new float[] {0.91f, 0.04f, 0.05f}, null))));
        try (RecordSink sink = writer.open(out, outputs, false)) {
            sink.write(r);
        }
        JsonNode e = MAPPER.readTree(Files.readString(out)).get("outputs").get("ser.emotion").get(0);
        assertEquals("angry", e.get("label").asText(), "the most probable class when the feature has no label");
        assertEquals("0.91", e.get("confidence").asText());
        assertEquals("0.04", e.get("distribution").get("happy").asText());
        assertEquals(List.of("angry", "happy", "sad"), fieldNames(e.get("distribution")));
        assertFalse(e.has("values"));
    }

    @Test
    void labelledFeaturesOfOtherKindsKeepValuesAndLabel() throws IOException {
        Path out = dir.resolve("s.jsonl");
        OutputDescriptor speech = new OutputDescriptor("speech", "Speech", "segment", "dBFS", 1, SampleType.VARIABLE,
            true);
        FileRecord r = record("a.wav", Map.of("seg.speech",
            List.of(new Feature(1.0, 2.0, new float[] {-23.5f}, "speech"))));
        try (RecordSink sink = writer.open(out, Map.of("seg.speech", speech), false)) {
            sink.write(r);
        }
        JsonNode f = MAPPER.readTree(Files.readString(out)).get("outputs").get("seg.speech").get(0);
        assertEquals("speech", f.get("label").asText());
        assertEquals(-23.5, f.get("values").get(0).asDouble());
    }

    @Test
    void appendingRemovesATornLastLineSoThatTheOutputStaysValidJsonLines() throws IOException {
        Path out = dir.resolve("r.jsonl");
        write(out, false, record("a.wav", Map.of()), record("b.wav", Map.of()), record("c.wav", Map.of()));
        long whole = Files.size(out);
        String torn = "{\"file\":\"d.wav\",\"duration\":1.0,\"outp";
        Files.writeString(out, torn, StandardOpenOption.APPEND);

        Set<String> done = writer.completed(out);

        assertEquals(List.of("a.wav", "b.wav", "c.wav"), new ArrayList<>(done));
        assertEquals(whole + torn.length(), Files.size(out), "completed only reads");
        writer.open(out, Map.of(), true).close();
        assertEquals(whole, Files.size(out), "the torn line is cut off, the complete ones kept");
        write(out, true, record("d.wav", Map.of()));
        List<String> lines = Files.readAllLines(out);
        assertEquals(4, lines.size());
        for (String line : lines) {
            MAPPER.readTree(line);
        }
        assertEquals("d.wav", MAPPER.readTree(lines.get(3)).get("file").asText());
    }

    @Test
    void anOutputTornInsideItsFirstLineHoldsNothingAndAppendingEmptiesIt() throws IOException {
        Path out = dir.resolve("r.jsonl");
        Files.writeString(out, "{\"file\":\"a.w");
        assertEquals(Set.of(), writer.completed(out));
        writer.open(out, Map.of(), true).close();
        assertEquals(0, Files.size(out));
    }

    @Test
    void aFileThatWasNeverAnOutputIsRefusedAndNeverCut() throws IOException {
        Path settings = dir.resolve("settings.json");
        Files.writeString(settings, "{\"important\":1}");
        IOException e = assertThrows(IOException.class, () -> writer.completed(settings));
        assertTrue(e.getMessage().startsWith(settings + ": line 1 is not an Auralis record"), e.getMessage());
        assertThrows(IOException.class, () -> writer.open(settings, Map.of(), true));
        assertEquals("{\"important\":1}", Files.readString(settings));
    }

    @Test
    void nanAndInfiniteValuesAreWrittenAsNull() throws IOException {
        Path out = dir.resolve("r.jsonl");
        FileRecord r = record("a.wav", Map.of("pitch.f0", List.of(new Feature(0.0, Double.POSITIVE_INFINITY,
            new float[] {Float.NaN, Float.NEGATIVE_INFINITY, 1.5f}, null))));
        write(out, false, r);
        String line = Files.readString(out);
        assertFalse(line.contains("NaN") || line.contains("Infinity"), line);
        JsonNode f = MAPPER.readTree(line).get("outputs").get("pitch.f0").get(0);
        assertTrue(f.get("duration").isNull());
        assertTrue(f.get("values").get(0).isNull());
        assertTrue(f.get("values").get(1).isNull());
        assertEquals(1.5, f.get("values").get(2).asDouble());
    }

    @Test
    void aRecordThatFailsWhileBeingEncodedLeavesNothingOfItselfInTheOutput() throws IOException {
        Path out = dir.resolve("r.jsonl");
        FailingFeatures failing = new FailingFeatures(out);
        try (RecordSink sink = writer.open(out, Map.of(), false)) {
            sink.write(record("a.wav", Map.of()));
            long before = Files.size(out);
            assertThrows(OutOfMemoryError.class, () -> sink.write(record("huge.wav", Map.of("x.y", failing))));
            assertTrue(failing.outputLengthAtFailure() > before, "the record streams to the file as it is encoded");
            assertEquals(before, Files.size(out), "the partly written record is cut back");
            sink.write(record("b.wav", Map.of()));
        }
        assertEquals(List.of("a.wav", "b.wav"), new ArrayList<>(writer.completed(out)));
    }

    @Test
    void completedOfAMissingOutputIsEmpty() throws IOException {
        assertEquals(Set.of(), writer.completed(dir.resolve("none.jsonl")));
    }

    @Test
    void completedRefusesAnOutputThatHoldsSomethingElseNamingTheLine() throws IOException {
        Path out = dir.resolve("r.jsonl");
        write(out, false, record("a.wav", Map.of()));
        Files.writeString(out, "this is not json\n", StandardOpenOption.APPEND);
        IOException e = assertThrows(IOException.class, () -> writer.completed(out));
        assertTrue(e.getMessage().startsWith(out + ": line 2"), e.getMessage());
    }

    @Test
    void fileNamesWithQuotesCommasAndLineBreaksSurviveTheRoundTrip() throws IOException {
        Path out = dir.resolve("r.jsonl");
        String odd = "dir, with \"quotes\"\nand a line break/ä.wav";
        write(out, false, record(odd, Map.of()), record("plain.wav", Map.of()));
        assertEquals(2, Files.readAllLines(out, StandardCharsets.UTF_8).size(), "the line break is escaped");
        assertEquals(List.of(odd, "plain.wav"), new ArrayList<>(writer.completed(out)));
    }

    @Test
    void openingWithoutAppendReplacesAnExistingOutput() throws IOException {
        Path out = dir.resolve("r.jsonl");
        write(out, false, record("a.wav", Map.of()), record("b.wav", Map.of()));
        write(out, false, record("c.wav", Map.of()));
        assertEquals(Set.of("c.wav"), writer.completed(out));
    }

    @Test
    void openingCreatesMissingFoldersAndNamesTheTargetWhenItCannot() throws IOException {
        Path nested = dir.resolve("a/b/r.jsonl");
        write(nested, false, record("a.wav", Map.of()));
        assertTrue(Files.exists(nested));
        Path folder = Files.createDirectory(dir.resolve("folder.jsonl"));
        IOException e = assertThrows(IOException.class, () -> writer.open(folder, Map.of(), false));
        assertTrue(e.getMessage().startsWith(folder + ": "), e.getMessage());
    }

    @Test
    void theEncoderGivesByteForByteWhatTheFileHolds() throws IOException {
        FileRecord ok = record("a.wav", Map.of("pitch.f0",
            List.of(new Feature(0.0, 0.064, new float[] {212.4f, Float.NaN}, "voiced"))));
        FileRecord failed = new FileRecord();
        failed.file = "b.wav";
        failed.error = "b.wav: not a WAV file";
        Path out = dir.resolve("r.jsonl");
        write(out, false, ok, failed);
        RecordEncoder encoder = writer.encoder(Map.of()).orElseThrow();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        encoder.header(stream);
        encoder.encode(ok, stream);
        encoder.encode(failed, stream);
        assertArrayEquals(Files.readAllBytes(out), stream.toByteArray());
    }

    private void write(Path out, boolean append, FileRecord... records) throws IOException {
        try (RecordSink sink = writer.open(out, Map.of(), append)) {
            for (FileRecord r : records) {
                sink.write(r);
            }
        }
    }

    private static FileRecord record(String file, Map<String, List<Feature>> outputs) {
        FileRecord r = new FileRecord();
        r.file = file;
        r.duration = 2.5;
        r.sampleRate = 44100;
        r.channels = 2;
        r.outputs = new LinkedHashMap<>(outputs);
        return r;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
