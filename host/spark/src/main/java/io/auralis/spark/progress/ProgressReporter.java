package io.auralis.spark.progress;

import io.auralis.host.text.HumanUnits;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Progress of a distributed run on the driver, in the words of local {@code analyze}: files done of the total,
 * audio processed, failures and an estimate of the time left, refreshed as Spark reports tasks ending (a task is a
 * batch of files, so progress moves in those steps). On a terminal the line is rewritten in place and failures are
 * listed when the run ends; otherwise each failure is printed as its task ends ({@code auralis: <file>:
 * <problem>}) and a progress line at most once per interval, so logs stay readable.
 *
 * <p>The estimate is by input bytes, the one size the driver knows for every file before it is decoded, at the
 * rate since the first task ended (the time before that is mostly executors starting, not analysis), so it
 * appears from the second task on.
 */
public final class ProgressReporter extends SparkListener {
    /** Failures printed under a terminal's progress line; all of them are in the records. */
    static final int SHOWN_FAILURES = 20;

    private final JobCounters counters;
    private final long totalFiles;
    private final long totalBytes;
    private final PrintStream err;
    private final boolean terminal;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long start;
    private long lastLine;
    private long firstTime = -1;
    private long firstBytes;
    private int failuresPrinted;
    private boolean closed;

    /**
     * Creates a reporter; register it with {@code SparkContext.addSparkListener}.
     *
     * @param counters the job's counters
     * @param totalFiles files this run analyses
     * @param totalBytes their total size
     * @param err where to print
     * @param terminal whether {@code err} is a terminal, so the line can be rewritten
     * @param intervalNanos least time between printed lines when not on a terminal
     * @param clock a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    public ProgressReporter(JobCounters counters, long totalFiles, long totalBytes, PrintStream err,
            boolean terminal, long intervalNanos, LongSupplier clock) {
        this.counters = counters;
        this.totalFiles = totalFiles;
        this.totalBytes = totalBytes;
        this.err = err;
        this.terminal = terminal;
        this.intervalNanos = intervalNanos;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastLine = start;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        update();
    }

    /** Prints what changed since the last call: new failures (not on a terminal) and, if due, a progress line. */
    public synchronized void update() {
        if (closed) {
            return;
        }
        long now = clock.getAsLong();
        long bytes = counters.bytes();
        if (firstTime < 0 && bytes > 0) {
            firstTime = now;
            firstBytes = bytes;
        }
        if (terminal) {
            err.print("\r" + line(now) + "\u001b[K");
        } else {
            printFailures(Integer.MAX_VALUE);
            long done = counters.files();
            if (now - lastLine >= intervalNanos && done < totalFiles) {
                lastLine = now;
                err.println(line(now));
            }
        }
        err.flush();
    }

    /** The run ended: ends a terminal's line and prints the failures not printed yet. A second call does nothing. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (terminal) {
            err.print("\r" + line(clock.getAsLong()) + "\u001b[K\n");
            printFailures(SHOWN_FAILURES);
        } else {
            printFailures(Integer.MAX_VALUE);
        }
        long failed = counters.failures();
        if (failed > failuresPrinted) {
            err.println("auralis: ... and " + (failed - failuresPrinted) + " more failures; every error is in the"
                + " records");
        }
        err.flush();
    }

    private void printFailures(int limit) {
        List<String> errors = counters.errors();
        for (int i = failuresPrinted; i < errors.size() && failuresPrinted < limit; i++) {
            err.println("auralis: " + errors.get(i));
            failuresPrinted++;
        }
    }

    String line(long now) {
        long done = counters.files();
        long bytes = counters.bytes();
        String left = "";
        // The rate since the first task ended: before that, executors were starting. No estimate until then.
        if (done < totalFiles && firstTime >= 0 && bytes > firstBytes && now > firstTime) {
            double rate = (bytes - firstBytes) / ((now - firstTime) / 1e9);
            left = ", about " + HumanUnits.span((totalBytes - bytes) / rate) + " left";
        }
        return String.format(Locale.ROOT, "auralis: %d of %d files (%d%%), %s of audio, %d failed%s", done,
            totalFiles, 100L * done / Math.max(1, totalFiles), HumanUnits.hours(counters.audioSeconds()),
            counters.failures(), left);
    }
}
