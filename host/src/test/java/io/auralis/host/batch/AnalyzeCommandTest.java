package io.auralis.host.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.command.Command;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.api.output.OutputWriter;
import io.auralis.host.fake.FakeDecoder;
import io.auralis.host.fake.FakeExtractor;
import io.auralis.host.fake.FakeServices;
import io.auralis.host.fake.TestContext;
import io.auralis.writers.csv.CsvWriter;
import io.auralis.writers.jsonl.JsonLinesWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

class AnalyzeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @TempDir
    Path cwd;

    private final FakeDecoder decoder = new FakeDecoder();

    /** Like loudness: one value per block; throws for files whose name contains "boom". */
    private final FakeExtractor level = FakeExtractor.of("t.level").output("level", "loudness").framing(1000, 500)
        .parameter(ParameterDescriptor.number("gain", "Gain", "", null, 0, 10, 1))
        .sessions(c -> new ExtractorSession() {
            @Override
            public void process(AudioBlock block, FeatureSink sink) {
                if (c.source().contains("boom")) {
                    throw new IllegalStateException("kaput");
                }
                sink.emit("level", Feature.of(block.startTime(), block.duration(),
                    (float) (block.samples()[0] * c.parameters().getDouble("gain"))));
            }

            @Override
            public void finish(FeatureSink sink) {
            }
        });

    private final List<OutputWriter> writers = List.of(new JsonLinesWriter(), new CsvWriter());

    @BeforeEach
    void installation() throws IOException {
        Files.createDirectories(home.resolve("workflows"));
        workflow("default", "{'description': 'Levels.', 'steps': [{'id': 'l', 'extractor': 't.level'}]}");
        workflow("double", "{'description': 'Levels, doubled.', 'steps': [{'id': 'l', 'extractor': 't.level', "
            + "'parameters': {'gain': 2}}]}");
        for (int i = 0; i < 6; i++) {
            FakeDecoder.write(cwd.resolve("in/" + i + ".wav"), "frames=" + (3000 + 1000 * i) + " rate=44100");
        }
    }

    private void workflow(String name, String json) throws IOException {
        Files.writeString(home.resolve("workflows/" + name + ".json"), json.replace('\'', '"'));
    }

    private TestContext context;

    private int analyze(String... args) {
        context = new TestContext(cwd, false);
        FakeServices services = FakeServices.of(decoder, writers, level);
        return new AnalyzeCommand(services, home).run(Arrays.asList(args), context);
    }

    private static Map<String, JsonNode> byFile(List<String> lines) throws IOException {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (String line : lines) {
            JsonNode n = JSON.readTree(line);
            if (m.put(n.get("file").asText(), n) != null) {
                throw new AssertionError("recorded twice: " + n.get("file").asText());
            }
        }
        return m;
    }

    @Test
    void withoutOutputRecordsGoToStandardOutputAndProgressToStandardError() throws Exception {
        assertEquals(Command.OK, analyze("in"));
        List<String> lines = context.outText().lines().toList();
        assertEquals(6, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals("in/0.wav", first.get("file").asText());
        assertEquals(44100, first.get("sampleRate").asInt());
        assertEquals(5, first.get("outputs").get("l.level").size());
        List<String> err = context.errLines();
        int workers = Math.min(6, Runtime.getRuntime().availableProcessors());
        assertEquals("auralis: analysing 6 files with workflow 'default' on " + workers
            + (workers == 1 ? " worker" : " workers") + " into standard output", err.get(0));
        assertTrue(err.get(err.size() - 1).startsWith("auralis: analysed 6 files: 6 ok, 0 failed; "),
            err.toString());
    }

    @Test
    void failuresExitWithOneWithTheirErrorsInTheRecordsOnStandardErrorAndInTheSummary() throws Exception {
        FakeDecoder.write(cwd.resolve("in/3-boom.wav"), "frames=3000");
        FakeDecoder.write(cwd.resolve("in/4-text.wav"), "reject");

        assertEquals(Command.PARTIAL_FAILURE, analyze("--workers", "3", "--output", "r.jsonl", "in"));

        Map<String, JsonNode> records = byFile(Files.readAllLines(cwd.resolve("r.jsonl")));
        assertEquals(8, records.size());
        assertTrue(records.get("in/3-boom.wav").get("error").asText()
            .startsWith("in/3-boom.wav: step 'l': IllegalStateException: kaput at "));
        assertEquals("in/4-text.wav: not an audio file (fake)", records.get("in/4-text.wav").get("error").asText());
        List<String> err = context.errLines();
        assertTrue(err.contains("auralis: in/4-text.wav: not an audio file (fake)"), err.toString());
        assertTrue(err.get(err.size() - 1).startsWith("auralis: analysed 8 files: 6 ok, 2 failed; "),
            err.toString());
    }

    @Test
    void aFolderThatCannotBeSearchedIsAnErrorRecordAndExitCodeOne() throws Exception {
        String deep = UnsearchableFolder.create(cwd.resolve("in"));
        try {
            assertEquals(Command.PARTIAL_FAILURE, analyze("--output", "r.jsonl", "in"));
            Map<String, JsonNode> records = byFile(Files.readAllLines(cwd.resolve("r.jsonl")));
            assertEquals(7, records.size());
            String name = records.keySet().stream().filter(n -> n.startsWith("in/" + deep)).findFirst().orElseThrow();
            assertEquals(name + ": cannot be searched: File name too long", records.get(name).get("error").asText());
            List<String> err = context.errLines();
            assertTrue(err.contains("auralis: " + name + ": cannot be searched: File name too long"), err.toString());
            assertTrue(err.get(err.size() - 1).startsWith("auralis: analysed 7 files: 6 ok, 1 failed; "),
                err.toString());
        } finally {
            UnsearchableFolder.delete(cwd.resolve("in"));
        }
    }

    @Test
    void resumingAfterACrashAnalysesEveryInputExactlyOnceAndLosesNothing() throws Exception {
        assertEquals(Command.OK, analyze("--output", "whole.jsonl", "in"));
        List<String> whole = Files.readAllLines(cwd.resolve("whole.jsonl"));

        // A crash after three records, in the middle of writing the fourth.
        Path out = cwd.resolve("r.jsonl");
        String crashed = String.join("\n", whole.subList(0, 3)) + "\n" + whole.get(3).substring(0, 40);
        Files.writeString(out, crashed);
        int opened = decoder.opened.get();

        assertEquals(Command.OK, analyze("--resume", "--output", "r.jsonl", "in"));

        assertEquals(whole, Files.readAllLines(out), "every input once, in order, with the same content");
        assertEquals(3, decoder.opened.get() - opened, "only the files missing from the output were analysed");
        assertTrue(context.errLines().contains("auralis: resuming: 3 of 6 files are already in r.jsonl"),
            context.errText());
    }

    @Test
    void resumingACsvOutputCutsOffATornRecordAndAppendsTheRest() throws Exception {
        assertEquals(Command.OK, analyze("--output", "whole.csv", "in"));
        String whole = Files.readString(cwd.resolve("whole.csv"));
        // The crash left the first two files and part of the third file's rows.
        String fileRowEnd = ",44100,1,\r\n";
        int cut = nthIndexOf(whole, fileRowEnd, 1) + fileRowEnd.length() + 70;
        Path out = cwd.resolve("r.csv");
        Files.writeString(out, whole.substring(0, cut));

        assertEquals(Command.OK, analyze("--resume", "--output", "r.csv", "in"));

        assertEquals(whole, Files.readString(out));
        assertTrue(context.errLines().contains("auralis: resuming: 2 of 6 files are already in r.csv"),
            context.errText());
    }

    @Test
    void resumingSkipsFilesRecordedWithAnErrorToo() throws Exception {
        FakeDecoder.write(cwd.resolve("in/9-text.wav"), "reject");
        assertEquals(Command.PARTIAL_FAILURE, analyze("--output", "r.jsonl", "in"));
        int opened = decoder.opened.get();
        assertEquals(Command.OK, analyze("--resume", "--output", "r.jsonl", "in"));
        assertEquals(opened, decoder.opened.get());
        assertTrue(context.errLines().contains("auralis: nothing left to analyse"), context.errText());
        assertEquals(7, Files.readAllLines(cwd.resolve("r.jsonl")).size());
    }

    @Test
    void withoutResumeAnExistingOutputIsReplaced() throws Exception {
        Files.writeString(cwd.resolve("r.jsonl"), "old\n");
        assertEquals(Command.OK, analyze("-o", "r.jsonl", "in/0.wav"));
        List<String> lines = Files.readAllLines(cwd.resolve("r.jsonl"));
        assertEquals(1, lines.size());
        assertEquals("in/0.wav", JSON.readTree(lines.get(0)).get("file").asText());
    }

    @Test
    void theFormatFollowsTheOutputFilesExtension() throws Exception {
        assertEquals(Command.OK, analyze("--output", "r.csv", "in/1.wav"));
        String csv = Files.readString(cwd.resolve("r.csv"));
        assertTrue(csv.startsWith("file,output,time,duration,label,values,sampleRate,channels,error\r\n"), csv);
        assertEquals(Command.OK, analyze("--output", "r.txt", "--format", "jsonl", "in/1.wav"));
        assertEquals(1, Files.readAllLines(cwd.resolve("r.txt")).size());
    }

    @Test
    void aWorkflowIsFoundByNameOrAsAFileAndItsWritersAreUsedWithoutOutput() throws Exception {
        assertEquals(Command.OK, analyze("--workflow", "double", "in/1.wav"));
        JsonNode r = JSON.readTree(context.outText().lines().findFirst().orElseThrow());
        assertEquals(1000.0, r.get("outputs").get("l.level").get(1).get("values").get(0).asDouble(), "gain 2");

        Files.writeString(cwd.resolve("mine.json"), ("{'steps': [{'id': 'x', 'extractor': 't.level'}], "
            + "'writers': [{'format': 'csv', 'path': 'out/x.csv'}, {'format': 'jsonl', 'path': 'out/x.jsonl'}]}")
            .replace('\'', '"'));
        assertEquals(Command.OK, analyze("--workflow", "mine.json", "in/1.wav", "in/2.wav"));
        assertEquals("", context.outText());
        assertEquals(2, Files.readAllLines(cwd.resolve("out/x.jsonl")).size());
        assertTrue(Files.readString(cwd.resolve("out/x.csv")).contains("in/2.wav,x.level,"));
    }

    @Test
    void badUsageIsOneLineAndExitCodeTwo() throws Exception {
        Files.writeString(cwd.resolve("keep.jsonl"), "precious\n");
        Map<List<String>, String> cases = Map.of(
            List.of("--frobnicate", "in"), "auralis: analyze: Unrecognized option: --frobnicate (see auralis analyze "
                + "--help)",
            List.of("-o", "keep.jsonl", "in", "nope.wav"), "auralis: nope.wav: no such file",
            List.of(), "auralis: analyze: no input files or folders (see auralis analyze --help)",
            List.of("--workers", "0", "in"), "auralis: analyze: --workers must be a whole number from 1 to 1024, "
                + "not '0'",
            List.of("--format", "xml", "-o", "keep.jsonl", "in"), "auralis: analyze: unknown format 'xml' (known: csv, "
                + "jsonl)",
            List.of("-o", "r.txt", "in"), "auralis: r.txt: cannot tell the format from the file name; add --format "
                + "(known: csv, jsonl)",
            List.of("--resume", "in"), "auralis: analyze: --resume needs an output file (--output FILE, or writers "
                + "in the workflow): standard output cannot be resumed",
            List.of("--format", "csv", "in"), "auralis: analyze: --format csv needs --output FILE; only jsonl goes to "
                + "standard output",
            List.of("--workflow", "nosuch", "in"), "auralis: nosuch: no such workflow file, and no workflow of that "
                + "name in " + home.resolve("workflows") + " (workflows: default, double)");
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            assertEquals(Command.USAGE, analyze(c.getKey().toArray(String[]::new)), c.getKey().toString());
            assertEquals(List.of(c.getValue()), context.errLines(), c.getKey().toString());
            assertEquals("", context.outText());
        }
        assertEquals("precious\n", Files.readString(cwd.resolve("keep.jsonl")), "nothing run, nothing touched");
        assertEquals(0, decoder.opened.get());
    }

    @Test
    void anInvalidWorkflowListsEveryProblemAndRunsNothing() throws Exception {
        Files.writeString(cwd.resolve("keep.jsonl"), "precious\n");
        Files.writeString(cwd.resolve("bad.json"), ("{'steps': [{'id': 'l', 'extractor': 't.level', "
            + "'parameters': {'gain': 20, 'boost': 1}}, {'id': 'm', 'extractor': 't.lvl'}]}").replace('\'', '"'));
        assertEquals(Command.USAGE, analyze("-w", "bad.json", "-o", "keep.jsonl", "in"));
        assertEquals(List.of(
            "auralis: bad.json: step 'l': unknown parameter 'boost' for t.level (valid: gain)",
            "auralis: bad.json: step 'l': parameter 'gain' is 20, out of range: must be between 0 and 10",
            "auralis: bad.json: step 'm': unknown extractor 't.lvl' (known: t.level)"), context.errLines());
        assertEquals("precious\n", Files.readString(cwd.resolve("keep.jsonl")));

        Files.writeString(cwd.resolve("broken.json"), "{\"steps\": [");
        assertEquals(Command.USAGE, analyze("-w", "broken.json", "in"));
        assertEquals(1, context.errLines().size());
        assertTrue(context.errLines().get(0).startsWith("auralis: broken.json: line 1, column 12: "),
            context.errText());
        assertEquals(0, decoder.opened.get());
    }

    @Test
    void withoutADecoderTheCommandSaysSoWithExitCodeThree() {
        context = new TestContext(cwd, false);
        int code = new AnalyzeCommand(new FakeServices(List.of(level), null, writers), home)
            .run(List.of("in"), context);
        assertEquals(Command.INTERNAL_ERROR, code);
        assertEquals(List.of("auralis: analyze: no audio decoder is running (is the io.auralis.audio bundle "
            + "started?)"), context.errLines());
    }

    @Test
    void listWorkflowsShowsNamesAndDescriptions() {
        assertEquals(Command.OK, analyze("--list-workflows"));
        assertEquals(List.of("default  Levels.", "double   Levels, doubled."), context.outText().lines().toList());
    }

    @Test
    void helpDescribesEveryOption() {
        assertEquals(Command.OK, analyze("--help", "--frobnicate"));
        String help = context.outText();
        for (String option : List.of("--workflow", "--output", "--format", "--workers", "--resume",
                "--list-workflows", "--help")) {
            assertTrue(help.contains(option), option + " in\n" + help);
        }
        assertTrue(help.contains("auralis analyze [options] <file|folder>..."), help);
    }

    @Test
    void aTerminalGetsAProgressBarAndFailuresUnderIt() throws Exception {
        FakeDecoder.write(cwd.resolve("in/3-text.wav"), "reject");
        context = new TestContext(cwd, true);
        int code = new AnalyzeCommand(FakeServices.of(decoder, writers, level), home)
            .run(List.of("-o", "r.jsonl", "in"), context);
        assertEquals(Command.PARTIAL_FAILURE, code);
        String err = context.errText();
        assertTrue(err.contains("analyze"), err);
        assertTrue(err.contains("7/7"), err);
        List<String> lines = Arrays.stream(err.split("[\r\n]+")).map(String::strip).collect(Collectors.toList());
        assertTrue(lines.contains("auralis: in/3-text.wav: not an audio file (fake)"), err);
    }

    private static int nthIndexOf(String s, String what, int n) {
        int at = -1;
        for (int i = 0; i <= n; i++) {
            at = s.indexOf(what, at + 1);
        }
        return at;
    }
}
