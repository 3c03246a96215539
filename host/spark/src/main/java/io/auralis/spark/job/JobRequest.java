package io.auralis.spark.job;

import io.auralis.host.engine.AnalysisServices;
import io.auralis.spark.executor.ExecutorPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One distributed analysis, as the command line or {@code spark-submit} described it.
 *
 * @param master the Spark master ({@code local[N]}, {@code spark://host:port}, {@code yarn}, {@code k8s://...}),
 *     or {@code null} to keep the one spark-submit configured
 * @param executorMemory memory per executor such as {@code 2g}, or {@code null} for the cluster's default
 * @param plan the workflow and installation executors use
 * @param workflowName the workflow's name, for messages
 * @param inputs files, folders and globs as the user typed them
 * @param output the output folder (any Hadoop file system)
 * @param resume whether to skip inputs already recorded in {@code output}
 * @param appJar the application jar to ship to executors, or {@code null} when they have it already
 * @param sparkConf further Spark settings, which win over everything else
 * @param driverServices in local mode, the running host whose services tasks in this JVM use, or {@code null} to
 *     have executors start their own
 * @param workingDirectory what relative local paths resolve against
 */
public record JobRequest(String master, String executorMemory, ExecutorPlan plan, String workflowName,
        List<String> inputs, String output, boolean resume, String appJar, Map<String, String> sparkConf,
        AnalysisServices driverServices, Path workingDirectory) {

    /**
     * Checks the required parts.
     *
     * @throws NullPointerException if the plan, workflow name, inputs, output, settings or working directory is
     *     missing
     */
    public JobRequest {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(workflowName, "workflowName");
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(output, "output");
        sparkConf = Map.copyOf(sparkConf);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
    }
}
