package io.auralis.spark;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.output.OutputWriter;
import io.auralis.host.batch.DistributedRunner;
import io.auralis.spark.executor.ExecutorPlan;
import io.auralis.spark.job.AnalysisJob;
import io.auralis.spark.job.DriverLogging;
import io.auralis.spark.job.JobRequest;
import io.auralis.spark.job.SparkSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code auralis analyze --master URL}: the command line is the Spark driver, and the workflow runs on the
 * master's executors. Found by the host's {@code analyze} through {@link java.util.ServiceLoader}.
 *
 * <p>In local mode ({@code local[N]}) tasks run in the command line's JVM and use its Auralis host. On a standalone
 * cluster ({@code spark://}; {@code yarn} and {@code k8s://} too once their Spark modules are added to the Spark
 * add-on's {@code lib/}) the add-on's application jar ({@code addons/spark/app/auralis-spark-app.jar}) is shipped
 * to the executors, each of which starts one host from the installation the jar carries, or from
 * {@code spark.auralis.home} when that names an installation present on every node.
 */
public final class SparkRunner implements DistributedRunner {
    /** Where the Spark add-on keeps the application jar. */
    public static final String APP_JAR = "app/auralis-spark-app.jar";

    private static final Pattern MASTER = Pattern.compile("local(\\[(\\d+|\\*)(,\\d+)?])?|spark://.+|yarn|k8s://.+");

    /** Creates the runner; the host's {@code analyze} does, through {@link java.util.ServiceLoader}. */
    public SparkRunner() {
    }

    @Override
    public boolean accepts(String master) {
        return MASTER.matcher(master).matches();
    }

    /**
     * YARN and Kubernetes come as separate Spark modules that clusters install; the installation ships Spark core.
     *
     * @param master the master URL
     * @return the missing module's name, or {@code null}
     */
    static String missingClusterManager(String master) {
        String manager = master.equals("yarn") ? "org.apache.spark.scheduler.cluster.YarnClusterManager"
            : master.startsWith("k8s://") ? "org.apache.spark.scheduler.cluster.k8s.KubernetesClusterManager" : null;
        if (manager == null) {
            return null;
        }
        try {
            Class.forName(manager, false, SparkRunner.class.getClassLoader());
            return null;
        } catch (ClassNotFoundException e) {
            return master.equals("yarn") ? "YARN" : "Kubernetes";
        }
    }

    /**
     * What the executors get: the workflow's bytes as the command line validated them, the device it was given,
     * and the installation to use (in local mode the driver's; on a cluster the one {@code spark.auralis.home}
     * names on every node, else the application jar's).
     *
     * @param job the command line's job
     * @param local whether the master is {@code local[...]}
     * @return the plan
     */
    static ExecutorPlan executorPlan(Job job, boolean local) {
        String executorHome = local ? job.home().toString() : System.getProperty(SparkSettings.HOME);
        return new ExecutorPlan(executorHome, job.device(), job.workflowJson(), job.workflow().source(),
            job.workflow().name(), job.format() == null ? ExecutorPlan.DEFAULT_FORMAT : job.format(), job.summary());
    }

    @Override
    public int run(Job job, CommandContext context) {
        if (job.output() == null || job.output().equals("-")) {
            context.err().println("auralis: analyze: --master needs --output DIR: a folder (local, hdfs://, s3a://)"
                + " for the part files of each run");
            return Command.USAGE;
        }
        String format = job.format() == null ? ExecutorPlan.DEFAULT_FORMAT : job.format();
        OutputWriter writer = job.services().writers().stream().filter(w -> w.format().equals(format)).findFirst()
            .orElse(null);
        if (writer == null || writer.encoder(Map.of()).isEmpty()) {
            context.err().println("auralis: analyze: --format " + format + " cannot write the part files of a run "
                + "with --master (jsonl, csv and csv-wide can)");
            return Command.USAGE;
        }
        if (job.resume() && !format.equals(ExecutorPlan.DEFAULT_FORMAT)) {
            // OutputFolder reads back JSON Lines part files only
            context.err().println("auralis: analyze: --resume with --master reads JSON Lines part files; run "
                + "--format " + format + " without --resume, into a new folder");
            return Command.USAGE;
        }
        String missing = missingClusterManager(job.master());
        if (missing != null) {
            context.err().println("auralis: analyze: --master " + job.master() + ": this installation's Spark has no "
                + missing + " support (the Spark add-on holds Spark core only); submit the application jar with your"
                + " cluster's spark-submit instead (see docs/cluster.md)");
            return Command.USAGE;
        }
        boolean local = job.master().startsWith("local");
        Path appJar = DistributedRunner.sparkAddon(job.home()).resolve(APP_JAR);
        if (!local && !Files.isRegularFile(appJar)) {
            context.err().println("auralis: " + appJar + ": the application jar for cluster runs is missing from "
                + "the Spark add-on (unpack the whole auralis-spark-addon tarball into the installation)");
            return Command.USAGE;
        }
        DriverLogging.quiet();
        JobRequest request = new JobRequest(job.master(), job.executorMemory(), executorPlan(job, local),
            job.workflow().name(), job.inputs(), job.output(), job.resume(), local ? null : appJar.toString(),
            Map.of(), job.services(), context.workingDirectory());
        return new AnalysisJob(context.err(), context.interactive()).run(request);
    }
}
