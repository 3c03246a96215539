package io.auralis.host.batch;

import io.auralis.api.command.InputFile;
import io.auralis.api.output.FileRecord;
import io.auralis.host.engine.FailureText;
import io.auralis.host.engine.FileAnalyzer;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Analyses many files with a bounded number of workers and writes one record per file, in input order.
 *
 * <p>Records are written in the order of the inputs, whatever the number of workers, so outputs are the same
 * from run to run. To keep memory bounded, at most {@code 2 x workers + 2} files are in flight (being analysed or
 * waiting for an earlier file's record); a long file holds the others up only that much. Whoever completes the
 * next record in order writes it, under the outputs' lock, so records are written whole and one at a time. A
 * file's failure is its record's error; only a failure of the outputs themselves stops the batch.
 *
 * <p>A file whose last steps end later ({@link FileAnalyzer#analyzeAsync}: an emotion model batching the clips of
 * many files) does not keep its worker: the worker takes the next file, and the record is written once those steps
 * have ended, in its place in the order, from the batch's record thread. Such files, awaiting their steps or an
 * earlier record, hold {@value #AWAITING_SAMPLES} samples of audio at most between them (each counts its length, and
 * at least a second), as {@code ser predict} holds its clips; they do not count against the files in flight above.
 * When that much is waiting, a worker waits for its own file's steps, as though they had not been handed over.
 *
 * <p>Every file has a watchdog ({@link FileTimeout}): a file still unfinished when its time is up (a pipe that
 * never delivers, an extractor that never returns) gets an error record at once, its thread is interrupted and
 * left behind, and a fresh thread takes its place, so one stuck file can neither stall the records after it nor
 * the end of the batch. Whatever the abandoned thread returns later is ignored.
 *
 * <p>{@link #stop()} (from a shutdown hook on Ctrl-C) starts no more files, interrupts those in flight and drops
 * records not yet written; with {@link RecordOutputs#close()} afterwards, outputs end on a complete record.
 */
public final class BatchRunner {
    /** Stands for the record of a file the batch was stopped on: never written. */
    private static final FileRecord DROPPED = new FileRecord();
    /** Samples of audio that files awaiting their steps hold at most between them: 64 MB, 17 min at 16 kHz. */
    static final int AWAITING_SAMPLES = 16 << 20;

    private final FileAnalyzer analyzer;
    private final int workers;
    private final FileTimeout timeout;
    private final int awaitingSamples;
    private final Set<Slot> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    /**
     * Creates a runner with the default watchdog ({@link FileTimeout#byDuration()}).
     *
     * @param analyzer the per-file engine
     * @param workers how many files to analyse at once, at least 1
     */
    public BatchRunner(FileAnalyzer analyzer, int workers) {
        this(analyzer, workers, FileTimeout.byDuration());
    }

    /**
     * Creates a runner.
     *
     * @param analyzer the per-file engine
     * @param workers how many files to analyse at once, at least 1
     * @param timeout how long one file may take
     */
    public BatchRunner(FileAnalyzer analyzer, int workers, FileTimeout timeout) {
        this(analyzer, workers, timeout, AWAITING_SAMPLES);
    }

    /** For tests of the bound on files awaiting their steps. */
    BatchRunner(FileAnalyzer analyzer, int workers, FileTimeout timeout, int awaitingSamples) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        this.analyzer = analyzer;
        this.workers = workers;
        this.timeout = timeout;
        this.awaitingSamples = awaitingSamples;
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
        int windowSize = 2 * workers + 2;
        Semaphore window = new Semaphore(windowSize);
        Semaphore awaiting = new Semaphore(awaitingSamples);
        Writer writer = new Writer(outputs, progress);
        // Threads are not reused by a stuck file: a cached pool grows a new one while the running limit holds.
        ExecutorService threads = Executors.newCachedThreadPool(new DaemonThreads("auralis-worker-"));
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            new DaemonThreads("auralis-watchdog-"));
        // Records whose steps ended later are written here, not on the thread that ended them (a model's).
        ExecutorService records = Executors.newSingleThreadExecutor(new DaemonThreads("auralis-records-"));
        Semaphore running = new Semaphore(workers);
        Places places = new Places(window, awaiting);
        progress.start(inputs.size());
        try {
            for (int i = 0; i < inputs.size() && !stopped; i++) {
                window.acquireUninterruptibly();
                running.acquireUninterruptibly();
                if (stopped) {
                    running.release();
                    window.release();
                    break;
                }
                Slot slot = new Slot(i, inputs.get(i), writer, running, watchdog, places, records);
                inFlight.add(slot);
                try {
                    threads.execute(slot::analyse);
                    slot.watch();
                } catch (RejectedExecutionException e) {
                    slot.drop();
                    break;
                }
                if (stopped) {
                    // stop() may have run before this slot was registered.
                    slot.drop();
                }
            }
            // Every slot ends, by its thread, its steps, its watchdog or stop(), so these waits are bounded. Once
            // the window is whole no file can move to the awaiting places, so those are whole when all are written.
            window.acquireUninterruptibly(windowSize);
            awaiting.acquireUninterruptibly(awaitingSamples);
        } finally {
            threads.shutdownNow();
            watchdog.shutdownNow();
            records.shutdownNow();
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
        for (Slot slot : inFlight) {
            slot.drop();
        }
    }

    /**
     * The two kinds of place a file in flight holds until its record is written or dropped: one of the window's,
     * taken in input order when it starts, or, once its steps end later, samples of the awaiting places instead.
     */
    private record Places(Semaphore window, Semaphore awaiting) {
    }

    /**
     * One file in flight. It ends exactly once ({@link #end}): with the analyser's record (now, or when its steps
     * end later), with the watchdog's error record, or dropped by {@link #stop()}; whichever comes first wins and
     * frees its worker; its place is freed when its record is written or dropped.
     */
    private final class Slot {
        private final int index;
        private final InputFile input;
        private final Writer writer;
        private final Semaphore running;
        private final ScheduledExecutorService watchdog;
        private final Places places;
        private final ExecutorService records;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final AtomicBoolean workerFreed = new AtomicBoolean();
        private final long started = System.nanoTime();
        private volatile double audioSeconds;
        private volatile Thread thread;
        /** Samples of the awaiting places held instead of a window place, 0 while it holds the latter. */
        private int awaitingHeld;
        private boolean placeFreed;

        Slot(int index, InputFile input, Writer writer, Semaphore running, ScheduledExecutorService watchdog,
             Places places, ExecutorService records) {
            this.index = index;
            this.input = input;
            this.writer = writer;
            this.running = running;
            this.watchdog = watchdog;
            this.places = places;
            this.records = records;
        }

        void analyse() {
            synchronized (this) {
                thread = Thread.currentThread();
            }
            try {
                if (!ended.get()) {
                    CompletableFuture<FileRecord> record = analyzeGuarded();
                    if (record.isDone()) {
                        end(record.join());
                    } else if (awaitLater()) {
                        // the worker moves on; the record is written when the file's steps have ended
                        record.whenCompleteAsync((r, failure) -> end(r != null ? r
                            : errorRecord(input.name(), FailureText.of(failure))), records);
                    } else if (!ended.get()) {
                        end(awaitHere(record));
                    }
                }
            } finally {
                synchronized (this) {
                    thread = null;
                    // Clears an interrupt meant for this file, so the pooled thread starts the next one clean.
                    Thread.interrupted();
                }
                freeWorker();
            }
        }

        private CompletableFuture<FileRecord> analyzeGuarded() {
            if (input.problem() != null) {
                // found while listing, such as a folder that cannot be searched
                return CompletableFuture.completedFuture(errorRecord(input.name(), input.problem()));
            }
            try {
                return analyzer.analyzeAsync(input.path(), input.name(), seconds -> audioSeconds = seconds);
            } catch (Throwable t) {
                // The analyzer catches everything; this guards the batch against a bug there.
                return CompletableFuture.completedFuture(errorRecord(input.name(), FailureText.of(t)));
            }
        }

        /** The record, waiting for the file's steps on this thread; an interrupt is the watchdog's or stop()'s. */
        private FileRecord awaitHere(CompletableFuture<FileRecord> record) {
            try {
                return record.get();
            } catch (InterruptedException e) {
                return errorRecord(input.name(), "interrupted");
            } catch (ExecutionException e) {
                return errorRecord(input.name(), FailureText.of(e.getCause()));
            }
        }

        /**
         * Trades the file's window place for awaiting places, so its worker can take the next file.
         *
         * @return false when too much audio awaits already or the file has ended: the worker waits for it then
         */
        private synchronized boolean awaitLater() {
            if (ended.get() || placeFreed) {
                return false;
            }
            int rate = analyzer.workflow().sampleRate();
            long samples = (long) Math.ceil(audioSeconds * rate);
            // a record of little audio still costs something: a second at least, and never more than the whole
            int held = (int) Math.min(Math.max(samples, rate), awaitingSamples);
            if (!places.awaiting().tryAcquire(held)) {
                return false;
            }
            awaitingHeld = held;
            places.window().release();
            return true;
        }

        /** Frees the file's place once its record is written or dropped. */
        synchronized void freePlace() {
            if (placeFreed) {
                return;
            }
            placeFreed = true;
            if (awaitingHeld > 0) {
                places.awaiting().release(awaitingHeld);
            } else {
                places.window().release();
            }
        }

        /** Lets the next file start: when this one's worker is done with it, or has been given up on. */
        private void freeWorker() {
            if (workerFreed.compareAndSet(false, true)) {
                running.release();
            }
        }

        /** Checks the deadline now and again until the file ends; the deadline moves as its duration is learnt. */
        void watch() {
            if (ended.get()) {
                return;
            }
            long left = started + timeout.limitNanos(audioSeconds) - System.nanoTime();
            if (left > 0) {
                try {
                    watchdog.schedule(this::watch, Math.min(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) {
                    // The batch is over.
                }
                return;
            }
            if (end(errorRecord(input.name(), timeout.problem(audioSeconds)))) {
                interrupt();
            }
        }

        void drop() {
            if (end(DROPPED)) {
                interrupt();
            }
        }

        /** Interrupts the file's thread only while it still works on this file, never the next file it takes. */
        private synchronized void interrupt() {
            if (thread != null) {
                thread.interrupt();
            }
        }

        /** Ends the file once, with its record or {@link #DROPPED}. */
        private boolean end(FileRecord record) {
            if (!ended.compareAndSet(false, true)) {
                return false;
            }
            inFlight.remove(this);
            freeWorker();
            writer.completed(this, record);
            return true;
        }
    }

    private static FileRecord errorRecord(String name, String problem) {
        FileRecord r = new FileRecord();
        r.file = name;
        r.error = name + ": " + problem;
        return r;
    }

    /** A file's record, complete, waiting for its turn. */
    private record Completed(Slot slot, FileRecord record) {
    }

    /** Puts records back in input order and writes each as soon as all before it are written. */
    private final class Writer {
        private final RecordOutputs outputs;
        private final BatchProgress progress;
        private final Map<Integer, Completed> waiting = new HashMap<>();
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

        /** Takes a file's record; the file's place frees once its record is written or dropped. */
        synchronized void completed(Slot slot, FileRecord record) {
            waiting.put(slot.index, new Completed(slot, record));
            Completed c;
            while ((c = waiting.remove(next)) != null) {
                next++;
                try {
                    write(c.record());
                } finally {
                    c.slot().freePlace();
                }
            }
        }

        private void write(FileRecord record) {
            if (record == DROPPED || stopped || error != null) {
                return;
            }
            FileRecord r;
            try {
                r = outputs.write(record);
                if (r == null) {
                    return;
                }
            } catch (IOException e) {
                error = FailureText.oneLine(e.getMessage() == null ? e.toString() : e.getMessage());
                stop();
                return;
            } catch (Throwable e) {
                // Not even the file's error record could be stored: the outputs are unusable.
                error = "writing " + record.file + " failed: " + FailureText.of(e);
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

    /** Daemon threads, so that a stuck extractor cannot keep the JVM alive after the command returns. */
    private static final class DaemonThreads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        DaemonThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
