package io.auralis.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.auralis.host.cli.AnalyzeCommand;
import io.auralis.host.runtime.AuralisHost;
import io.auralis.testkit.CapturingContext;
import io.auralis.spark.fixtures.Corpus;
import io.auralis.spark.fixtures.Installation;
import io.auralis.spark.fixtures.Records;
import io.auralis.spark.executor.ExecutorPlan;
import io.auralis.spark.fixtures.RemoteFileSystem;
import io.auralis.spark.job.AnalysisJob;
import io.auralis.spark.job.JobRequest;
import io.auralis.host.workflow.WorkflowLibrary;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --master local[2]} against local {@code analyze} on the same files, with the real installation
 * built in this reactor: the command line's host serves the tasks, Spark's committer writes the part files.
 */
class SparkLocalModeIT {
    @TempDir
    static Path dir;
    static Path home;
    static AuralisHost host;
    static String workflow;
    static List<String> inputs;

    @BeforeAll
    static void startHost() throws Exception {
        home = Installation.home();
        host = AuralisHost.builder().home(home).state(dir.resolve("state")).build().start();
        workflow = Installation.featuresWorkflow(home, dir);
        Corpus.tones(dir.resolve("corpus"), 8, 1.5);
        // A space in a folder name: paths become URIs on the way to the executors and back.
        List<Path> bad = Corpus.badInputs(dir.resolve("bad files"));
        inputs = new ArrayList<>(List.of("corpus"));
        bad.forEach(p -> inputs.add(dir.relativize(p).toString()));
    }

    @AfterAll
    static void stopHost() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void recordsEqualLocalAnalyzeAndBadInputsBecomeErrorRecords() throws Exception {
        Map<String, JsonNode> local = localAnalyze(workflow, "reference.jsonl");

        CapturingContext context = new CapturingContext(dir);
        int code = spark(workflow, "out-equal", false, context);

        assertEquals(1, code, "some inputs are bad: " + context.errText());
        Map<String, JsonNode> distributed = Records.byFile(Records.ofRuns(dir.resolve("out-equal")));
        Records.assertSame(local, distributed, 1e-5);
        assertEquals(11, distributed.size());
        for (String bad : List.of("bad files/empty.wav", "bad files/corrupt.wav", "bad files/notes.wav")) {
            String error = distributed.get(bad).get("error").asText();
            assertTrue(error.startsWith(bad + ": "), error);
            assertTrue(context.errText().contains("auralis: " + error + "\n"), "each failure is printed");
        }
        assertTrue(distributed.get("corpus/clip-03.wav").get("error").isNull());
        assertTrue(Files.isRegularFile(dir.resolve("out-equal/run-0001/_SUCCESS")));
        assertTrue(context.errText().contains("analysed 11 files: 8 ok, 3 failed"), context.errText());
    }

    @Test
    void resumeAnalysesOnlyWhatIsMissingIntoANewRunFolder() throws Exception {
        CapturingContext first = new CapturingContext(dir);
        spark(workflow, "out-resume", false, first);
        // An interrupted run: one task never committed its part file.
        Path lost = Records.parts(dir.resolve("out-resume")).get(2);
        Map<String, JsonNode> lostRecords = Records.byFile(Records.ofFile(lost));
        Files.delete(lost);

        CapturingContext again = new CapturingContext(dir);
        spark(workflow, "out-resume", true, again);

        Map<String, JsonNode> second = Records.byFile(Records.ofRuns(dir.resolve("out-resume/run-0002")));
        assertEquals(lostRecords.keySet(), second.keySet());
        assertEquals(11, Records.byFile(Records.ofRuns(dir.resolve("out-resume"))).size(), "each input once");
        assertTrue(again.errText().contains("resuming: " + (11 - lostRecords.size()) + " of 11 files"),
            again.errText());
    }

    @Test
    void outputWithRecordsIsNotOverwrittenWithoutResume() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out-taken/run-0001"));
        Files.writeString(out.resolve("part-00000"), "{\"file\":\"x.wav\"}\n");
        CapturingContext context = new CapturingContext(dir);

        assertEquals(2, spark(workflow, "out-taken", false, context));
        assertTrue(context.errText().contains("out-taken: the output folder is not empty; add --resume"),
            context.errText());
        assertFalse(Files.exists(dir.resolve("out-taken/run-0002")));
    }

    @Test
    void inputsOnAnotherFileSystemAreCopiedToTheExecutorNamedByTheirUri() throws Exception {
        Map<String, JsonNode> local = localAnalyze(workflow, "reference-remote.jsonl");
        System.setProperty("spark.hadoop.fs.remote.impl", RemoteFileSystem.class.getName());
        try {
            String remote = "remote://" + dir.resolve("corpus");
            CapturingContext context = new CapturingContext(dir);
            List<String> args = List.of("--master", "local[2]", "--workflow", workflow, "--output", "out-remote",
                remote);

            // Exit code 0 also says every temporary copy was deleted: the job's scratch folder must be empty.
            assertEquals(0, context.launch(new AnalyzeCommand(host.services(), home), args), context.errText());

            Map<String, JsonNode> copied = Records.byFile(Records.ofRuns(dir.resolve("out-remote")));
            assertEquals(8, copied.size());
            for (Map.Entry<String, JsonNode> record : copied.entrySet()) {
                assertTrue(record.getKey().startsWith("remote:" + dir.resolve("corpus") + "/"), record.getKey());
                String localName = "corpus/" + record.getKey().substring(record.getKey().lastIndexOf('/') + 1);
                ((ObjectNode) record.getValue()).put("file", localName);
                Records.assertSame(Map.of(localName, local.get(localName)), Map.of(localName, record.getValue()),
                    1e-5);
            }
        } finally {
            System.clearProperty("spark.hadoop.fs.remote.impl");
        }
    }

    @Test
    void executorsWithoutAnInstallationFailTheJobWithOneLineAndExitCodeThree() throws Exception {
        byte[] json = Files.readAllBytes(new WorkflowLibrary(home.resolve("workflows")).resolve(workflow, dir));
        // No driver host to adopt and no installation on the "executor": the first task cannot start a host.
        JobRequest request = new JobRequest("local[1]", null,
            new ExecutorPlan(dir.resolve("not-installed").toString(), "cpu", json, workflow, "features"), "features",
            List.of("corpus"), "out-failed", false, null, Map.of(), null, dir);
        CapturingContext context = new CapturingContext(dir);

        assertEquals(3, new AnalysisJob(context.err(), false).run(request));

        assertTrue(context.errText().contains("auralis: analyze: the Spark job failed: the class path carries no"
            + " Auralis installation"), context.errText());
        assertTrue(context.errText().contains("run the same command with --resume"), context.errText());
    }

    @Test
    void optionsThatDoNotFitADistributedRunAreOneLineAndExitCodeTwo() {
        for (List<String> args : List.of(
                List.of("--master", "local[2]", "--workers", "2", "--output", "o", "corpus"),
                List.of("--master", "local[2]", "--format", "html", "--output", "o", "corpus"),
                List.of("--master", "local[2]", "--format", "csv", "--resume", "--output", "o", "corpus"),
                List.of("--master", "local[2]", "--output", "o", "--output", "p", "corpus"),
                List.of("--master", "local[2]", "corpus"),
                List.of("--master", "mesos://somewhere", "--output", "o", "corpus"),
                List.of("--master", "yarn", "--output", "o", "corpus"))) {
            CapturingContext context = new CapturingContext(dir);
            List<String> withWorkflow = new ArrayList<>(List.of("--workflow", workflow));
            withWorkflow.addAll(args);
            assertEquals(2, context.launch(new AnalyzeCommand(host.services(), home), withWorkflow), args.toString());
            assertEquals(1, context.errText().lines().count(), context.errText());
            assertTrue(context.errText().startsWith("auralis: analyze: "), context.errText());
        }
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void emotionModelGivesTheSameLabelsAndProbabilities() throws Exception {
        assumeTrue(Installation.hasDefaultModel(home), "no default emotion model in " + home.resolve("models"));
        Map<String, JsonNode> local = localAnalyze("emotion-timeline", "emotion.jsonl");
        CapturingContext context = new CapturingContext(dir);
        spark("emotion-timeline", "out-emotion", false, context);
        Records.assertSame(local, Records.byFile(Records.ofRuns(dir.resolve("out-emotion"))), 1e-5);
    }

    /** Both CSV tables, with per-file summaries: the long one has their rows, the frame table leaves them out. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"csv", "csv-wide"})
    void aCsvRunGivesTheRowsOfTheLocalCsvWithTheHeaderAtTheTopOfEachPartFile(String format) throws Exception {
        List<String> local = new ArrayList<>(List.of("--workflow", workflow, "--workers", "2", "--summary", "file",
            "--format", format, "--output", "reference-" + format + ".csv"));
        local.addAll(inputs);
        CapturingContext localContext = new CapturingContext(dir);
        localContext.launch(new AnalyzeCommand(host.services(), home), local);
        List<String> localLines = Files.readAllLines(dir.resolve("reference-" + format + ".csv"));
        assertEquals(format.equals("csv"), localLines.stream().anyMatch(l -> l.contains(":summary,0.0,")),
            "summary rows in the long table only");

        List<String> args = new ArrayList<>(List.of("--master", "local[2]", "--workflow", workflow, "--summary",
            "file", "--format", format, "--output", "out-" + format));
        args.addAll(inputs);
        CapturingContext context = new CapturingContext(dir);
        assertEquals(1, context.launch(new AnalyzeCommand(host.services(), home), args), context.errText());

        String header = localLines.get(0);
        List<String> distributed = new ArrayList<>();
        List<Path> parts = Records.parts(dir.resolve("out-" + format));
        assertTrue(parts.size() > 1, "expected several part files, got " + parts);
        for (Path part : parts) {
            List<String> lines = Files.readAllLines(part);
            if (lines.isEmpty()) {
                continue;
            }
            assertEquals(header, lines.get(0), part + " starts with the header");
            distributed.addAll(lines.subList(1, lines.size()));
        }
        // the same rows, in another order: tasks take the files in partitions; CSV rows of a file stay together
        List<String> expected = new ArrayList<>(localLines.subList(1, localLines.size()));
        java.util.Collections.sort(expected);
        java.util.Collections.sort(distributed);
        assertEquals(expected, distributed);
    }

    private static Map<String, JsonNode> localAnalyze(String workflowName, String output) throws Exception {
        List<String> args = new ArrayList<>(List.of("--workflow", workflowName, "--workers", "2", "--output", output));
        args.addAll(inputs);
        CapturingContext context = new CapturingContext(dir);
        context.launch(new AnalyzeCommand(host.services(), home), args);
        return Records.byFile(Records.ofFile(dir.resolve(output)));
    }

    private static int spark(String workflowName, String output, boolean resume, CapturingContext context) {
        List<String> args = new ArrayList<>(List.of("--master", "local[2]", "--workflow", workflowName, "--output",
            output));
        if (resume) {
            args.add("--resume");
        }
        args.addAll(inputs);
        return context.launch(new AnalyzeCommand(host.services(), home), args);
    }
}
