package io.auralis.host.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.output.FileRecord;
import io.auralis.api.output.OutputWriter;
import io.auralis.api.output.RecordEncoder;
import io.auralis.api.output.RecordSink;
import io.auralis.writers.csv.CsvWriter;
import io.auralis.writers.jsonl.JsonLinesWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class StreamedRecordsTest {
    @TempDir
    Path dir;

    private static Map<String, OutputDescriptor> outputs() {
        Map<String, OutputDescriptor> outputs = new LinkedHashMap<>();
        outputs.put("p.f0", new OutputDescriptor("f0", "f0", "pitch", "Hz", 1, SampleType.VARIABLE, true));
        outputs.put("s.speech", new OutputDescriptor("speech", "speech", "segment", null, 1, SampleType.VARIABLE,
            true));
        outputs.put("e.emotion", EmotionFeatures.output("emotion", "Emotion", List.of("angry", "calm")));
        return outputs;
    }

    private static List<FileRecord> records() {
        FileRecord ok = new FileRecord();
        ok.file = "dir, \"q\"\n/ä.wav";
        ok.duration = 2.51;
        ok.sampleRate = 44100;
        ok.channels = 2;
        ok.outputs.put("p.f0", List.of(Feature.of(0, 0.064, 212.4f), Feature.of(0.032, 0.064, Float.NaN)));
        ok.outputs.put("s.speech", List.of(new Feature(0.3, 1.9, new float[] {-20.5f}, "speech")));
        ok.outputs.put("e.emotion", List.of(new Feature(0.3, 1.9, new float[] {0.91f, 0.09f}, null),
            new Feature(2.2, 1, new float[] {0.5f}, "odd")));
        FileRecord failed = new FileRecord();
        failed.file = "b.wav";
        failed.error = "b.wav: not audio";
        return List.of(ok, failed);
    }

    @Test
    void standardOutputGetsExactlyTheBytesEachWriterPutsInAFile() throws Exception {
        for (OutputWriter writer : List.of(new JsonLinesWriter(), new CsvWriter())) {
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            try (RecordSink sink = new StreamedRecords(new PrintStream(stdout, false, StandardCharsets.UTF_8),
                    writer.encoder(outputs()).orElseThrow(), "standard output")) {
                for (FileRecord r : records()) {
                    sink.write(r);
                }
            }
            Path file = dir.resolve("r." + writer.format());
            try (RecordSink sink = writer.open(file, outputs(), false)) {
                for (FileRecord r : records()) {
                    sink.write(r);
                }
            }
            assertEquals(Files.readString(file), stdout.toString(StandardCharsets.UTF_8), writer.format());
        }
    }

    @Test
    void aRecordThatFailsPartWayLeavesNothingOnTheStreamAndTheNextOneFollowsCleanly() throws Exception {
        RecordEncoder failing = new RecordEncoder() {
            @Override
            public void header(OutputStream out) {
            }

            @Override
            public void encode(FileRecord record, OutputStream out) throws IOException {
                out.write((record.file + " begins").getBytes(StandardCharsets.UTF_8));
                if (record.file.equals("huge.wav")) {
                    throw new OutOfMemoryError("Java heap space");
                }
                out.write('\n');
            }
        };
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        try (RecordSink sink = new StreamedRecords(new PrintStream(stdout, false, StandardCharsets.UTF_8), failing,
                "standard output")) {
            FileRecord huge = new FileRecord();
            huge.file = "huge.wav";
            assertThrows(OutOfMemoryError.class, () -> sink.write(huge));
            FileRecord next = new FileRecord();
            next.file = "next.wav";
            sink.write(next);
        }
        assertEquals("next.wav begins\n", stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aClosedPipeIsAnIoErrorNamingTheStream() throws Exception {
        PrintStream closed = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        }, false, StandardCharsets.UTF_8);
        RecordSink sink = new StreamedRecords(closed, new JsonLinesWriter().encoder(outputs()).orElseThrow(),
            "standard output");
        IOException e = assertThrows(IOException.class, () -> sink.write(records().get(1)));
        assertEquals("standard output: cannot write (closed pipe?)", e.getMessage());
    }
}
