package io.auralis.spark;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.host.batch.DistributedRunner;
import io.auralis.spark.executor.ExecutorPlan;
import io.auralis.spark.job.AnalysisJob;
import io.auralis.spark.job.DriverLogging;
import io.auralis.spark.job.JobRequest;
import io.auralis.spark.job.SparkSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code auralis analyze --master URL}: the command line is the Spark driver, and the workflow runs on the
 * master's executors. Found by the host's {@code analyze} through {@link java.util.ServiceLoader}.
 *
 * <p>In local mode ({@code local[N]}) tasks run in the command line's JVM and use its Auralis host. On a cluster,
 * the installation's application jar ({@code lib/spark/app/auralis-spark-app.jar}) is shipped to the executors,
 * each of which starts one host from the installation the jar carries, or from {@code spark.auralis.home} when
 * that names an installation present on every node.
 */
public final class SparkRunner implements DistributedRunner {
    /** Where the distribution keeps the application jar. */
    public static final String APP_JAR = "lib/spark/app/auralis-spark-app.jar";

    private static final Pattern MASTER = Pattern.compile("local(\\[(\\d+|\\*)(,\\d+)?])?|spark://.+|yarn|k8s://.+");

    /** Creates the runner; the host's {@code analyze} does, through {@link java.util.ServiceLoader}. */
    public SparkRunner() {
    }

    @Override
    public boolean accepts(String master) {
        return MASTER.matcher(master).matches();
    }

    @Override
    public int run(Job job, CommandContext context) {
        if (job.output() == null || job.output().equals("-")) {
            context.err().println("auralis: analyze: --master needs --output DIR: a folder (local, hdfs://, s3a://)"
                + " for the part files of each run");
            return Command.USAGE;
        }
        if (job.format() != null && !job.format().equals("jsonl")) {
            context.err().println("auralis: analyze: with --master records are JSON Lines; --format "
                + job.format() + " is for local runs");
            return Command.USAGE;
        }
        boolean local = job.master().startsWith("local");
        Path appJar = job.home().resolve(APP_JAR);
        if (!local && !Files.isRegularFile(appJar)) {
            context.err().println("auralis: " + appJar + ": the application jar for cluster runs is missing from "
                + "this installation (build it with mvn package)");
            return Command.USAGE;
        }
        byte[] workflow;
        try {
            workflow = Files.readAllBytes(job.workflowFile());
        } catch (IOException e) {
            context.err().println("auralis: " + job.workflowFile() + ": cannot read: " + e.getMessage());
            return Command.USAGE;
        }
        DriverLogging.quiet();
        // On a cluster the driver's installation path means nothing on the nodes unless spark.auralis.home says so.
        String executorHome = local ? job.home().toString() : System.getProperty(SparkSettings.HOME);
        ExecutorPlan plan = new ExecutorPlan(executorHome, System.getProperty("spark.auralis.device", "auto"),
            workflow, job.workflow().source(), job.workflow().name());
        JobRequest request = new JobRequest(job.master(), job.executorMemory(), plan, job.workflow().name(),
            job.inputs(), job.output(), job.resume(), local ? null : appJar.toString(), Map.of(), job.services(),
            context.workingDirectory());
        return new AnalysisJob(context.err(), context.interactive()).run(request);
    }
}
