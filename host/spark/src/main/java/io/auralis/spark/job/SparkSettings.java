package io.auralis.spark.job;

import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * The Spark configuration of an analysis job: what the user chose (master, executor memory, any {@code spark.*}
 * system property or {@code spark-defaults.conf} entry that spark-submit passed), completed with what Auralis
 * needs.
 */
public final class SparkSettings {
    /**
     * The JDK 17 module openings Spark needs; executors get them through {@code spark.executor.extraJavaOptions}.
     */
    public static final String JVM_OPENS = "--add-opens=java.base/java.lang=ALL-UNNAMED"
        + " --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
        + " --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED";

    /**
     * The JIT setting executors get unless {@code spark.executor.extraJavaOptions} names one: the quick compiler
     * only (see {@code docs/scaling.md} for the figures).
     */
    public static final String EXECUTOR_JIT = "-XX:TieredStopAtLevel=1";

    /** The young generation's cap executors get unless their options size it (as the launcher, bin/auralis). */
    public static final String EXECUTOR_YOUNG = "-XX:MaxNewSize=32m";

    /** glibc's mmap threshold executors get unless set (as bin/auralis: 64 MB, docs/benchmarks.md). */
    public static final String MALLOC_MMAP_THRESHOLD = "67108864";

    /** glibc's trim threshold executors get unless set (as bin/auralis: 256 MB). */
    public static final String MALLOC_TRIM_THRESHOLD = "268435456";

    /** The executor's installation when it is a folder present on every node (see {@code EmbeddedHome}). */
    public static final String HOME = "spark.auralis.home";

    /** The compute device executors' bundles use ({@code auto}, {@code cpu}, {@code gpu[:N]}). */
    public static final String DEVICE = "spark.auralis.device";

    private static final String PLUGINS = "spark.plugins";
    private static final String HOST_PLUGIN = "io.auralis.spark.executor.HostPlugin";

    private static final String COMMITTER = "spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version";

    private SparkSettings() {
    }

    /**
     * Builds the configuration.
     *
     * @param master the master URL, or {@code null} to keep the one spark-submit set
     * @param executorMemory memory per executor such as {@code 2g}, or {@code null} for the cluster's default
     * @param appName the name the cluster UI shows
     * @param appJar the application jar to ship to executors, or {@code null} when they already have the classes
     *     (local mode, or spark-submit, which ships it itself)
     * @param extra further settings, which win over everything else
     * @return the configuration, reading {@code spark.*} system properties as Spark always does
     */
    public static SparkConf build(String master, String executorMemory, String appName, String appJar,
            Map<String, String> extra) {
        SparkConf conf = new SparkConf(true);
        if (master != null) {
            conf.setMaster(master);
        }
        conf.setIfMissing("spark.app.name", appName);
        if (executorMemory != null) {
            conf.set("spark.executor.memory", executorMemory);
        }
        if (appJar != null) {
            String jars = conf.get("spark.jars", "");
            conf.set("spark.jars", jars.isEmpty() ? appJar : jars + "," + appJar);
        }
        String executorOptions = conf.get("spark.executor.extraJavaOptions", "");
        if (!executorOptions.contains("java.base/sun.nio.ch")) {
            executorOptions = (executorOptions + " " + JVM_OPENS).trim();
        }
        if (!executorOptions.contains("TieredStopAtLevel") && !executorOptions.contains("TieredCompilation")) {
            // A fresh executor JVM spent about half its CPU compiling Spark's, Hadoop's and the host's code with
            // C2 (some 7,000 methods). The quick compiler alone halved executors' CPU on a 535-file job and still
            // cost less CPU over 1.6 h of audio in one JVM: the heavy lifting is PyTorch's native code and DSP
            // loops that C1 compiles well. Naming either flag in extraJavaOptions keeps the user's choice.
            executorOptions = executorOptions + " " + EXECUTOR_JIT;
        }
        if (!executorOptions.contains("ai.djl.pytorch.num_threads")) {
            // Spark runs one task per task CPU at once; PyTorch's default (every core of the node for each task)
            // put 4 spinning OpenMP threads on 2 cores, and a 2-executor job took 3.5x the task time of a
            // 1-executor one (docs/benchmarks.md). Parallelism comes from tasks: one thread per task CPU.
            executorOptions = executorOptions + " -Dai.djl.pytorch.num_threads=" + conf.get("spark.task.cpus", "1");
        }
        if (!executorOptions.contains("MaxNewSize") && !executorOptions.contains("-Xmn")) {
            // As bin/auralis does: a small young generation keeps a long recording's memory flat (docs/benchmarks.md).
            executorOptions = executorOptions + " " + EXECUTOR_YOUNG;
        }
        conf.set("spark.executor.extraJavaOptions", executorOptions);
        // OpenMP threads waiting for each other yield the CPU rather than spin; it must be in the environment before
        // PyTorch's natives load, so it cannot be set from the executor's code.
        conf.setIfMissing("spark.executorEnv.OMP_WAIT_POLICY", "PASSIVE");
        // As bin/auralis does: glibc keeps a batch's large tensors for the next one instead of mapping them afresh.
        conf.setIfMissing("spark.executorEnv.MALLOC_MMAP_THRESHOLD_", MALLOC_MMAP_THRESHOLD);
        conf.setIfMissing("spark.executorEnv.MALLOC_TRIM_THRESHOLD_", MALLOC_TRIM_THRESHOLD);
        // Version 2 moves a task's part file into the output folder when the task commits, not when the job does:
        // an interrupted run keeps every finished task's records for --resume. Each part file is written by the
        // one task attempt the driver's OutputCommitCoordinator lets commit, so nothing is partial or doubled.
        conf.setIfMissing(COMMITTER, "2");
        // Local folders get no .crc file beside each part file: the records are plain text for people and tools.
        conf.setIfMissing("spark.hadoop.fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
        if (!conf.get("spark.master", "").startsWith("local")) {
            // Executors start their host as they start, not in their first task (local mode uses the driver's).
            String plugins = conf.get(PLUGINS, "");
            if (!plugins.contains(HOST_PLUGIN)) {
                conf.set(PLUGINS, plugins.isEmpty() ? HOST_PLUGIN : plugins + "," + HOST_PLUGIN);
            }
        } else {
            // Nothing outside this JVM talks to a local-mode driver: keep it on loopback, without a web UI.
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        extra.forEach(conf::set);
        return conf;
    }
}
