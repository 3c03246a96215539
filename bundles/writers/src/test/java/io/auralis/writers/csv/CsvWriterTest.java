package io.auralis.writers.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
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

class CsvWriterTest {
    @TempDir
    Path dir;

    private final CsvWriter writer = new CsvWriter();
    private final Map<String, OutputDescriptor> outputs = new LinkedHashMap<>();

    CsvWriterTest() {
        outputs.put("pitch.f0", output("f0", "pitch", List.of("f0")));
        outputs.put("seg.speech", output("speech", "segment", List.of("level")));
        outputs.put("seg.silence", output("silence", "segment", List.of("level")));
        outputs.put("ser.emotion", EmotionFeatures.output("emotion", "Emotion", List.of("angry", "happy")));
        outputs.put("mfcc.coefficients", output("coefficients", "mfcc", null));
    }

    @Test
    void headerHasOneColumnPerBinNameSharedByOutputsThatNameABinAlike() throws IOException {
        Path out = dir.resolve("r.csv");
        write(out, false);
        assertEquals("file,output,time,duration,label,confidence,f0,level,angry,happy,values,sampleRate,channels,error\r\n",
            Files.readString(out));
    }

    @Test
    void writesARowPerFeatureThenTheFileRow() throws IOException {
        Path out = dir.resolve("r.csv");
        FileRecord r = record("a.wav");
        r.outputs.put("pitch.f0", List.of(Feature.of(0.0, 0.064, 212.4f), Feature.of(0.032, 0.064, 213f)));
        r.outputs.put("seg.speech", List.of(new Feature(0.5, 1.5, new float[] {-23.5f}, "speech")));
        r.outputs.put("ser.emotion", List.of(new Feature(0.5, 1.5, new float[] {0.2f, 0.8f}, null)));
        r.outputs.put("mfcc.coefficients", List.of(new Feature(0, 0.025, new float[] {1.5f, -2f, 3.25f}, null)));
        write(out, false, r);

        List<List<String>> rows = read(out);
        assertEquals(List.of(
            row("a.wav", "pitch.f0", "0.0", "0.064", "", "", "212.4", "", "", "", "", "", "", ""),
            row("a.wav", "pitch.f0", "0.032", "0.064", "", "", "213.0", "", "", "", "", "", "", ""),
            row("a.wav", "seg.speech", "0.5", "1.5", "speech", "", "", "-23.5", "", "", "", "", "", ""),
            row("a.wav", "ser.emotion", "0.5", "1.5", "happy", "0.8", "", "", "0.2", "0.8", "", "", "", ""),
            row("a.wav", "mfcc.coefficients", "0.0", "0.025", "", "", "", "", "", "", "1.5;-2.0;3.25", "", "", ""),
            row("a.wav", "", "", "2.5", "", "", "", "", "", "", "", "44100", "2", "")),
            rows.subList(1, rows.size()));
    }

    @Test
    void theFileRowOfAPartOfAStreamCarriesItsStartAsTime() throws IOException {
        Path out = dir.resolve("live.csv");
        FileRecord segment = record("-");
        segment.time = 12.4;
        segment.end = 13.7;
        segment.duration = 1.3;
        write(out, false, segment, record("a.wav"));
        List<List<String>> rows = read(out);
        assertEquals(row("-", "", "12.4", "1.3", "", "", "", "", "", "", "", "44100", "2", ""), rows.get(1));
        assertEquals(row("a.wav", "", "", "2.5", "", "", "", "", "", "", "", "44100", "2", ""), rows.get(2));
    }

    @Test
    void aFailedFileIsOneFileRowWithItsError() throws IOException {
        Path out = dir.resolve("r.csv");
        FileRecord failed = new FileRecord();
        failed.file = "bad.wav";
        failed.error = "bad.wav: not audio, starts with \"PK\", a zip archive";
        write(out, false, failed);
        List<List<String>> rows = read(out);
        assertEquals(2, rows.size());
        // it could not be read: no duration, rate or channels, rather than zeros that look measured
        assertEquals(row("bad.wav", "", "", "", "", "", "", "", "", "", "", "", "", failed.error), rows.get(1));
    }

    @Test
    void numbersArePlainDecimalsAndTimesAreRoundedToTheMicrosecond() throws IOException {
        Path out = dir.resolve("r.csv");
        FileRecord r = record("a.wav");
        r.duration = 2.0999999999999996;
        r.outputs.put("pitch.f0", List.of(Feature.of(0.1 + 0.2, 0.064, 4.3584223E-4f),
            Feature.of(1e-7, 0.064, 1.5e9f)));
        write(out, false, r);
        List<List<String>> rows = read(out);
        assertEquals(List.of("0.3", "0.064", "0.00043584223"), List.of(rows.get(1).get(2), rows.get(1).get(3),
            rows.get(1).get(6)));
        assertEquals(List.of("0.0", "1500000000.0"), List.of(rows.get(2).get(2), rows.get(2).get(6)));
        assertEquals("2.1", rows.get(3).get(3), "the file's duration");
        assertFalse(Files.readString(out).contains("E-") || Files.readString(out).contains("E1"));
    }

    @Test
    void fieldsWithCommasQuotesAndLineBreaksAreQuotedAsRfc4180Says() throws IOException {
        Path out = dir.resolve("r.csv");
        String odd = "talks, 2024/\"best\" of\r\nmay.wav";
        FileRecord r = record(odd);
        r.outputs.put("seg.speech", List.of(new Feature(0, 1, new float[] {-20f}, "a,b")));
        write(out, false, r);

        String text = Files.readString(out);
        assertTrue(text.contains("\"talks, 2024/\"\"best\"\" of\r\nmay.wav\",seg.speech,0.0,1.0,\"a,b\","), text);
        List<List<String>> rows = read(out);
        assertEquals(odd, rows.get(1).get(0));
        assertEquals("a,b", rows.get(1).get(4));
        assertEquals(Set.of(odd), writer.completed(out));
    }

    @Test
    void completedCutsOffTheRowsOfARecordTornByACrash() throws IOException {
        Path out = dir.resolve("r.csv");
        FileRecord a = record("a.wav");
        a.outputs.put("pitch.f0", List.of(Feature.of(0, 0.064, 200f)));
        write(out, false, a, record("b.wav"));
        long whole = Files.size(out);
        // c.wav's feature rows made it to disk, its file row did not, and the last row is torn inside a quote.
        Files.writeString(out, "c.wav,pitch.f0,0.0,0.064,,201.0,,,,,,,\r\nc.wav,seg.speech,0.0,1.0,\"spe",
            StandardOpenOption.APPEND);

        long torn = Files.size(out);
        assertEquals(List.of("a.wav", "b.wav"), new ArrayList<>(writer.completed(out)));
        assertEquals(torn, Files.size(out), "completed only reads");
        writer.open(out, outputs, true).close();
        assertEquals(whole, Files.size(out), "appending cuts the torn record off first");

        FileRecord c = record("c.wav");
        c.outputs.put("pitch.f0", List.of(Feature.of(0, 0.064, 201f)));
        write(out, true, c);
        List<List<String>> rows = read(out);
        assertEquals(1, rows.stream().filter(x -> x.get(0).equals("file")).count(), "the header is written once");
        assertEquals(1, rows.stream().filter(x -> x.get(0).equals("c.wav") && x.get(1).equals("pitch.f0")).count(),
            "c.wav's features appear once");
        assertEquals(List.of("a.wav", "b.wav", "c.wav"), new ArrayList<>(writer.completed(out)));
    }

    @Test
    void aLineBreakInsideAQuotedFileNameIsNotMistakenForTheEndOfARow() throws IOException {
        Path out = dir.resolve("r.csv");
        write(out, false, record("a.wav"));
        long whole = Files.size(out);
        // Torn right after the line break inside a quoted name: the text ends with CRLF but the row is open.
        Files.writeString(out, "\"x\r\n", StandardOpenOption.APPEND);
        assertEquals(Set.of("a.wav"), writer.completed(out));
        writer.open(out, outputs, true).close();
        assertEquals(whole, Files.size(out));
    }

    @Test
    void anOutputTornInsideItsHeaderHoldsNothingAndAppendingStartsItAgain() throws IOException {
        Path out = dir.resolve("r.csv");
        Files.writeString(out, "file,output,ti");
        assertEquals(Set.of(), writer.completed(out));
        write(out, true, record("a.wav"));
        assertEquals(Set.of("a.wav"), writer.completed(out));
        assertEquals(1, read(out).stream().filter(x -> x.get(0).equals("file")).count());
    }

    @Test
    void aFileThatWasNeverAnOutputIsRefusedAndNeverCut() throws IOException {
        Path out = dir.resolve("notes.csv");
        Files.writeString(out, "name,age");
        IOException e = assertThrows(IOException.class, () -> writer.completed(out));
        assertTrue(e.getMessage().startsWith(out + ": not a CSV written by Auralis"), e.getMessage());
        assertThrows(IOException.class, () -> writer.open(out, outputs, true));
        assertEquals("name,age", Files.readString(out));
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasArePrefixedWithAQuoteAndReadBackAsWritten() throws IOException {
        Path out = dir.resolve("r.csv");
        String link = "=HYPERLINK(\"http://evil.example\",\"x\").wav";
        List<String> hostile = List.of(link, "+1+2.wav", "-2-3.wav", "@SUM(A1).wav", "'quoted.wav");
        List<FileRecord> records = new ArrayList<>();
        for (String name : hostile) {
            FileRecord r = record(name);
            r.outputs.put("seg.speech", List.of(new Feature(0.5, 1.5, new float[] {-23.5f}, "=cmd|' /C calc'!A0")));
            records.add(r);
        }
        FileRecord failed = records.get(3);
        failed.outputs.clear();
        failed.error = failed.file + ": not audio";
        write(out, false, records.toArray(FileRecord[]::new));

        String text = Files.readString(out);
        List<String> cells = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            for (String cell : line.split(",")) {
                cells.add(cell.startsWith("\"") ? cell.substring(1) : cell);
            }
        }
        for (String cell : cells) {
            if (!cell.isEmpty() && "=+@'".indexOf(cell.charAt(0)) >= 0) {
                assertTrue(cell.startsWith("'"), "neutralised: " + cell + " in\n" + text);
            }
            if (cell.startsWith("-")) {
                assertEquals("-23.5", cell, "only numbers start with a minus");
            }
        }
        assertTrue(text.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\").wav\""), text);
        assertTrue(text.contains("\r\n'-2-3.wav,seg.speech,"), text);
        assertTrue(text.contains(",'@SUM(A1).wav: not audio\r\n"), text);
        assertEquals(hostile, new ArrayList<>(writer.completed(out)), "names come back as they were");
    }

    @Test
    void nanAndInfiniteValuesAreWrittenAsEmptyCells() throws IOException {
        Path out = dir.resolve("r.csv");
        FileRecord r = record("a.wav");
        r.outputs.put("pitch.f0", List.of(new Feature(0.0, 0.064, new float[] {Float.NaN}, null)));
        r.outputs.put("mfcc.coefficients", List.of(new Feature(0, 0.025, new float[] {1.5f,
            Float.POSITIVE_INFINITY}, null)));
        write(out, false, r);
        String text = Files.readString(out);
        assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
        List<List<String>> rows = read(out);
        assertEquals("", rows.get(1).get(6), "f0");
        assertEquals("1.5;", rows.get(2).get(10), "values");
    }

    @Test
    void aRecordThatFailsWhileBeingEncodedLeavesNothingOfItselfInTheOutput() throws IOException {
        Path out = dir.resolve("r.csv");
        FailingFeatures failing = new FailingFeatures(out);
        try (RecordSink sink = writer.open(out, outputs, false)) {
            sink.write(record("a.wav"));
            long before = Files.size(out);
            FileRecord huge = record("huge.wav");
            huge.outputs.put("pitch.f0", failing);
            assertThrows(OutOfMemoryError.class, () -> sink.write(huge));
            assertTrue(failing.outputLengthAtFailure() > before, "the record streams to the file as it is encoded");
            assertEquals(before, Files.size(out), "the partly written record is cut back");
            sink.write(record("b.wav"));
        }
        assertEquals(List.of("a.wav", "b.wav"), new ArrayList<>(writer.completed(out)));
    }

    @Test
    void appendingRefusesAnOutputWrittenWithOtherColumns() throws IOException {
        Path out = dir.resolve("r.csv");
        try (RecordSink sink = writer.open(out, Map.of("pitch.f0", outputs.get("pitch.f0")), false)) {
            sink.write(record("a.wav"));
        }
        IOException e = assertThrows(IOException.class, () -> writer.open(out, outputs, true));
        assertTrue(e.getMessage().startsWith(out + ": has the columns"), e.getMessage());
    }

    @Test
    void completedRefusesAFileThatIsNotAnAuralisCsv() throws IOException {
        Path out = dir.resolve("r.csv");
        Files.writeString(out, "name,age\r\nann,3\r\n");
        IOException e = assertThrows(IOException.class, () -> writer.completed(out));
        assertTrue(e.getMessage().startsWith(out + ": not a CSV written by Auralis"), e.getMessage());
    }

    @Test
    void aBinNamedLikeAFixedColumnGetsItsOutputAsPrefix() throws IOException {
        Path out = dir.resolve("r.csv");
        try (RecordSink sink = writer.open(out, Map.of("beat.time", output("time", "beat", List.of("time"))),
                false)) {
            sink.write(record("a.wav"));
        }
        assertTrue(Files.readString(out).startsWith("file,output,time,duration,label,confidence,beat.time:time,values,"));
    }

    @Test
    void theEncoderGivesByteForByteWhatTheFileHolds() throws IOException {
        FileRecord r = record("a,b.wav");
        r.outputs.put("pitch.f0", List.of(Feature.of(0.0, 0.064, 212.4f)));
        r.outputs.put("ser.emotion", List.of(new Feature(0.5, 1.5, new float[] {0.2f, 0.8f}, null)));
        FileRecord failed = new FileRecord();
        failed.file = "=bad.wav";
        failed.error = "bad.wav: not audio";
        Path out = dir.resolve("r.csv");
        write(out, false, r, failed);
        RecordEncoder encoder = writer.encoder(outputs).orElseThrow();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        encoder.header(stream);
        encoder.encode(r, stream);
        encoder.encode(failed, stream);
        assertEquals(Files.readString(out), stream.toString(StandardCharsets.UTF_8));
    }

    private void write(Path out, boolean append, FileRecord... records) throws IOException {
        try (RecordSink sink = writer.open(out, outputs, append)) {
            for (FileRecord r : records) {
                sink.write(r);
            }
        }
    }

    private static List<List<String>> read(Path out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(Files.readAllBytes(out)))) {
            List<String> row;
            while ((row = reader.next()) != null) {
                rows.add(row);
            }
            assertFalse(reader.torn(), "the writer never leaves a torn row");
        }
        return rows;
    }

    private static List<String> row(String... fields) {
        return List.of(fields);
    }

    private static FileRecord record(String file) {
        FileRecord r = new FileRecord();
        r.file = file;
        r.duration = 2.5;
        r.sampleRate = 44100;
        r.channels = 2;
        return r;
    }

    private static OutputDescriptor output(String id, String kind, List<String> bins) {
        OutputDescriptor d = new OutputDescriptor(id, id, kind, null, bins == null ? -1 : bins.size(),
            SampleType.VARIABLE, true);
        d.binNames = bins;
        return d;
    }
}
