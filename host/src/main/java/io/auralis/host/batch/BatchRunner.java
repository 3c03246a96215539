package io.auralis.host.batch;

import io.auralis.api.output.FileRecord;
import io.auralis.host.engine.FailureText;
import io.auralis.host.engine.FileAnalyzer;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Analyses many files with a bounded pool of workers and writes one record per file, in input order.
 *
 * <p>Records are written in the order of the inputs, whatever the number of workers, so outputs are the same
 * from run to run. To keep memory bounded, at most {@code 2 x workers + 2} files are in flight (being analysed or
 * waiting for an earlier file's record); a long file holds the others up only that much. Whoever completes the
 * next record in order writes it, under the outputs' lock, so records are written whole and one at a time. A
 * file's failure is its record's error; only a failure of the outputs themselves stops the batch.
 *
 * <p>{@link #stop()} (from a shutdown hook on Ctrl-C) starts no more files, interrupts those in flight and drops
 * records not yet written; with {@link RecordOutputs#close()} afterwards, outputs end on a complete record.
 */
public final class BatchRunner {
    private final FileAnalyzer analyzer;
    private final int workers;
    private volatile boolean stopped;
    private volatile ExecutorService pool;

    /**
     * Creates a runner.
     *
     * @param analyzer the per-file engine
     * @param workers how many files to analyse at once, at least 1
     */
    public BatchRunner(FileAnalyzer analyzer, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        this.analyzer = analyzer;
        this.workers = workers;
    }

    /**
     * Runs the batch; returns when every file is written, or when the batch was stopped.
     *
     * @param inputs the files to analyse, in the order their records are written
     * @param outputs where records go; not closed here
     * @param progress told of each record written; not closed here
     * @return what was done
     */
    public BatchResult run(List<InputFile> inputs, RecordOutputs outputs, BatchProgress progress) {
        long started = System.nanoTime();
        Writer writer = new Writer(outputs, progress);
        ExecutorService executor = Executors.newFixedThreadPool(workers, new WorkerThreads());
        pool = executor;
        Semaphore window = new Semaphore(2 * workers + 2);
        progress.start(inputs.size());
        try {
            for (int i = 0; i < inputs.size() && !stopped; i++) {
                window.acquireUninterruptibly();
                if (stopped) {
                    break;
                }
                int index = i;
                InputFile input = inputs.get(i);
                try {
                    executor.execute(() -> {
                        try {
                            writer.completed(index, analyse(input));
                        } finally {
                            window.release();
                        }
                    });
                } catch (RejectedExecutionException e) {
                    break;
                }
            }
        } finally {
            executor.shutdown();
            awaitQuietly(executor);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        synchronized (writer) {
            return new BatchResult(writer.files, writer.ok, writer.failed, writer.audioSeconds, wall,
                stopped && writer.error == null, writer.error);
        }
    }

    /**
     * Stops the batch: no more files start, files in flight are interrupted, records not yet written are dropped.
     * Safe to call from any thread, more than once.
     */
    public void stop() {
        stopped = true;
        ExecutorService p = pool;
        if (p != null) {
            p.shutdownNow();
        }
    }

    private FileRecord analyse(InputFile input) {
        if (input.problem() != null) {
            FileRecord r = new FileRecord();
            r.file = input.name();
            r.error = input.name() + ": " + input.problem();
            return r;
        }
        try {
            return analyzer.analyze(input.path(), input.name());
        } catch (Throwable t) {
            // The analyzer catches everything; this guards the batch against a bug there.
            FileRecord r = new FileRecord();
            r.file = input.name();
            r.error = input.name() + ": " + FailureText.of(t);
            return r;
        }
    }

    private static void awaitQuietly(ExecutorService executor) {
        boolean interrupted = false;
        while (true) {
            try {
                if (executor.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Puts records back in input order and writes each as soon as all before it are written. */
    private final class Writer {
        private final RecordOutputs outputs;
        private final BatchProgress progress;
        private final Map<Integer, FileRecord> waiting = new HashMap<>();
        private int next;
        int files;
        int ok;
        int failed;
        double audioSeconds;
        String error;

        Writer(RecordOutputs outputs, BatchProgress progress) {
            this.outputs = outputs;
            this.progress = progress;
        }

        synchronized void completed(int index, FileRecord record) {
            waiting.put(index, record);
            FileRecord r;
            while ((r = waiting.remove(next)) != null) {
                next++;
                write(r);
            }
        }

        private void write(FileRecord r) {
            if (stopped || error != null) {
                return;
            }
            try {
                if (!outputs.write(r)) {
                    return;
                }
            } catch (IOException e) {
                error = FailureText.oneLine(e.getMessage() == null ? e.toString() : e.getMessage());
                stop();
                return;
            } catch (RuntimeException e) {
                error = "writing " + r.file + " failed: " + FailureText.of(e);
                stop();
                return;
            }
            files++;
            audioSeconds += r.duration;
            if (r.ok()) {
                ok++;
            } else {
                failed++;
            }
            progress.fileDone(r);
        }
    }

    /** Daemon workers, so that a stuck extractor cannot keep the JVM alive after the command returns. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "auralis-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
