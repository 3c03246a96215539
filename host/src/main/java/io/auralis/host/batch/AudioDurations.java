package io.auralis.host.batch;

import io.auralis.api.command.InputFile;
import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.audio.AudioInfo;
import io.auralis.api.command.InputFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How much audio each file of a batch holds, known before the batch from the files' headers, so that progress
 * counts audio rather than files: one 6-minute file among 30 short ones is most of the work, not one thirty-first
 * of it. Figures are estimates and need only be good enough for a percentage and an ETA.
 *
 * <p>Headers are read ({@link AudioDecoder#probe}) in input order, on one thread, for at most a time budget, so
 * that a batch never waits long for its progress bar. Measured on /work/shared/data/tess (2800 WAV files, 1.6 h of
 * audio; 2 cores, a training run beside it): every header in 1.3 s in a fresh JVM (class loading and JIT included),
 * 0.3 s once warm; about 1 % of what analysing that corpus takes, and within the default budget, so such a corpus is
 * measured whole. Formats that need ffprobe cost tens of milliseconds a file and run out of budget sooner. A file not probed in
 * time, one that cannot be probed, and one whose header does not state its length count as its size times the
 * seconds per byte of the probed files of its extension (of all probed files when none has it), or zero when
 * nothing was probed.
 */
public final class AudioDurations {
    /** How long {@link #probe} may take when nobody says otherwise. */
    public static final long DEFAULT_BUDGET_MILLIS = 2000;

    private final double[] upTo;

    private AudioDurations(double[] seconds) {
        upTo = new double[seconds.length + 1];
        for (int i = 0; i < seconds.length; i++) {
            upTo[i + 1] = upTo[i] + Math.max(0, seconds[i]);
        }
    }

    /**
     * Durations given outright, for tests and for callers that know them.
     *
     * @param seconds each file's duration, in input order
     * @return the durations
     */
    public static AudioDurations of(double... seconds) {
        return new AudioDurations(seconds.clone());
    }

    /**
     * No durations: progress then counts files.
     *
     * @param files how many files
     * @return durations that are all zero
     */
    public static AudioDurations unknown(int files) {
        return new AudioDurations(new double[files]);
    }

    /**
     * Reads the files' headers, for at most {@code budgetMillis}; estimates the rest from their sizes.
     *
     * @param decoder the decoder whose {@code probe} reads a header
     * @param files the batch, in input order
     * @param budgetMillis the longest this may take
     * @return each file's duration, measured or estimated
     */
    public static AudioDurations probe(AudioDecoder decoder, List<InputFile> files, long budgetMillis) {
        int n = files.size();
        double[] seconds = new double[n];
        long[] sizes = new long[n];
        AtomicInteger probed = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        // A thread of its own, so that a probe stuck in a hung file system or an ffprobe cannot hold the batch.
        Thread prober = new Thread(() -> {
            for (int i = 0; i < n && !stop.get(); i++) {
                seconds[i] = -1;
                try {
                    AudioInfo info = decoder.probe(files.get(i).path());
                    if (info != null) {
                        seconds[i] = info.durationSeconds;
                    }
                } catch (IOException | RuntimeException e) {
                    // Estimated from its size below; its error is the batch's to report.
                }
                sizes[i] = size(files.get(i).path());
                probed.incrementAndGet();
            }
        }, "auralis-probe");
        prober.setDaemon(true);
        prober.start();
        try {
            prober.join(Math.max(1, budgetMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop.set(true);
        // Entries below the count are complete: each was written before the count was raised.
        int known = probed.get();
        double[] result = new double[n];
        Map<String, double[]> rates = new HashMap<>();
        double[] all = new double[2];
        for (int i = 0; i < known; i++) {
            result[i] = seconds[i];
            if (seconds[i] > 0 && sizes[i] > 0) {
                double[] r = rates.computeIfAbsent(extension(files.get(i).path()), k -> new double[2]);
                r[0] += seconds[i];
                r[1] += sizes[i];
                all[0] += seconds[i];
                all[1] += sizes[i];
            }
        }
        for (int i = 0; i < n; i++) {
            if (i >= known || result[i] < 0) {
                long size = i < known ? sizes[i] : size(files.get(i).path());
                double[] r = rates.getOrDefault(extension(files.get(i).path()), all);
                result[i] = r[1] > 0 ? size * r[0] / r[1] : 0;
            }
        }
        return new AudioDurations(result);
    }

    /**
     * The audio in the first files of the batch.
     *
     * @param files how many files, from the first
     * @return seconds, measured or estimated
     */
    public double upTo(int files) {
        return upTo[Math.max(0, Math.min(files, upTo.length - 1))];
    }

    /**
     * The audio in the whole batch.
     *
     * @return seconds; 0 when nothing is known
     */
    public double total() {
        return upTo[upTo.length - 1];
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
