package io.auralis.host.batch;

import io.auralis.host.text.HumanUnits;
import io.auralis.api.output.FileRecord;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress for logs and pipes: each failure as it happens ({@code auralis: <file>: <problem>}), and at most one
 * line per interval: files done of the total, audio processed of the batch's, the share done and the time left
 * counted in audio (see {@link AudioDurations}; in files when the durations are unknown), the rate, and failures.
 */
public final class ProgressLines implements BatchProgress {
    /** How often a line is printed when nobody set otherwise. */
    public static final long DEFAULT_INTERVAL_NANOS = 10_000_000_000L;

    private final PrintStream err;
    private final LongSupplier clock;
    private final long interval;
    private final AudioDurations durations;
    private int total;
    private int done;
    private int failed;
    private double audioSeconds;
    private long started;
    private long lastLine;

    /**
     * Creates the display.
     *
     * @param err where lines go
     * @param clock a monotonic clock in nanoseconds ({@code System::nanoTime})
     * @param intervalNanos the least time between two progress lines
     */
    public ProgressLines(PrintStream err, LongSupplier clock, long intervalNanos) {
        this(err, clock, intervalNanos, null);
    }

    /**
     * Creates the display for a batch whose durations are known.
     *
     * @param err where lines go
     * @param clock a monotonic clock in nanoseconds ({@code System::nanoTime})
     * @param intervalNanos the least time between two progress lines
     * @param durations each file's audio, in input order; {@code null} to count files
     */
    public ProgressLines(PrintStream err, LongSupplier clock, long intervalNanos, AudioDurations durations) {
        this.err = err;
        this.clock = clock;
        this.interval = intervalNanos;
        this.durations = durations;
    }

    @Override
    public void start(int files) {
        total = files;
        started = clock.getAsLong();
        lastLine = started;
    }

    @Override
    public void fileDone(FileRecord record) {
        done++;
        audioSeconds += record.duration;
        if (!record.ok()) {
            failed++;
            err.println("auralis: " + record.error);
        }
        long now = clock.getAsLong();
        if (now - lastLine >= interval && done < total) {
            lastLine = now;
            err.println(line(now));
        }
    }

    private String line(long now) {
        double elapsed = (now - started) / 1e9;
        if (durations == null || durations.total() <= 0) {
            double left = elapsed / done * (total - done);
            return String.format(Locale.ROOT, "auralis: %d of %d files (%d%%), %s of audio, %d failed, about %s left",
                done, total, 100L * done / Math.max(1, total), HumanUnits.hours(audioSeconds), failed,
                HumanUnits.span(left));
        }
        // Records come in input order, so the files done are the first ones.
        double share = Math.min(1, durations.upTo(done) / durations.total());
        double left = share > 0 ? elapsed / share * (1 - share) : 0;
        return String.format(Locale.ROOT, "auralis: %d of %d files, %s of %s of audio (%d%%), %.1f audio seconds "
            + "per second, %d failed, about %s left", done, total, HumanUnits.hours(audioSeconds),
            HumanUnits.hours(durations.total()), (long) (100 * share), elapsed > 0 ? audioSeconds / elapsed : 0,
            failed, HumanUnits.span(left));
    }

    @Override
    public void close() {
        err.flush();
    }
}
