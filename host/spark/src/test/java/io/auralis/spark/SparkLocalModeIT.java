package io.auralis.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.auralis.host.batch.AnalyzeCommand;
import io.auralis.host.runtime.AuralisHost;
import io.auralis.spark.fixtures.CapturingContext;
import io.auralis.spark.fixtures.Corpus;
import io.auralis.spark.fixtures.Installation;
import io.auralis.spark.fixtures.Records;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
        List<Path> bad = Corpus.badInputs(dir.resolve("bad"));
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
        for (String bad : List.of("bad/empty.wav", "bad/corrupt.wav", "bad/notes.wav")) {
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
    void optionsThatDoNotFitADistributedRunAreOneLineAndExitCodeTwo() {
        for (List<String> args : List.of(
                List.of("--master", "local[2]", "--workers", "2", "--output", "o", "corpus"),
                List.of("--master", "local[2]", "--format", "csv", "--output", "o", "corpus"),
                List.of("--master", "local[2]", "corpus"),
                List.of("--master", "mesos://somewhere", "--output", "o", "corpus"))) {
            CapturingContext context = new CapturingContext(dir);
            List<String> withWorkflow = new ArrayList<>(List.of("--workflow", workflow));
            withWorkflow.addAll(args);
            assertEquals(2, new AnalyzeCommand(host.services(), home).run(withWorkflow, context), args.toString());
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

    private static Map<String, JsonNode> localAnalyze(String workflowName, String output) throws Exception {
        List<String> args = new ArrayList<>(List.of("--workflow", workflowName, "--workers", "2", "--output", output));
        args.addAll(inputs);
        CapturingContext context = new CapturingContext(dir);
        new AnalyzeCommand(host.services(), home).run(args, context);
        return Records.byFile(Records.ofFile(dir.resolve(output)));
    }

    private static int spark(String workflowName, String output, boolean resume, CapturingContext context) {
        List<String> args = new ArrayList<>(List.of("--master", "local[2]", "--workflow", workflowName, "--output",
            output));
        if (resume) {
            args.add("--resume");
        }
        args.addAll(inputs);
        return new AnalyzeCommand(host.services(), home).run(args, context);
    }
}
