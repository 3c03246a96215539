package io.auralis.spark.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
    private static final long SECOND = 1_000_000_000L;

    private final JobCounters counters = new JobCounters();
    private final AtomicLong clock = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private List<String> lines() {
        // Only line feeds end lines; a carriage return redraws the terminal's line.
        return List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));
    }

    @Test
    void logLinesCarryFailuresAsTheyComeAndProgressAtMostOncePerInterval() {
        ProgressReporter progress = new ProgressReporter(counters, 4, 400, err, false, 10 * SECOND, clock::get);
        clock.set(5 * SECOND);
        counters.add(100, 60, null, 0);
        counters.add(100, 0, "b.wav: not an audio file", 0);
        progress.update();
        assertEquals(List.of("auralis: b.wav: not an audio file"), lines(), "no progress line before the interval");

        clock.set(12 * SECOND);
        counters.add(100, 30, null, 1);
        progress.update();
        progress.close();

        assertEquals(List.of("auralis: b.wav: not an audio file",
            // 300 of 400 bytes: 100 bytes in the 7 s since the first task ended, 100 more to go.
            "auralis: 3 of 4 files (75%), 0.025 h of audio, 1 failed, about 7.0 s left"), lines());
    }

    @Test
    void noEstimateUntilTheRateAfterTheFirstTaskIsKnown() {
        ProgressReporter progress = new ProgressReporter(counters, 10, 1000, err, false, 0, clock::get);
        clock.set(30 * SECOND);
        counters.add(100, 10, null, 0);
        progress.update();
        clock.set(31 * SECOND);
        counters.add(100, 10, null, 0);
        progress.update();

        // Executors took 30 s to start; the estimate goes by the 100 bytes per second since then.
        assertEquals(List.of("auralis: 1 of 10 files (10%), 0.003 h of audio, 0 failed",
            "auralis: 2 of 10 files (20%), 0.006 h of audio, 0 failed, about 8.0 s left"), lines());
    }

    @Test
    void terminalRewritesOneLineAndListsFailuresUnderItAtTheEnd() {
        int files = ProgressReporter.SHOWN_FAILURES + 3;
        ProgressReporter progress = new ProgressReporter(counters, files, files, err, true, 10 * SECOND, clock::get);
        for (int i = 0; i < files; i++) {
            counters.add(1, 0, "f" + i + ".wav: empty file (0 bytes)", i);
        }
        clock.set(SECOND);
        progress.update();
        progress.close();
        progress.close();

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(2, text.chars().filter(c -> c == '\r').count(), "one redraw per update, one at the end");
        List<String> lines = lines();
        assertEquals("\rauralis: 23 of 23 files (100%), 0.000 h of audio, 23 failed\u001b[K"
            + "\rauralis: 23 of 23 files (100%), 0.000 h of audio, 23 failed\u001b[K", lines.get(0));
        assertEquals("auralis: f0.wav: empty file (0 bytes)", lines.get(1));
        assertEquals("auralis: ... and 3 more failures; every error is in the records", lines.get(lines.size() - 1));
        assertEquals(ProgressReporter.SHOWN_FAILURES + 2, lines.size());
    }

    @Test
    void summaryIsWordedLikeLocalAnalyzeAndSaysWhereRecordsWent() {
        JobSummary summary = new JobSummary(12, 1, 900, 3.25, 42.1, "out/run-0002");
        assertEquals("analysed 12 files: 11 ok, 1 failed; 0.25 h of audio in 42.1 s (21.4 audio seconds per second),"
            + " 0.3 files per second; 3.3 s to start; records in out/run-0002", summary.toString());
        assertEquals(1, summary.exitCode());
        assertEquals(0, new JobSummary(3, 0, 9, 1, 2, "x").exitCode());
    }
}
