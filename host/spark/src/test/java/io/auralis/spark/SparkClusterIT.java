package io.auralis.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.auralis.host.cli.AnalyzeCommand;
import io.auralis.host.runtime.AuralisHost;
import io.auralis.spark.cluster.ExecutorKiller;
import io.auralis.spark.cluster.LoopbackCluster;
import io.auralis.testkit.CapturingContext;
import io.auralis.spark.fixtures.Corpus;
import io.auralis.spark.fixtures.Installation;
import io.auralis.spark.fixtures.Records;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster: a master and two workers, each a JVM of its own started from the Maven artifacts,
 * executors launched by the workers with the application jar, everything on 127.0.0.1 only. Jobs come both ways:
 * {@code spark-submit} of the application jar (the driver a JVM of its own), and {@code analyze --master
 * spark://...} with this JVM as the driver.
 */
class SparkClusterIT {
    private static final List<String> DRIVER_SETTINGS = List.of("spark.driver.host", "spark.driver.bindAddress",
        "spark.ui.enabled", "spark.extraListeners", "spark.executor.extraJavaOptions");

    @TempDir
    static Path dir;
    static Path home;
    static AuralisHost host;
    static LoopbackCluster cluster;
    static String workflow;
    static List<String> inputs;
    static Map<String, JsonNode> reference;

    @BeforeAll
    static void startCluster() throws Exception {
        home = Installation.home();
        host = AuralisHost.builder().home(home).state(dir.resolve("state")).build().start();
        workflow = Installation.featuresWorkflow(home, dir);
        Corpus.tones(dir.resolve("corpus"), 24, 2.0);
        inputs = new ArrayList<>(List.of("corpus"));
        Corpus.badInputs(dir.resolve("bad")).forEach(p -> inputs.add(dir.relativize(p).toString()));
        reference = localAnalyze();

        List<String> opens = Arrays.asList(System.getProperty("auralis.spark.jvm.opens").split(" "));
        cluster = LoopbackCluster.start(dir.resolve("cluster"), 2, "1g", opens);
        // The driver is this JVM: SparkConf reads spark.* system properties, as spark-submit passes them.
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        System.setProperty("spark.ui.enabled", "false");
        System.setProperty("spark.extraListeners", ExecutorKiller.class.getName());
        Path executorTmp = Files.createDirectories(dir.resolve("executor-tmp"));
        // Executors analyse a few seconds of audio each: compiling less and collecting serially costs less CPU than
        // it saves on a 2-core machine that also runs the driver, the master and two workers.
        System.setProperty("spark.executor.extraJavaOptions", String.join(" ", opens)
            + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
            + " -Djava.io.tmpdir=" + executorTmp);
    }

    @AfterAll
    static void stopCluster() {
        DRIVER_SETTINGS.forEach(System::clearProperty);
        if (cluster != null) {
            cluster.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void sparkSubmitOfTheApplicationJarGivesTheRecordsOfLocalAnalyze() throws Exception {
        Path appJar = Path.of(System.getProperty("auralis.spark.app.jar"));
        Path driverTmp = Files.createDirectories(dir.resolve("driver-tmp"));
        List<String> args = new ArrayList<>(List.of(
            "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
            "--conf", "spark.ui.enabled=false", "--conf", "spark.executor.memory=512m",
            "--conf", "spark.executor.extraJavaOptions=" + System.getProperty("spark.executor.extraJavaOptions"),
            "--class", "io.auralis.spark.SparkAnalyze", appJar.toString(),
            "--workflow", workflow, "--output", "out-submit"));
        args.addAll(inputs);

        int code = cluster.submit(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + driverTmp),
            args, dir, Duration.ofMinutes(3));

        String log = Files.readString(cluster.logs().resolve("submit-0.log"));
        assertEquals(1, code, "three inputs are bad:\n" + log);
        Records.assertSame(reference, Records.byFile(Records.ofRuns(dir.resolve("out-submit"))), 1e-5);
        assertTrue(log.contains("analysed 27 files: 24 ok, 3 failed"), log);
        try (var extracted = Files.list(dir.resolve("executor-tmp"))) {
            assertEquals(1, extracted.filter(p -> p.getFileName().toString().startsWith("auralis-home-")
                && Files.isDirectory(p)).count(), "both executors share one extracted installation");
        }
    }

    @Test
    void executorKilledMidJobLosesNoRecordAndDuplicatesNone() throws Exception {
        ExecutorKiller.arm(cluster, 2);
        CapturingContext context = new CapturingContext(dir);

        int code = spark("out-killed", context);

        assertTrue(ExecutorKiller.killed().isPresent(), "an executor was killed while running a task");
        assertTrue(ExecutorKiller.removed() >= 1, "the driver lost it");
        assertEquals(1, code, context.errText());
        // byFile fails on a second record for any file; assertSame on a missing one.
        Records.assertSame(reference, Records.byFile(Records.ofRuns(dir.resolve("out-killed"))), 1e-5);
    }

    private static Map<String, JsonNode> localAnalyze() throws Exception {
        List<String> args = new ArrayList<>(List.of("--workflow", workflow, "--workers", "2", "--output",
            "reference.jsonl"));
        args.addAll(inputs);
        new CapturingContext(dir).launch(new AnalyzeCommand(host.services(), home), args);
        return Records.byFile(Records.ofFile(dir.resolve("reference.jsonl")));
    }

    private static int spark(String output, CapturingContext context) {
        List<String> args = new ArrayList<>(List.of("--master", cluster.masterUrl(), "--executor-memory", "512m",
            "--workflow", workflow, "--output", output));
        args.addAll(inputs);
        return context.launch(new AnalyzeCommand(host.services(), home), args);
    }
}
