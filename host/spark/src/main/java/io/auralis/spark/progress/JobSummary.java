package io.auralis.spark.progress;

import io.auralis.host.batch.BatchResult;
import io.auralis.host.text.HumanUnits;
import java.util.Locale;

/**
 * The figures of a finished distributed run: the closing line, the exit code, and the numbers benchmarks quote.
 *
 * @param files records written by this run
 * @param failed records with an error
 * @param audioSeconds audio analysed
 * @param startSeconds the fixed cost before the job was submitted: Spark context, input listing, resume scan
 * @param runSeconds from submitting the job to its end, executors' host start included
 * @param output the folder this run's records went to
 */
public record JobSummary(long files, long failed, double audioSeconds, double startSeconds, double runSeconds,
        String output) {

    /**
     * The command's exit code.
     *
     * @return 1 if some file failed, else 0
     */
    public int exitCode() {
        return failed > 0 ? 1 : 0;
    }

    /**
     * Files per second over the job.
     *
     * @return the rate, 0 for an empty run
     */
    public double filesPerSecond() {
        return runSeconds > 0 ? files / runSeconds : 0;
    }

    /**
     * Seconds of audio analysed per second over the job.
     *
     * @return the rate, 0 for an empty run
     */
    public double audioSecondsPerSecond() {
        return runSeconds > 0 ? audioSeconds / runSeconds : 0;
    }

    /**
     * The closing line, worded like local {@code analyze}'s, with Spark's start cost and the output folder.
     *
     * @return one line without the {@code auralis: } prefix
     */
    @Override
    public String toString() {
        String local = new BatchResult((int) files, (int) (files - failed), (int) failed, audioSeconds, runSeconds,
            false, null).summary();
        return local + String.format(Locale.ROOT, ", %.1f files per second; %s to start; records in %s",
            filesPerSecond(), HumanUnits.span(startSeconds), output);
    }
}
