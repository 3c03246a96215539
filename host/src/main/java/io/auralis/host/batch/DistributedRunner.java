package io.auralis.host.batch;

import io.auralis.api.command.CommandContext;
import io.auralis.host.engine.AnalysisServices;
import io.auralis.host.workflow.SummaryScope;
import io.auralis.host.workflow.Workflow;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Runs {@code auralis analyze --master URL} as a distributed job, with the command line as its driver. The host
 * does not depend on any implementation: {@link io.auralis.host.cli.AnalyzeCommand} finds one with
 * {@link java.util.ServiceLoader} on the launcher's class path, where {@code bin/auralis} puts the Spark add-on's
 * {@code lib/} when {@code --master} is given and the add-on is installed (the {@code auralis-spark} module builds
 * it and provides the Spark runner).
 */
public interface DistributedRunner {

    /** Where an installation keeps the Spark add-on, relative to its folder. */
    String SPARK_ADDON = "addons/spark";

    /** The system property in which {@code bin/auralis} names the add-on folder it looked in. */
    String SPARK_ADDON_PROPERTY = "auralis.spark.addon";

    /**
     * The Spark add-on folder of an installation: the one {@code bin/auralis} looked in, else
     * {@code <home>/addons/spark}.
     *
     * @param home the installation folder
     * @return the folder, which may not exist
     */
    static Path sparkAddon(Path home) {
        String named = System.getProperty(SPARK_ADDON_PROPERTY);
        return named != null && !named.isBlank() ? Path.of(named) : home.resolve(SPARK_ADDON);
    }

    /**
     * What the command line asked for, after the workflow was validated here.
     *
     * @param master the cluster, such as {@code local[4]} or {@code spark://host:7077}
     * @param executorMemory memory per executor such as {@code 4g}, or {@code null} for the cluster's default
     * @param workflow the validated workflow, {@linkplain Workflow#summarised summarised} when {@code summary} is set
     * @param workflowJson the bytes it was read from and validated as, which executors validate again: the file is
     *     read once, on the driver, and need not exist on the nodes
     * @param device the compute device for models, as {@code --device} (or {@code AURALIS_DEVICE}) gave it:
     *     {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
     * @param inputs files, folders and globs as the user typed them (local paths or URIs such as {@code hdfs://})
     * @param output the {@code --output} the user gave, or {@code null}
     * @param format the {@code --format} the user gave, or {@code null}
     * @param summary the {@code --summary} the user gave, which executors apply to the workflow they validate, or
     *     {@code null}
     * @param resume whether {@code --resume} was given
     * @param home the installation folder
     * @param services the command line's running host, which a local-mode job can use in place of a second one
     */
    record Job(String master, String executorMemory, Workflow workflow, byte[] workflowJson, String device,
            List<String> inputs, String output, String format, SummaryScope summary, boolean resume, Path home,
            AnalysisServices services) {

        /**
         * Checks the parts every runner needs.
         *
         * @throws NullPointerException if the master, workflow, its text, the device, the inputs or the home is
         *     missing
         */
        public Job {
            Objects.requireNonNull(master, "master");
            Objects.requireNonNull(workflow, "workflow");
            workflowJson = workflowJson.clone();
            Objects.requireNonNull(device, "device");
            inputs = List.copyOf(inputs);
            Objects.requireNonNull(home, "home");
        }

        /**
         * The workflow's text.
         *
         * @return the bytes, a copy
         */
        @Override
        public byte[] workflowJson() {
            return workflowJson.clone();
        }
    }

    /**
     * Whether this runner can run jobs on a master.
     *
     * @param master the {@code --master} value
     * @return {@code true} if it understands the URL
     */
    boolean accepts(String master);

    /**
     * Runs a job to its end, printing progress, failures and a summary to {@code context.err()}.
     *
     * @param job the job
     * @param context the command's streams and working directory
     * @return the exit code: 0 every file analysed, 1 some failed, 2 bad usage or input, 3 the job failed
     */
    int run(Job job, CommandContext context);
}
