package io.auralis.host.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.command.Command;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.api.output.OutputWriter;
import io.auralis.host.fake.FakeExtractor;
import io.auralis.host.fake.FakeServices;
import io.auralis.host.fake.NamedPipes;
import io.auralis.testkit.UnsearchableFolder;
import io.auralis.testkit.CapturingContext;
import io.auralis.testkit.FakeDecoder;
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
import java.time.Duration;
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
        .parameter(ParameterDescriptor.integer("batch", "Batch", "blocks held together", null, 1, 64, 8)
            .performanceOnly())
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

    private CapturingContext context;

    private int analyze(String... args) {
        context = new CapturingContext(cwd, false);
        FakeServices services = FakeServices.of(decoder, writers, level);
        return context.launch(new AnalyzeCommand(services, home), Arrays.asList(args));
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
        Files.copy(cwd.resolve("whole.jsonl.auralis.json"), cwd.resolve("r.jsonl.auralis.json"));
        int opened = decoder.opened.get();

        assertEquals(Command.OK, analyze("--resume", "--output", "r.jsonl", "in"));

        assertEquals(whole, Files.readAllLines(out), "every input once, in order, with the same content");
        assertEquals(3, decoder.opened.get() - opened, "only the files missing from the output were analysed");
        assertTrue(context.errLines().contains("auralis: resuming: 3 of 6 files are already in r.jsonl"),
            context.errText());
    }

    @Test
    void anOutputWrittenWithAnotherBatchIsResumedButNotOneWrittenWithAnotherGain() throws Exception {
        workflow("batched", "{'steps': [{'id': 'l', 'extractor': 't.level', 'parameters': {'batch': 32}}]}");
        assertEquals(Command.OK, analyze("-w", "batched", "-o", "r.jsonl", "in/0.wav", "in/1.wav"));

        assertEquals(Command.OK, analyze("--resume", "-o", "r.jsonl", "in"), context.errText());
        assertTrue(context.errLines().contains("auralis: resuming: 2 of 6 files are already in r.jsonl"),
            context.errText());
        assertEquals(6, Files.readAllLines(cwd.resolve("r.jsonl")).size());

        FakeDecoder.write(cwd.resolve("in/7.wav"), "frames=3000 rate=44100");
        assertEquals(Command.USAGE, analyze("--resume", "-w", "double", "-o", "r.jsonl", "in"));
        assertTrue(context.errText().contains("computes other records"), context.errText());
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
        Files.copy(cwd.resolve("whole.csv.auralis.json"), cwd.resolve("r.csv.auralis.json"));

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
    void anExistingOutputThatIsNotEmptyIsRefusedUnlessForceReplacesIt() throws Exception {
        Files.writeString(cwd.resolve("r.jsonl"), "old\n");
        assertEquals(Command.USAGE, analyze("-o", "r.jsonl", "in/0.wav"));
        assertEquals(List.of("auralis: r.jsonl: exists and is not empty; --force replaces it, --resume adds the "
            + "files it lacks"), context.errLines());
        assertEquals("old\n", Files.readString(cwd.resolve("r.jsonl")));
        assertFalse(Files.exists(cwd.resolve("r.jsonl.auralis.json")), "no output touched");
        assertEquals(0, decoder.opened.get());

        assertEquals(Command.OK, analyze("--force", "-o", "r.jsonl", "in/0.wav"));
        List<String> lines = Files.readAllLines(cwd.resolve("r.jsonl"));
        assertEquals(1, lines.size());
        assertEquals("in/0.wav", JSON.readTree(lines.get(0)).get("file").asText());

        Files.writeString(cwd.resolve("empty.jsonl"), "");
        assertEquals(Command.OK, analyze("-o", "empty.jsonl", "in/0.wav"), "an empty output holds nothing to lose");
    }

    @Test
    void anOutputRecordsWhatWroteItBesideIt() throws Exception {
        assertEquals(Command.OK, analyze("-o", "r.jsonl", "in/0.wav"));
        JsonNode p = JSON.readTree(cwd.resolve("r.jsonl.auralis.json").toFile());
        assertEquals("auralis analyze", p.get("writtenBy").asText());
        assertEquals("jsonl", p.get("format").asText());
        assertEquals("default", p.get("workflow").asText());
        assertTrue(p.get("workflowDigest").asText().matches("sha256:[0-9a-f]{64}"), p.toString());
        assertEquals(cwd.toRealPath().toString(), p.get("workingDirectories").get(0).asText());
        assertEquals(1, Files.readAllLines(cwd.resolve("r.jsonl")).size(), "every line of the output is a record");
    }

    @Test
    void resumingOntoAFileThatWasNeverAnOutputIsRefusedAndLeavesItUntouched() throws Exception {
        Path settings = cwd.resolve("settings.json");
        Files.writeString(settings, "{\"important\":1}");
        assertEquals(Command.USAGE, analyze("--resume", "--format", "jsonl", "--output", "settings.json", "in/0.wav"));
        assertEquals(List.of("auralis: settings.json: cannot resume it: settings.json.auralis.json beside it, which "
            + "says what wrote it, is missing, so it was not written by auralis analyze (or that record was "
            + "removed)"), context.errLines());
        assertEquals("{\"important\":1}", Files.readString(settings));
        assertFalse(Files.exists(cwd.resolve("settings.json.auralis.json")));
        assertEquals(0, decoder.opened.get());
    }

    @Test
    void aRefusedRunLeavesNoFolderOrSidecarBehindForItsOtherOutputs() throws Exception {
        Files.writeString(cwd.resolve("notes.jsonl"), "{\"mine\":true}\n");
        Files.writeString(cwd.resolve("two.json"), ("{'steps': [{'id': 'l', 'extractor': 't.level'}], "
            + "'writers': [{'format': 'jsonl', 'path': 'fresh/deep/x.jsonl'}, {'format': 'jsonl', 'path': "
            + "'notes.jsonl'}]}").replace('\'', '"'));
        assertEquals(Command.USAGE, analyze("--resume", "-w", "two.json", "in"));
        assertTrue(context.errText().startsWith("auralis: notes.jsonl: cannot resume it"), context.errText());
        assertFalse(Files.exists(cwd.resolve("fresh")), "no output touched");
        assertFalse(Files.exists(cwd.resolve("notes.jsonl.auralis.json")));
        assertEquals("{\"mine\":true}\n", Files.readString(cwd.resolve("notes.jsonl")));
    }

    @Test
    void resumingWithAnotherWorkflowIsRefusedBeforeAnyOutputIsChanged() throws Exception {
        Files.writeString(cwd.resolve("two.json"), ("{'steps': [{'id': 'l', 'extractor': 't.level'}], "
            + "'writers': [{'format': 'jsonl', 'path': 'out/x.jsonl'}, {'format': 'csv', 'path': 'out/x.csv'}]}")
            .replace('\'', '"'));
        assertEquals(Command.OK, analyze("-w", "two.json", "in"));
        // A crash tore the JSONL's last record; the CSV was since taken over by another workflow.
        Path jsonl = cwd.resolve("out/x.jsonl");
        Files.writeString(jsonl, "{\"file\":\"in/9", java.nio.file.StandardOpenOption.APPEND);
        byte[] torn = Files.readAllBytes(jsonl);
        Files.writeString(cwd.resolve("out/x.csv.auralis.json"), Files.readString(cwd.resolve(
            "out/x.csv.auralis.json")).replaceAll("sha256:[0-9a-f]+", "sha256:0123"));

        assertEquals(Command.USAGE, analyze("--resume", "-w", "two.json", "in"));

        assertEquals(1, context.errLines().size(), context.errText());
        assertTrue(context.errLines().get(0).startsWith("auralis: out/x.csv: cannot resume it: it was written by "
            + "workflow 'two' (sha256:0123), and workflow 'two' computes other records"), context.errText());
        assertArrayEquals(torn, Files.readAllBytes(jsonl), "the JSONL's torn record is still there: nothing cut");

        assertEquals(Command.OK, analyze("-o", "f.jsonl", "in/0.wav"));
        assertEquals(Command.USAGE, analyze("--resume", "-w", "double", "-o", "f.jsonl", "in"));
        assertTrue(context.errText().contains("it was written by workflow 'default'"), context.errText());
        assertEquals(1, Files.readAllLines(cwd.resolve("f.jsonl")).size());
    }

    @Test
    void resumingFindsTheRecordsHoweverTheInputsAreNamedAndFromWhereverItRuns() throws Exception {
        assertEquals(Command.OK, analyze("-o", "r.jsonl", "in"));
        int opened = decoder.opened.get();

        assertEquals(Command.OK, analyze("--resume", "-o", "r.jsonl", cwd.resolve("in").toString()));
        assertTrue(context.errLines().contains("auralis: nothing left to analyse"), context.errText());

        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        context = new CapturingContext(elsewhere, false);
        int code = context.launch(new AnalyzeCommand(FakeServices.of(decoder, writers, level), home),
            List.of("--resume", "-o", cwd.resolve("r.jsonl").toString(), "../../" + cwd.getFileName() + "/in",
                cwd.resolve("in/0.wav").toString()));
        assertEquals(Command.OK, code, context.errText());
        assertTrue(context.errLines().contains("auralis: nothing left to analyse"), context.errText());
        assertEquals(opened, decoder.opened.get(), "nothing analysed twice");
        assertEquals(6, Files.readAllLines(cwd.resolve("r.jsonl")).size(), "no record duplicated");
    }

    @Test
    void aSecondRunOnAnOutputThatAnotherProcessIsWritingIsRefused() throws Exception {
        assertEquals(Command.OK, analyze("-o", "r.jsonl", "in/0.wav"));
        Path sidecar = cwd.resolve("r.jsonl.auralis.json");
        // Another process holds the output's lock, as a running analyze does.
        Path locker = Files.writeString(home.resolve("Locker.java"), "import java.nio.channels.FileChannel;\n"
            + "import java.nio.file.*;\n"
            + "public class Locker { public static void main(String[] a) throws Exception {\n"
            + "  try (FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.WRITE);\n"
            + "       var l = c.lock()) { System.out.println(\"locked\"); System.out.flush(); System.in.read(); } } }\n");
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            locker.toString(), sidecar.toString()).redirectErrorStream(true).start();
        try {
            String first = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> new java.io.BufferedReader(
                new java.io.InputStreamReader(other.getInputStream())).readLine(), "the locking process did not start");
            assertEquals("locked", first);
            byte[] before = Files.readAllBytes(cwd.resolve("r.jsonl"));

            assertEquals(Command.USAGE, analyze("--force", "-o", "r.jsonl", "in"));

            assertEquals(List.of("auralis: r.jsonl: another auralis analyze is writing it (it holds "
                + sidecar.toRealPath() + "); wait for it to finish, or write to another output"), context.errLines());
            assertArrayEquals(before, Files.readAllBytes(cwd.resolve("r.jsonl")));
            assertTrue(Files.exists(sidecar), "the other run's lock file stays");
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void twoRunsInOneProcessOnOneOutputDoNotMix() throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        FakeExtractor slow = FakeExtractor.of("t.level").output("level", "loudness").sessions(c -> new ExtractorSession() {
            @Override
            public void process(AudioBlock block, FeatureSink sink) throws ExtractionException {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new ExtractionException("interrupted");
                }
            }

            @Override
            public void finish(FeatureSink sink) {
            }
        });
        CapturingContext first = new CapturingContext(cwd, false);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Integer> running = pool.submit(() -> first.launch(new AnalyzeCommand(
                FakeServices.of(decoder, writers, slow), home), List.of("-o", "r.jsonl", "in/0.wav")));
            assertTrue(started.await(60, java.util.concurrent.TimeUnit.SECONDS), "the first run did not start");

            assertEquals(Command.USAGE, analyze("--force", "-o", "r.jsonl", "in"));
            assertTrue(context.errText().contains("another auralis analyze is writing it"), context.errText());

            release.countDown();
            assertEquals(Command.OK, running.get(60, java.util.concurrent.TimeUnit.SECONDS), first.errText());
            assertEquals(1, Files.readAllLines(cwd.resolve("r.jsonl")).size());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aWorkflowMayNotWriteOutsideTheWorkingDirectory() throws Exception {
        Path outside = cwd.getParent().resolve(cwd.getFileName() + "-victim.jsonl");
        for (String path : List.of("../" + outside.getFileName(), outside.toString(), "out/../../x.jsonl")) {
            Files.writeString(cwd.resolve("evil.json"), ("{'steps': [{'id': 'l', 'extractor': 't.level'}], "
                + "'writers': [{'format': 'jsonl', 'path': '" + path.replace("\\", "\\\\") + "'}]}")
                .replace('\'', '"'));
            assertEquals(Command.USAGE, analyze("-w", "evil.json", "in/0.wav"), path);
            assertEquals(List.of("auralis: evil.json: writers: " + path + " is outside the working directory; a "
                + "workflow writes only below it (name other places with --output)"), context.errLines());
        }
        assertFalse(Files.exists(outside));
        assertEquals(0, decoder.opened.get());
        // The command line may name any place.
        assertEquals(Command.OK, analyze("-w", "evil.json", "-o", outside.toString(), "in/0.wav"));
        assertTrue(Files.exists(outside));
        Files.delete(outside);
        Files.delete(outside.resolveSibling(outside.getFileName() + ".auralis.json"));
    }

    @Test
    void aNamedPipeNamedAsAnInputIsAnErrorRecordAndTheOthersAreAnalysed() throws Exception {
        Path pipe = cwd.resolve("in/pipe.wav");
        NamedPipes.mkfifo(pipe);
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60),
            () -> analyze("-o", "r.jsonl", "in/pipe.wav", "in/1.wav"), "analyze blocked on a named pipe");
        assertEquals(Command.PARTIAL_FAILURE, code);
        Map<String, JsonNode> records = byFile(Files.readAllLines(cwd.resolve("r.jsonl")));
        assertEquals("in/pipe.wav: not a regular file (a named pipe, device or socket); refused, since reading it "
            + "could wait forever", records.get("in/pipe.wav").get("error").asText());
        assertTrue(records.get("in/1.wav").get("error").isNull());
    }

    @Test
    void theFormatFollowsTheOutputFilesExtension() throws Exception {
        assertEquals(Command.OK, analyze("--output", "r.csv", "in/1.wav"));
        String csv = Files.readString(cwd.resolve("r.csv"));
        assertTrue(csv.startsWith("file,output,time,duration,label,confidence,values,sampleRate,channels,error\r\n"),
            csv);
        assertEquals(Command.OK, analyze("--output", "r.txt", "--format", "jsonl", "in/1.wav"));
        assertEquals(1, Files.readAllLines(cwd.resolve("r.txt")).size());
    }

    @Test
    void repeatedOutputsAreAllWrittenAndStandardOutputTakesCsv() throws Exception {
        assertEquals(Command.OK, analyze("-o", "both.jsonl", "-o", "both.csv", "in/1.wav", "in/2.wav"));
        assertEquals(2, Files.readAllLines(cwd.resolve("both.jsonl")).size());
        List<String> rows = Files.readAllLines(cwd.resolve("both.csv"));
        assertTrue(rows.get(0).startsWith("file,output,"), rows.get(0));
        assertTrue(Files.isRegularFile(cwd.resolve("both.csv.auralis.json")), "each output has its sidecar");
        assertEquals(Command.OK, analyze("--format", "csv", "in/1.wav"));
        String out = context.outText();
        assertTrue(out.startsWith("file,output,time,duration,label,confidence,"), out);
        assertTrue(out.contains("in/1.wav,"), out);
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
        Map<List<String>, String> cases = pairs(
            List.of("--frobnicate", "in"), "auralis: analyze: Unrecognized option: --frobnicate\nRun 'auralis analyze "
                + "--help' for its usage.",
            List.of("-o", "keep.jsonl", "in", "nope.wav"), "auralis: nope.wav: no such file",
            List.of(), "auralis: analyze: no input files or folders\nRun 'auralis analyze --help' for its usage.",
            List.of("--workers", "0", "in"), "auralis: analyze: --workers must be a whole number from 1 to 1024, "
                + "not '0'",
            List.of("--format", "xml", "-o", "keep.jsonl", "in"), "auralis: analyze: unknown format 'xml' (known: csv, "
                + "jsonl)",
            List.of("-o", "r.txt", "in"), "auralis: r.txt: cannot tell the format from the file name; add --format "
                + "(known: csv, jsonl)",
            List.of("--resume", "in"), "auralis: analyze: --resume needs an output file (--output FILE, or writers "
                + "in the workflow): standard output cannot be resumed",
            List.of("-o", "twice.jsonl", "-o", "twice.jsonl", "in"), "auralis: analyze: --output twice.jsonl is given "
                + "twice",
            List.of("--format", "csv", "-o", "a.csv", "-o", "b.csv", "in"), "auralis: analyze: --format goes with "
                + "one --output; with several, each file's extension names its format",
            List.of("--resume", "--force", "-o", "keep.jsonl", "in"), "auralis: analyze: --resume keeps an output "
                + "and --force replaces it: choose one",
            List.of("--master", "local[2]", "--force", "in"), "auralis: analyze: --force is for local runs, not with "
                + "--master",
            List.of("--file-timeout", "soon", "in"), "auralis: analyze: --file-timeout must be a number of seconds "
                + "more than 0, not 'soon'",
            List.of("--workflow", "nosuch", "in"), "auralis: nosuch: no such workflow file, and no workflow of that "
                + "name in " + home.resolve("workflows") + " (workflows: default, double)");
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            assertEquals(Command.USAGE, analyze(c.getKey().toArray(String[]::new)), c.getKey().toString());
            // one line, and for bad flags the launcher's hint under it, as every command's
            assertEquals(List.of(c.getValue().split("\n")), context.errLines(), c.getKey().toString());
            assertEquals("", context.outText());
        }
        assertEquals("precious\n", Files.readString(cwd.resolve("keep.jsonl")), "nothing run, nothing touched");
        assertEquals(0, decoder.opened.get());
    }

    @Test
    void aDistributedJobCarriesTheDeviceAndTheWorkflowTextThatWasValidated() throws Exception {
        byte[] text = "{\"name\": \"mine\", \"steps\": [{\"id\": \"l\", \"extractor\": \"t.level\"}]}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(cwd.resolve("mine.json"), text);
        RecordingRunner.last = null;
        context = new CapturingContext(cwd, false);
        int code = context.launch(new AnalyzeCommand(FakeServices.of(decoder, writers, level), home, "gpu:1"),
            List.of("--master", "recording:test", "--workflow", "mine.json", "-o", "out", "in"));
        assertEquals(Command.OK, code, context.errText());
        io.auralis.host.batch.DistributedRunner.Job job = RecordingRunner.last;
        assertEquals("gpu:1", job.device(), "--device reaches the executors");
        assertArrayEquals(text, job.workflowJson(), "the bytes read once on the driver, for the executors");
        assertEquals("mine", job.workflow().name());
        assertEquals("recording:test", job.master());
        assertEquals(List.of("in"), job.inputs());
        assertEquals("out", job.output());
        assertEquals(0, decoder.opened.get(), "nothing analysed here");
    }

    @Test
    void anInvalidWorkflowListsEveryProblemAndRunsNothing() throws Exception {
        Files.writeString(cwd.resolve("keep.jsonl"), "precious\n");
        Files.writeString(cwd.resolve("bad.json"), ("{'steps': [{'id': 'l', 'extractor': 't.level', "
            + "'parameters': {'gain': 20, 'boost': 1}}, {'id': 'm', 'extractor': 't.lvl'}]}").replace('\'', '"'));
        assertEquals(Command.USAGE, analyze("-w", "bad.json", "-o", "keep.jsonl", "in"));
        assertEquals(List.of(
            "auralis: bad.json: step 'l': unknown parameter 'boost' for t.level (valid: gain, batch)",
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
        context = new CapturingContext(cwd, false);
        int code = context.launch(new AnalyzeCommand(new FakeServices(List.of(level), null, writers), home),
            List.of("in"));
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
        for (String option : List.of("--workflow", "--output", "--format", "--workers", "--resume", "--force",
                "--file-timeout",
                "--list-workflows", "--help")) {
            assertTrue(help.contains(option), option + " in\n" + help);
        }
        assertTrue(help.contains("auralis analyze [options] <file|folder>..."), help);
    }

    @Test
    void aTerminalGetsAProgressBarAndFailuresUnderIt() throws Exception {
        FakeDecoder.write(cwd.resolve("in/3-text.wav"), "reject");
        context = new CapturingContext(cwd, true);
        int code = context.launch(new AnalyzeCommand(FakeServices.of(decoder, writers, level), home),
            List.of("-o", "r.jsonl", "in"));
        assertEquals(Command.PARTIAL_FAILURE, code);
        String err = context.errText();
        assertTrue(err.contains("analyze"), err);
        assertTrue(err.contains("7/7"), err);
        List<String> lines = Arrays.stream(err.split("[\r\n]+")).map(String::strip).collect(Collectors.toList());
        assertTrue(lines.contains("auralis: in/3-text.wav: not an audio file (fake)"), err);
    }

    @SuppressWarnings("unchecked")
    private static Map<List<String>, String> pairs(Object... keysAndValues) {
        Map<List<String>, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((List<String>) keysAndValues[i], (String) keysAndValues[i + 1]);
        }
        return m;
    }

    private static int nthIndexOf(String s, String what, int n) {
        int at = -1;
        for (int i = 0; i <= n; i++) {
            at = s.indexOf(what, at + 1);
        }
        return at;
    }
}
