package io.auralis.spark.progress;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * What executors report back per file, as Spark accumulators: the driver sees the sums as tasks end. The job's
 * analysis runs in its only (result) stage, where Spark applies each task's updates once, even when a task is
 * retried or an executor is lost, so the sums count every input exactly once.
 */
public final class JobCounters implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How many failure lines the driver keeps to print; the records hold them all. */
    public static final int MAX_ERRORS_KEPT = 1000;

    private final LongAccumulator files;
    private final LongAccumulator failures;
    private final LongAccumulator bytes;
    private final DoubleAccumulator audioSeconds;
    private final CollectionAccumulator<String> errors;

    /**
     * Registers the accumulators with a context.
     *
     * @param sc the driver's context
     */
    public JobCounters(SparkContext sc) {
        this.files = sc.longAccumulator("auralis.files");
        this.failures = sc.longAccumulator("auralis.failures");
        this.bytes = sc.longAccumulator("auralis.bytes");
        this.audioSeconds = sc.doubleAccumulator("auralis.audioSeconds");
        this.errors = sc.collectionAccumulator("auralis.errors");
    }

    /** Counters that are not registered with a context: they add up within this JVM only (unit tests). */
    JobCounters() {
        this.files = new LongAccumulator();
        this.failures = new LongAccumulator();
        this.bytes = new LongAccumulator();
        this.audioSeconds = new DoubleAccumulator();
        this.errors = new CollectionAccumulator<>();
    }

    /**
     * Counts one analysed file, on an executor.
     *
     * @param length the input's size in bytes
     * @param duration the audio's duration in seconds (0 when unreadable)
     * @param error the record's error, or {@code null}
     * @param errorsInTask failures already reported by this task, to keep the driver's list bounded
     */
    public void add(long length, double duration, String error, int errorsInTask) {
        files.add(1);
        bytes.add(length);
        audioSeconds.add(duration);
        if (error != null) {
            failures.add(1);
            if (errorsInTask < MAX_ERRORS_KEPT) {
                errors.add(error);
            }
        }
    }

    /**
     * Files analysed so far, on the driver.
     *
     * @return a count
     */
    public long files() {
        return files.value();
    }

    /**
     * Files that became error records so far, on the driver.
     *
     * @return a count
     */
    public long failures() {
        return failures.value();
    }

    /**
     * Input bytes analysed so far, on the driver.
     *
     * @return bytes
     */
    public long bytes() {
        return bytes.value();
    }

    /**
     * Audio analysed so far, on the driver.
     *
     * @return seconds
     */
    public double audioSeconds() {
        return audioSeconds.value();
    }

    /**
     * The failure lines reported so far (at most {@link #MAX_ERRORS_KEPT} per task), on the driver.
     *
     * @return one line per failed file
     */
    public List<String> errors() {
        return errors.value();
    }
}
