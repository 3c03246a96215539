package io.auralis.writers.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.output.FileRecord;
import io.auralis.api.output.RecordEncoder;
import io.auralis.api.output.RecordSink;
import io.auralis.api.output.SummaryFeatures;

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

class WideCsvWriterTest {
    @TempDir
    Path dir;

    private final WideCsvWriter writer = new WideCsvWriter();
    private final Map<String, OutputDescriptor> outputs = new LinkedHashMap<>();

    WideCsvWriterTest() {
        outputs.put("seg.speech", output("speech", SampleType.VARIABLE, 1, "level"));
        outputs.put("pitch.f0", output("f0", SampleType.ONE_PER_BLOCK, 1, "f0"));
        outputs.put("loud.dbfs", output("dbfs", SampleType.FIXED_RATE, 1, "dbfs"));
        outputs.put("ser.emotion", EmotionFeatures.output("emotion", "Emotion", List.of("angry", "happy")));
        outputs.put("pitch.f0:summary", SummaryFeatures.output("pitch.f0", outputs.get("pitch.f0"), "the file"));
    }

    private static OutputDescriptor output(String id, SampleType type, int bins, String... names) {
        OutputDescriptor d = new OutputDescriptor(id, id, "k", null, bins, type, true);
        d.binNames = names.length == 0 ? null : List.of(names);
        return d;
    }

    private static FileRecord record(String file) {
        FileRecord r = new FileRecord();
        r.file = file;
        r.duration = 1;
        r.sampleRate = 16000;
        r.channels = 1;
        return r;
    }

    /** Pitch every 0.032 s from 0, loudness every 0.1 s from 0, one segment: outputs on three time lines. */
    private static FileRecord voice(String file) {
        FileRecord r = record(file);
        r.outputs.put("seg.speech", List.of(new Feature(0.05, 0.5, new float[] {-12}, "speech")));
        List<Feature> f0 = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            f0.add(Feature.of(i * 0.032, 0.064, 200 + i));
        }
        r.outputs.put("pitch.f0", f0);
        // Loudness comes out of order and at a time that is 0.1 only once rounded.
        r.outputs.put("loud.dbfs", List.of(Feature.of(0.1 + 1e-12, 0.1, -21.5f), Feature.of(0, 0.1, -20f)));
        r.outputs.put("ser.emotion", List.of(new Feature(0.05, 0.5, new float[] {0.2f, 0.8f}, "happy")));
        return r;
    }

    private String encode(Map<String, OutputDescriptor> outputs, FileRecord... records) throws IOException {
        RecordEncoder encoder = writer.encoder(outputs).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encoder.header(out);
        for (FileRecord r : records) {
            encoder.encode(r, out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private void write(Path out, boolean append, FileRecord... records) throws IOException {
        try (RecordSink sink = writer.open(out, outputs, append)) {
            for (FileRecord r : records) {
                sink.write(r);
            }
        }
    }

    @Test
    void framesOfEveryOutputShareOneRowPerTimeTheUnionOfTheirGridsWithEmptyCellsElsewhere() throws IOException {
        assertEquals("file,time,f0,dbfs,error\r\n"
            + "a.wav,0.0,200.0,-20.0,\r\n"
            + "a.wav,0.032,201.0,,\r\n"
            + "a.wav,0.064,202.0,,\r\n"
            + "a.wav,0.096,203.0,,\r\n"
            + "a.wav,0.1,,-21.5,\r\n", encode(outputs, voice("a.wav")));
    }

    @Test
    void segmentsEmotionsAndSummariesAreLeftOutOfTheFrameTable() throws IOException {
        FileRecord r = record("a.wav");
        r.outputs.put("seg.speech", List.of(new Feature(0.05, 0.5, new float[] {-12}, "speech")));
        r.outputs.put("ser.emotion", List.of(new Feature(0.05, 0.5, new float[] {0.2f, 0.8f}, "happy")));
        r.outputs.put("pitch.f0:summary", List.of(new Feature(0, 1, new float[] {3}, SummaryFeatures.COUNT)));
        assertEquals("file,time,f0,dbfs,error\r\na.wav,,,,\r\n", encode(outputs, r),
            "a file without frames is one row with its name, so that every input has one");
    }

    @Test
    void aFailedFileIsOneRowWithItsError() throws IOException {
        FileRecord failed = new FileRecord();
        failed.file = "b.wav";
        failed.error = "b.wav: empty file";
        assertEquals("file,time,f0,dbfs,error\r\nb.wav,,,,b.wav: empty file\r\n", encode(outputs, failed));
    }

    @Test
    void valuesArePlainDecimalsAndNanIsAnEmptyCell() throws IOException {
        FileRecord r = record("a.wav");
        r.outputs.put("pitch.f0", List.of(Feature.of(2.0999999999999996, 0.064, 4.3584223E-4f),
            Feature.of(3, 0.064, Float.NaN)));
        assertEquals("file,time,f0,dbfs,error\r\na.wav,2.1,0.00043584223,,\r\na.wav,3.0,,,\r\n",
            encode(outputs, r));
    }

    @Test
    void everyValueHasAColumnOfItsOwnNamedByItsBinOrItsOutput() throws IOException {
        Map<String, OutputDescriptor> o = new LinkedHashMap<>();
        o.put("a.f0", output("f0", SampleType.ONE_PER_BLOCK, 1, "f0"));
        o.put("b.f0", output("f0", SampleType.ONE_PER_BLOCK, 1, "f0"));
        o.put("c.v", output("v", SampleType.ONE_PER_BLOCK, 1));
        o.put("d.mfcc", output("mfcc", SampleType.ONE_PER_BLOCK, 2));
        o.put("e.x", output("x", SampleType.ONE_PER_BLOCK, 2, "time", "y"));
        o.put("f.any", output("any", SampleType.ONE_PER_BLOCK, -1));
        assertEquals("file,time,a.f0:f0,b.f0:f0,c.v,d.mfcc:0,d.mfcc:1,e.x:time,y,error\r\n", encode(o));
    }

    @Test
    void anOutputWithTwoFeaturesAtOneTimeFillsTwoRows() throws IOException {
        FileRecord r = record("a.wav");
        r.outputs.put("pitch.f0", List.of(Feature.of(0.5, 0, 1), Feature.of(0.5, 0, 2)));
        r.outputs.put("loud.dbfs", List.of(Feature.of(0.5, 0, -3)));
        assertEquals("file,time,f0,dbfs,error\r\na.wav,0.5,1.0,-3.0,\r\na.wav,0.5,2.0,,\r\n", encode(outputs, r));
    }

    @Test
    void theFileHoldsByteForByteWhatTheEncoderGives() throws IOException {
        Path out = dir.resolve("frames.csv");
        FileRecord failed = new FileRecord();
        failed.file = "=c.wav";
        failed.error = "=c.wav: not audio";
        write(out, false, voice("a,b.wav"), failed);
        assertEquals(encode(outputs, voice("a,b.wav"), failed), Files.readString(out));
        assertTrue(Files.readString(out).contains("\r\n'=c.wav,,,,'=c.wav: not audio\r\n"), "formulas are defused");
    }

    @Test
    void resumingCutsOffTheRowsOfTheLastFileWhichMayBeTornAndWritesItAgain() throws IOException {
        Path out = dir.resolve("frames.csv");
        write(out, false, voice("a.wav"), voice("b.wav"));
        assertEquals(Set.of("a.wav"), writer.completed(out), "nothing says whether b.wav's rows are all there");
        // A crash tore the next row inside a quoted field: b.wav's or c.wav's, nobody can tell.
        Files.writeString(out, "c.wav,0.0,200.0,\"-2", StandardOpenOption.APPEND);
        long torn = Files.size(out);
        assertEquals(Set.of("a.wav"), writer.completed(out));
        assertEquals(torn, Files.size(out), "completed only reads");
        write(out, true, voice("b.wav"), voice("c.wav"));
        assertEquals(encode(outputs, voice("a.wav"), voice("b.wav"), voice("c.wav")), Files.readString(out),
            "b.wav's rows appear once, whole, and the header once");
        assertEquals(List.of("a.wav", "b.wav"), new ArrayList<>(writer.completed(out)));
    }

    @Test
    void appendingRefusesALongTableAndAWideTableOfOtherColumns() throws IOException {
        Path narrow = dir.resolve("r.csv");
        try (RecordSink sink = new CsvWriter().open(narrow, outputs, false)) {
            sink.write(voice("a.wav"));
        }
        String before = Files.readString(narrow);
        IOException e = assertThrows(IOException.class, () -> writer.completed(narrow));
        assertTrue(e.getMessage().contains("not a CSV written by Auralis"), e.getMessage());
        assertThrows(IOException.class, () -> writer.open(narrow, outputs, true));
        assertEquals(before, Files.readString(narrow), "never cut");

        Path wide = dir.resolve("frames.csv");
        write(wide, false, voice("a.wav"));
        Map<String, OutputDescriptor> other = new LinkedHashMap<>(outputs);
        other.remove("loud.dbfs");
        e = assertThrows(IOException.class, () -> writer.open(wide, other, true));
        assertTrue(e.getMessage().contains("has the columns file,time,f0,dbfs,error but this workflow writes "
            + "file,time,f0,error"), e.getMessage());
    }
}
