package io.auralis.host.batch;

import io.auralis.host.text.HumanUnits;
import io.auralis.api.output.FileRecord;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Progress for a person at a terminal: a bar that redraws in place. It fills by audio (seconds done of the batch's,
 * from {@link AudioDurations}), so its percentage, its estimate of the time left and its rate (audio seconds per
 * second) hold when files differ in length; beside it, files done of the total and failures so far. With no
 * durations known it counts files. Failure lines would break the bar,
 * so they are printed under it when it closes (the first {@value #SHOWN_FAILURES}; all are in the output).
 */
public final class ProgressBarDisplay implements BatchProgress {
    private static final int SHOWN_FAILURES = 20;

    private final PrintStream err;
    private final AudioDurations durations;
    private final List<String> failures = new ArrayList<>();
    private ProgressBar bar;
    private int total;
    private int done;
    private int failed;
    private double audioSeconds;

    /**
     * Creates the display.
     *
     * @param err the terminal's error stream
     */
    public ProgressBarDisplay(PrintStream err) {
        this(err, null);
    }

    /**
     * Creates the display for a batch whose durations are known.
     *
     * @param err the terminal's error stream
     * @param durations each file's audio, in input order; {@code null} to count files
     */
    public ProgressBarDisplay(PrintStream err, AudioDurations durations) {
        this.err = err;
        this.durations = durations;
    }

    private boolean byAudio() {
        return durations != null && durations.total() > 0;
    }

    @Override
    public void start(int files) {
        total = files;
        ProgressBarBuilder b = new ProgressBarBuilder()
            .setTaskName("analyze")
            .setUpdateIntervalMillis(500)
            .setConsumer(new ConsoleProgressBarConsumer(err));
        if (byAudio()) {
            // Whole audio seconds: the bar's unit, its rate and its ETA all follow them.
            b.setInitialMax(Math.max(1, Math.round(durations.total()))).setUnit(" audio s", 1)
                .showSpeed(new DecimalFormat("#.#"));
        } else {
            b.setInitialMax(files).setUnit(" files", 1);
        }
        bar = b.build();
        bar.setExtraMessage(message());
    }

    @Override
    public void fileDone(FileRecord record) {
        audioSeconds += record.duration;
        if (!record.ok()) {
            failed++;
            if (failures.size() < SHOWN_FAILURES) {
                failures.add(record.error);
            }
        }
        done++;
        if (bar != null) {
            // Records come in input order, so the files done are the first ones.
            bar.stepTo(byAudio() ? Math.round(durations.upTo(done)) : done);
            bar.setExtraMessage(message());
        }
    }

    private String message() {
        if (byAudio()) {
            // After the rate, which the bar prints without a space.
            return " " + done + "/" + total + " files" + (failed > 0 ? ", " + failed + " failed" : "");
        }
        return HumanUnits.hours(audioSeconds) + " of audio" + (failed > 0 ? ", " + failed + " failed" : "");
    }

    @Override
    public void close() {
        if (bar == null) {
            return;
        }
        bar.close();
        bar = null;
        for (String f : failures) {
            err.println("auralis: " + f);
        }
        if (failed > failures.size()) {
            err.println("auralis: ... and " + (failed - failures.size()) + " more failures; every error is in the "
                + "records");
        }
        err.flush();
    }
}
