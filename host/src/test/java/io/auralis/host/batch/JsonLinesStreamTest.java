package io.auralis.host.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.output.FileRecord;
import io.auralis.api.output.RecordSink;
import io.auralis.writers.jsonl.JsonLinesWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class JsonLinesStreamTest {
    @TempDir
    Path dir;

    @Test
    void standardOutputGetsExactlyTheBytesTheJsonlWriterBundleWrites() throws Exception {
        Map<String, OutputDescriptor> outputs = new LinkedHashMap<>();
        outputs.put("p.f0", new OutputDescriptor("f0", "f0", "pitch", "Hz", 1, SampleType.VARIABLE, true));
        outputs.put("s.speech", new OutputDescriptor("speech", "speech", "segment", null, 1, SampleType.VARIABLE,
            true));
        outputs.put("e.emotion", EmotionFeatures.output("emotion", "Emotion", List.of("angry", "calm")));
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

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        try (RecordSink sink = new JsonLinesStream(new PrintStream(stdout, false, StandardCharsets.UTF_8), outputs)) {
            sink.write(ok);
            sink.write(failed);
        }
        Path file = dir.resolve("r.jsonl");
        try (RecordSink sink = new JsonLinesWriter().open(file, outputs, false)) {
            sink.write(ok);
            sink.write(failed);
        }

        assertEquals(Files.readString(file), stdout.toString(StandardCharsets.UTF_8));
        assertEquals(2, Files.readAllLines(file).size());
    }
}
