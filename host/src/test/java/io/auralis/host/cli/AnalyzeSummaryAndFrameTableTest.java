package io.auralis.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.command.Command;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.output.OutputWriter;
import io.auralis.testkit.FakeDecoder;
import io.auralis.host.fake.FakeExtractor;
import io.auralis.host.fake.FakeServices;
import io.auralis.testkit.CapturingContext;
import io.auralis.writers.csv.CsvWriter;
import io.auralis.writers.csv.WideCsvWriter;
import io.auralis.writers.jsonl.JsonLinesWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code analyze --summary} and {@code --format csv-wide} through the command, with fake extractors. */
class AnalyzeSummaryAndFrameTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @TempDir
    Path cwd;

    private CapturingContext context;

    /** A level every 0.1 s: the block's index. */
    private final FakeExtractor level = FakeExtractor.of("t.level").output("dbfs", "loudness",
        SampleType.ONE_PER_BLOCK, "dbfs").framing(1600, 1600).sessions(c -> new ExtractorSession() {
            @Override
            public void process(AudioBlock block, FeatureSink sink) {
                sink.emit("dbfs", Feature.of(block.startTime(), block.duration(), block.startFrame() / 1600f));
            }

            @Override
            public void finish(FeatureSink sink) {
            }
        });

    /** A pitch every 0.25 s, on a grid of its own: 100 Hz plus the block's index. */
    private final FakeExtractor pitch = FakeExtractor.of("t.pitch")
        .output("f0", "pitch", SampleType.ONE_PER_BLOCK, "f0").framing(4000, 4000).sessions(c -> new ExtractorSession() {
            @Override
            public void process(AudioBlock block, FeatureSink sink) {
                sink.emit("f0", Feature.of(block.startTime(), block.duration(), 100 + block.startFrame() / 4000f));
            }

            @Override
            public void finish(FeatureSink sink) {
            }
        });

    /** One speech segment, 0.2 to 0.5 s. */
    private final FakeExtractor segmenter = FakeExtractor.of("t.seg").output("speech", "segment",
        SampleType.VARIABLE, "level").sessions(c -> new ExtractorSession() {
            @Override
            public void process(AudioBlock block, FeatureSink sink) {
            }

            @Override
            public void finish(FeatureSink sink) {
                sink.emit("speech", new Feature(0.2, 0.3, new float[] {-12}, "speech"));
            }
        });

    @BeforeEach
    void installation() throws IOException {
        Files.createDirectories(home.resolve("workflows"));
        Files.writeString(home.resolve("workflows/default.json"), ("{'steps': [{'id': 'segments', 'extractor': "
            + "'t.seg'}, {'id': 'level', 'extractor': 't.level'}, {'id': 'pitch', 'extractor': 't.pitch'}]}")
            .replace('\'', '"'));
        Files.writeString(home.resolve("workflows/frames.json"), ("{'steps': [{'id': 'level', 'extractor': "
            + "'t.level'}]}").replace('\'', '"'));
        FakeDecoder.write(cwd.resolve("in/a.wav"), "frames=16000 rate=16000");
        FakeDecoder.write(cwd.resolve("in/b.wav"), "frames=8000 rate=16000");
        FakeDecoder.write(cwd.resolve("in/c.wav"), "reject");
    }

    private int analyze(String... args) {
        context = new CapturingContext(cwd, false);
        List<OutputWriter> writers = List.of(new JsonLinesWriter(), new CsvWriter(), new WideCsvWriter());
        return context.launch(new AnalyzeCommand(FakeServices.of(new FakeDecoder(), writers, segmenter, level, pitch),
            home, "cpu", () -> new ByteArrayInputStream(new byte[0])), Arrays.asList(args));
    }

    private List<JsonNode> records() throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : context.outText().lines().toList()) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    private static JsonNode statistic(JsonNode record, String output, String label) {
        for (JsonNode f : record.get("outputs").get(output)) {
            if (f.get("label").asText().equals(label)) {
                return f;
            }
        }
        throw new AssertionError(output + " has no " + label + ": " + record);
    }

    @Test
    void summaryFileAddsTheStatisticsOfEveryNumericOutputToEachRecord() throws Exception {
        assertEquals(Command.PARTIAL_FAILURE, analyze("--summary", "file", "in"));
        List<JsonNode> records = records();
        JsonNode a = records.get(0);
        List<String> keys = new ArrayList<>();
        a.get("outputs").fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("segments.speech", "level.dbfs", "pitch.f0", "segments.speech:summary",
            "level.dbfs:summary", "pitch.f0:summary"), keys);
        // Levels 0..9 over the whole second.
        assertEquals(10, statistic(a, "level.dbfs:summary", "count").get("dbfs").asInt());
        assertEquals(4.5, statistic(a, "level.dbfs:summary", "median").get("dbfs").asDouble());
        assertEquals(Math.sqrt(8.25), statistic(a, "level.dbfs:summary", "sd").get("dbfs").asDouble(), 1e-6);
        assertEquals(0.0, statistic(a, "level.dbfs:summary", "mean").get("time").asDouble());
        assertEquals(1.0, statistic(a, "level.dbfs:summary", "mean").get("duration").asDouble());
        // Pitch 100..103: an even count, whose median is the mean of 101 and 102.
        assertEquals(101.5, statistic(a, "pitch.f0:summary", "median").get("f0").asDouble());
        JsonNode failed = records.get(2);
        assertEquals(0, failed.get("outputs").size(), "a failed file has no outputs, summaries neither");
    }

    @Test
    void summarySegmentsCountsOnlyTheFeaturesInsideSpeechAndGivesNullsWithoutAny() throws Exception {
        FakeDecoder.write(cwd.resolve("short/s.wav"), "frames=1600 rate=16000");
        assertEquals(Command.OK, analyze("--summary", "segments", "in/a.wav", "short/s.wav"));
        List<JsonNode> records = records();
        // Levels at 0.2, 0.3 and 0.4 s; pitch at 0.25 s.
        assertEquals(3, statistic(records.get(0), "level.dbfs:summary", "count").get("dbfs").asInt());
        assertEquals(3.0, statistic(records.get(0), "level.dbfs:summary", "mean").get("dbfs").asDouble());
        assertEquals(101.0, statistic(records.get(0), "pitch.f0:summary", "maximum").get("f0").asDouble());
        // 0.1 s of audio: the segment starts after it ends, so nothing is inside speech.
        assertEquals(0, statistic(records.get(1), "level.dbfs:summary", "count").get("dbfs").asInt());
        assertTrue(statistic(records.get(1), "level.dbfs:summary", "mean").get("dbfs").isNull(), "null, not NaN");
    }

    @Test
    void summariesGoToCsvAsRowsLabelledWithTheirStatistic() throws Exception {
        assertEquals(Command.OK, analyze("--summary", "file", "-w", "frames", "-o", "r.csv", "in/a.wav"));
        List<String> rows = Files.readAllLines(cwd.resolve("r.csv"));
        assertEquals("file,output,time,duration,label,confidence,dbfs,values,sampleRate,channels,error", rows.get(0));
        assertTrue(rows.contains("in/a.wav,level.dbfs:summary,0.0,1.0,median,,4.5,,,,"), rows.toString());
        assertTrue(rows.contains("in/a.wav,level.dbfs:summary,0.0,1.0,count,,10.0,,,,"), rows.toString());
    }

    @Test
    void badSummaryFlagsAreRefusedWithOneLine() {
        assertEquals(Command.USAGE, analyze("--summary", "speech", "in"));
        assertEquals(List.of("auralis: analyze: --summary must be file or segments, not 'speech'"),
            context.errLines());
        assertEquals(Command.USAGE, analyze("--summary", "segments", "-w", "frames", "in"));
        assertEquals(1, context.errLines().size(), context.errText());
        assertTrue(context.errLines().get(0).startsWith("auralis: analyze: --summary segments: "), context.errText());
        assertTrue(context.errLines().get(0).endsWith("frames.json: writes no output of kind segment (such as "
            + "segments.speech) for the summaries to cover; add one to its outputs, or use --summary file"),
            context.errText());
        assertEquals(Command.USAGE, analyze("--summary", "file", "-"));
        assertTrue(context.errText().startsWith("auralis: analyze: --summary summarises whole files"),
            context.errText());
    }

    @Test
    void resumingWithOtherSummariesIsRefused() throws Exception {
        assertEquals(Command.OK, analyze("--summary", "file", "-o", "r.jsonl", "in/a.wav"));
        assertTrue(Files.readString(cwd.resolve("r.jsonl.auralis.json")).contains("\"summary\" : \"file\""));
        assertEquals(Command.USAGE, analyze("--resume", "--summary", "segments", "-o", "r.jsonl", "in"));
        assertTrue(context.errText().contains("it was written by workflow 'default' with --summary file ("),
            context.errText());
        assertTrue(context.errText().contains("and workflow 'default' with --summary segments computes other"),
            context.errText());
        assertEquals(Command.USAGE, analyze("--resume", "-o", "r.jsonl", "in"));
        assertEquals(Command.PARTIAL_FAILURE, analyze("--resume", "--summary", "file", "-o", "r.jsonl", "in"));
    }

    @Test
    void theFrameTableHasARowAtEveryTimeOfEitherGridAndEmptyCellsWhereAnOutputHasNone() throws Exception {
        assertEquals(Command.PARTIAL_FAILURE, analyze("--format", "csv-wide", "--summary", "file", "in"));
        List<String> rows = context.outText().lines().toList();
        assertEquals("file,time,dbfs,f0,error", rows.get(0));
        assertEquals(List.of(
            "in/a.wav,0.0,0.0,100.0,", "in/a.wav,0.1,1.0,,", "in/a.wav,0.2,2.0,,", "in/a.wav,0.25,,101.0,",
            "in/a.wav,0.3,3.0,,", "in/a.wav,0.4,4.0,,", "in/a.wav,0.5,5.0,102.0,", "in/a.wav,0.6,6.0,,",
            "in/a.wav,0.7,7.0,,", "in/a.wav,0.75,,103.0,", "in/a.wav,0.8,8.0,,", "in/a.wav,0.9,9.0,,"),
            rows.subList(1, 13));
        assertEquals("in/c.wav,,,,in/c.wav: not an audio file (fake)", rows.get(rows.size() - 1));
        assertEquals(Command.PARTIAL_FAILURE, analyze("-o", "frames.csv", "--format", "csv-wide", "in"));
        assertEquals(rows, Files.readAllLines(cwd.resolve("frames.csv")),
            "the file holds what standard output got, summaries aside");
    }
}
