package io.auralis.host.batch;

import io.auralis.host.text.HumanUnits;
import io.auralis.api.output.FileRecord;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Progress for a person at a terminal: a bar that redraws in place with files done of the total, the audio
 * processed, failures so far, elapsed time and an estimate of the time left. Failure lines would break the bar,
 * so they are printed under it when it closes (the first {@value #SHOWN_FAILURES}; all are in the output).
 */
public final class ProgressBarDisplay implements BatchProgress {
    private static final int SHOWN_FAILURES = 20;

    private final PrintStream err;
    private final List<String> failures = new ArrayList<>();
    private ProgressBar bar;
    private int failed;
    private double audioSeconds;

    /**
     * Creates the display.
     *
     * @param err the terminal's error stream
     */
    public ProgressBarDisplay(PrintStream err) {
        this.err = err;
    }

    @Override
    public void start(int files) {
        bar = new ProgressBarBuilder()
            .setTaskName("analyze")
            .setInitialMax(files)
            .setUnit(" files", 1)
            .setUpdateIntervalMillis(500)
            .setConsumer(new ConsoleProgressBarConsumer(err))
            .build();
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
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(message());
        }
    }

    private String message() {
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
