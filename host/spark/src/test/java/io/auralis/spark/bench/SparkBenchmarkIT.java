package io.auralis.spark.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.auralis.host.cli.AnalyzeCommand;
import io.auralis.host.runtime.AuralisHost;
import io.auralis.spark.cluster.LoopbackCluster;
import io.auralis.testkit.CapturingContext;
import io.auralis.spark.fixtures.Installation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput of one folder through local {@code analyze --workers 2}, Spark {@code local[2]} and loopback
 * standalone clusters of one and two single-core workers. Runs only when {@code -Dauralis.bench=FOLDER} names the
 * folder (for example {@code ../shared/data/emodb/wav}), with each workflow
 * {@code -Dauralis.bench.workflow=features,default} names (the DSP-only {@code features} workflow if it is not
 * set); prints a table and writes it to {@code target/spark-benchmark.txt}.
 *
 * <p>Run it alone ({@code -Dit.test=SparkBenchmarkIT}): PyTorch's natives load once per JVM, so after another
 * integration test has started and stopped a host with the model in the same test JVM, the local rows of a
 * workflow with the model fail with "the PyTorch engine could not start". The cluster rows (executor JVMs of
 * their own) are unaffected.
 */
class SparkBenchmarkIT {
    @TempDir
    Path dir;

    /** Where the current workflow's outputs, clusters and executor folders go. */
    private Path base;

    @Test
    void throughputOfOneFolderLocalSparkLocalAndClusters() throws Exception {
        String corpus = System.getProperty("auralis.bench");
        assumeTrue(corpus != null && !corpus.isBlank(), "set -Dauralis.bench=FOLDER to run the benchmark");
        Path home = Installation.home();
        List<String> lines = new ArrayList<>();
        for (String workflow : System.getProperty("auralis.bench.workflow", Installation.featuresWorkflow(home, dir))
                .split(",")) {
            base = Files.createDirectories(dir.resolve("bench-" + lines.size()));
            lines.addAll(measure(home, workflow.trim(), corpus));
        }
        String table = String.join("\n", lines);
        System.err.println(table);
        Files.writeString(Path.of("target/spark-benchmark.txt"), table + "\n");
    }

    private List<String> measure(Path home, String workflow, String corpus) throws Exception {
        List<String> opens = Arrays.asList(System.getProperty("auralis.spark.jvm.opens").split(" "));
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "corpus %s, workflow %s, %d cores, load %.1f", corpus, workflow,
            Runtime.getRuntime().availableProcessors(),
            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        lines.add(listing(corpus));
        try (AuralisHost host = AuralisHost.builder().home(home).state(base.resolve("state")).build().start()) {
            // A first pass loads the model, unpacks natives and warms the JIT, for local and local[2] alike.
            CapturingContext warmUp = new CapturingContext(dir);
            assertSucceeded("the warm-up", warmUp, warmUp.launch(new AnalyzeCommand(host.services(), home),
                List.of("--workflow", workflow, "--workers", "2", "--output", base.resolve("warm-up.jsonl").toString(),
                    corpus)));
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            CapturingContext local = new CapturingContext(dir);
            assertSucceeded("local --workers 2", local, local.launch(new AnalyzeCommand(host.services(), home),
                List.of("--workflow", workflow, "--workers", "2", "--output", base.resolve("local.jsonl").toString(),
                    corpus)));
            lines.add(String.format(Locale.ROOT, "local --workers 2: %.1f s wall, %.1f s CPU; %s",
                (System.nanoTime() - t0) / 1e9, (processCpuNanos() - cpu0) / 1e9, lastLine(local)));

            System.setProperty("spark.extraListeners", TaskTimes.class.getName());
            lines.add(spark(host, home, workflow, corpus, "local[2]", "spark-local", "Spark local[2]"));
            System.setProperty("spark.driver.host", "127.0.0.1");
            System.setProperty("spark.driver.bindAddress", "127.0.0.1");
            System.setProperty("spark.ui.enabled", "false");
            System.setProperty("spark.executor.extraJavaOptions", String.join(" ", opens) + " -Djava.io.tmpdir="
                + Files.createDirectories(base.resolve("executor-tmp")));
            for (int workers : new int[] {1, 2}) {
                long c0 = System.nanoTime();
                try (LoopbackCluster cluster = LoopbackCluster.start(base.resolve("cluster-" + workers), workers, "1g",
                        opens)) {
                    lines.add(String.format(Locale.ROOT, "cluster of %d up in %.1f s", workers,
                        (System.nanoTime() - c0) / 1e9));
                    lines.add(spark(host, home, workflow, corpus, cluster.masterUrl(), "cluster-" + workers + "-a",
                        workers + " worker(s), first job"));
                    lines.add(spark(host, home, workflow, corpus, cluster.masterUrl(), "cluster-" + workers + "-b",
                        workers + " worker(s), second job"));
                    lines.addAll(executorLines(base.resolve("cluster-" + workers)));
                }
            }
        } finally {
            for (String key : List.of("spark.extraListeners", "spark.driver.host", "spark.driver.bindAddress",
                    "spark.ui.enabled", "spark.executor.extraJavaOptions")) {
                System.clearProperty(key);
            }
        }
        return lines;
    }

    private String spark(AuralisHost host, Path home, String workflowName, String corpus, String master, String out,
            String label) {
        TaskTimes.reset();
        CapturingContext context = new CapturingContext(dir);
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        assertSucceeded(label, context, context.launch(new AnalyzeCommand(host.services(), home), List.of("--master",
            master, "--executor-memory", "768m", "--workflow", workflowName, "--output", base.resolve(out).toString(),
            corpus)));
        return String.format(Locale.ROOT, "%s: %.1f s wall, driver JVM %.1f s CPU (with local executors); %s; %s",
            label, (System.nanoTime() - t0) / 1e9, (processCpuNanos() - cpu0) / 1e9, lastLine(context),
            TaskTimes.summary());
    }

    /** A timing is only worth printing for a run that analysed every file: exit code 0. */
    private static void assertSucceeded(String label, CapturingContext context, int code) {
        assertEquals(0, code, label + " exited with " + code + ":\n" + context.errText());
    }

    /** CPU time of this JVM (the driver, and in local mode the executor too). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * The driver's listing of the corpus, as shipped (plain {@code listStatus}) and as it was first written
     * ({@code listFiles}, whose located statuses read each file's owner and permissions: one {@code stat} process
     * per file on Hadoop's local file system).
     */
    private static String listing(String corpus) throws java.io.IOException {
        org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
        hadoop.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(Path.of(corpus).toAbsolutePath().toUri());
        org.apache.hadoop.fs.FileSystem fs = folder.getFileSystem(hadoop);
        long t0 = System.nanoTime();
        int shipped = new io.auralis.spark.input.InputListing(hadoop, Path.of("").toAbsolutePath(),
            io.auralis.api.command.InputFiles::isAudio).list(List.of(corpus)).size();
        long t1 = System.nanoTime();
        int located = 0;
        var files = fs.listFiles(folder, true);
        while (files.hasNext()) {
            if (io.auralis.api.command.InputFiles.isAudio(files.next().getPath().getName())) {
                located++;
            }
        }
        long t2 = System.nanoTime();
        return String.format(Locale.ROOT, "listing on the driver: %d files in %.2f s (listStatus walk); %d files in"
            + " %.2f s (listFiles, located statuses)", shipped, (t1 - t0) / 1e9, located, (t2 - t1) / 1e9);
    }

    /** What executors said about their hosts (start times), from the workers' executor logs. */
    private static List<String> executorLines(Path cluster) throws java.io.IOException {
        List<String> said = new ArrayList<>();
        try (var files = Files.walk(cluster)) {
            for (Path log : files.filter(p -> p.getFileName().toString().equals("stderr")).sorted()
                    .collect(Collectors.toList())) {
                for (String line : Files.readAllLines(log)) {
                    if (line.startsWith("auralis: executor:")) {
                        said.add("  " + cluster.relativize(log.getParent()) + ": " + line);
                    }
                }
            }
        }
        return said;
    }

    private static String lastLine(CapturingContext context) {
        List<String> lines = context.errText().lines().collect(Collectors.toList());
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
