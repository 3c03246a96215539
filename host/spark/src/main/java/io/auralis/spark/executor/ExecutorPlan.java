package io.auralis.spark.executor;

import io.auralis.host.workflow.SummaryScope;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What every executor needs to analyse files the way the driver would: the workflow's own text (so that a
 * workflow file on the driver's disk need not exist on the nodes), and where to find an installation.
 */
public final class ExecutorPlan implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The records' format when a run names none. */
    public static final String DEFAULT_FORMAT = "jsonl";

    private final String home;
    private final String device;
    private final byte[] workflowJson;
    private final String workflowSource;
    private final String workflowName;
    private final String format;
    private final SummaryScope summary;
    private final String key;

    /**
     * Describes a plan.
     *
     * @param home an installation folder to use where it exists (local mode, or a shared install on every node),
     *     or {@code null} to use the one in the application jar
     * @param device the compute device bundles should use ({@code auto}, {@code cpu}, {@code gpu[:N]})
     * @param workflowJson the workflow file's bytes
     * @param workflowSource how messages name the workflow (its file, or its name in the installation)
     * @param workflowName the workflow's name, for a workflow file that does not state one
     */
    public ExecutorPlan(String home, String device, byte[] workflowJson, String workflowSource, String workflowName) {
        this(home, device, workflowJson, workflowSource, workflowName, DEFAULT_FORMAT);
    }

    /**
     * Describes a plan whose records are written in a given writer's format.
     *
     * @param home an installation folder to use where it exists, or {@code null} for the application jar's
     * @param device the compute device bundles should use ({@code auto}, {@code cpu}, {@code gpu[:N]})
     * @param workflowJson the workflow file's bytes
     * @param workflowSource how messages name the workflow (its file, or its name in the installation)
     * @param workflowName the workflow's name, for a workflow file that does not state one
     * @param format the writer whose encoder the executors use ({@code jsonl}, {@code csv}, ...)
     */
    public ExecutorPlan(String home, String device, byte[] workflowJson, String workflowSource, String workflowName,
            String format) {
        this(home, device, workflowJson, workflowSource, workflowName, format, null);
    }

    /**
     * Describes a plan whose records are written in a given writer's format and carry per-file summaries.
     *
     * @param home an installation folder to use where it exists, or {@code null} for the application jar's
     * @param device the compute device bundles should use ({@code auto}, {@code cpu}, {@code gpu[:N]})
     * @param workflowJson the workflow file's bytes
     * @param workflowSource how messages name the workflow (its file, or its name in the installation)
     * @param workflowName the workflow's name, for a workflow file that does not state one
     * @param format the writer whose encoder the executors use ({@code jsonl}, {@code csv}, ...)
     * @param summary what the records' summaries cover ({@code --summary}), or {@code null} for none
     */
    public ExecutorPlan(String home, String device, byte[] workflowJson, String workflowSource, String workflowName,
            String format, SummaryScope summary) {
        this.format = Objects.requireNonNull(format, "format");
        this.summary = summary;
        this.home = home;
        this.device = Objects.requireNonNull(device, "device");
        this.workflowJson = workflowJson.clone();
        this.workflowSource = Objects.requireNonNull(workflowSource, "workflowSource");
        this.workflowName = Objects.requireNonNull(workflowName, "workflowName");
        this.key = digest(workflowSource, workflowName, workflowJson) + (summary == null ? "" : ":" + summary.option());
    }

    /**
     * The installation folder to prefer.
     *
     * @return a path, or {@code null}
     */
    public String home() {
        return home;
    }

    /**
     * The compute device.
     *
     * @return the device name
     */
    public String device() {
        return device;
    }

    /**
     * The workflow's text.
     *
     * @return UTF-8 JSON, a copy
     */
    public byte[] workflowJson() {
        return workflowJson.clone();
    }

    /**
     * How messages name the workflow.
     *
     * @return a file or a name
     */
    public String workflowSource() {
        return workflowSource;
    }

    /**
     * The workflow's name.
     *
     * @return the name
     */
    public String workflowName() {
        return workflowName;
    }

    /**
     * The format of the records, a writer's name.
     *
     * @return {@code jsonl} unless the run asked for another
     */
    public String format() {
        return format;
    }

    /**
     * What the records' summaries cover.
     *
     * @return the scope, or {@code null} for records without summaries
     */
    public SummaryScope summary() {
        return summary;
    }

    /** Identifies the workflow, so that an executor validates each workflow once. */
    String key() {
        return key;
    }

    private static String digest(String source, String name, byte[] json) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(source.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(json);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
