package io.auralis.host.engine;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioInfo;
import io.auralis.api.audio.AudioStream;
import io.auralis.api.output.FileRecord;
import io.auralis.host.workflow.Workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.DoubleConsumer;

/**
 * Runs a validated workflow over one file at a time and returns its {@link FileRecord}. Thread-safe: every call
 * has its own sessions and buffers, so a batch analyses several files at once with one analyzer.
 *
 * <h2>What happens per file</h2>
 * <ol>
 * <li>The file is decoded once, at the workflow's rate, in chunks of {@value #CHUNK} samples.</li>
 * <li>Each step gets its own framing of that stream ({@link SlidingFramer}, or the whole file for
 * {@code blockSize} 0), so steps may use different block and step sizes.</li>
 * <li>Blocks run in order of where they end in the file; blocks ending at the same sample run in dependency
 * order. After each {@code process}, the step receives through {@code consume} every upstream feature that was
 * emitted while audio up to the end of that block was processed. With equal framing this is exactly: per block,
 * every step in dependency order, {@code process} then {@code consume} of what its upstream steps emitted during
 * that block.</li>
 * <li>At the end, in dependency order, each step receives what is still waiting and then {@code finish}es, once;
 * every opened session is closed, whatever happened. With {@link #analyzeAsync}, a step that no other step consumes
 * ends with {@code finishAsync} instead, and the record is completed when the last such step has ended.</li>
 * <li>When the workflow is {@linkplain Workflow#summarised summarised}, the summaries of its outputs are computed
 * from the complete features ({@link FileSummaries}).</li>
 * </ol>
 *
 * <p>Only regular files are opened: a named pipe, a device or a socket (named as an input, or swapped in for a
 * file after the inputs were listed) could block the reading thread forever, so it is that file's error.
 *
 * <p>Only features are kept, so memory does not grow with the length of the audio (except for whole-file steps,
 * which asked for it). Nothing escapes: a file the decoder rejects, an extractor's {@code ExtractionException},
 * a bug ({@code RuntimeException}) or an {@code Error} such as {@code OutOfMemoryError} in one file becomes that
 * record's one-line {@code error}, {@code <file>: <problem>}, with {@code step '<id>': } before problems raised in a
 * step, and the analyzer goes on with the next file.
 */
public final class FileAnalyzer {
    /** Samples decoded at a time. */
    static final int CHUNK = 4096;

    private final Workflow workflow;
    private final AudioDecoder decoder;

    /**
     * Creates an analyzer.
     *
     * @param workflow the validated workflow
     * @param decoder the decoder that opens files
     */
    public FileAnalyzer(Workflow workflow, AudioDecoder decoder) {
        this.workflow = workflow;
        this.decoder = decoder;
    }

    /**
     * The workflow this analyzer runs.
     *
     * @return the workflow
     */
    public Workflow workflow() {
        return workflow;
    }

    /**
     * Analyses one file. Never throws: every failure ends up in the record's {@link FileRecord#error}. If the
     * calling thread is interrupted, the analysis stops at the next chunk with the error {@code interrupted}.
     *
     * @param file the file to decode
     * @param name the file as the user named it, for the record and messages
     * @return the record: the requested outputs, or the error with no outputs
     */
    public FileRecord analyze(Path file, String name) {
        return analyze(file, name, seconds -> { });
    }

    /**
     * Analyses one file, telling a watcher how much audio it holds as that becomes known, so that a watchdog can
     * give a long file more time than a short one.
     *
     * @param file the file to decode
     * @param name the file as the user named it, for the record and messages
     * @param audioSeconds told the seconds of audio the file holds as far as known: its stated duration once it is
     *     open, then the audio decoded so far whenever that is more; called on the analysing thread
     * @return the record: the requested outputs, or the error with no outputs
     */
    public FileRecord analyze(Path file, String name, DoubleConsumer audioSeconds) {
        return analyze(file, name, audioSeconds, false).join();
    }

    /**
     * Analyses one file as {@link #analyze(Path, String, DoubleConsumer)} does, except that a step whose session
     * ends later ({@link io.auralis.api.extractor.ExtractorSession#finishAsync}; only steps no other step consumes)
     * does not hold the calling thread: this returns once the file is decoded and every step has ended or handed
     * its end to something else, such as a model batching the clips of many files. The file is closed by then.
     *
     * <p>The record is completed (summaries computed, sessions closed) on the thread that completes the last step,
     * and equals what {@link #analyze(Path, String, DoubleConsumer)} returns. The future never completes
     * exceptionally: failures are the record's error, as there. An interrupt of the calling thread stops the
     * decoding as there; a step already handed over is not interrupted, and its record comes when it ends.
     *
     * @param file the file to decode
     * @param name the file as the user named it, for the record and messages
     * @param audioSeconds as for {@link #analyze(Path, String, DoubleConsumer)}, called on the calling thread
     * @return the record to come; already complete when no step ends later
     */
    public CompletableFuture<FileRecord> analyzeAsync(Path file, String name, DoubleConsumer audioSeconds) {
        return analyze(file, name, audioSeconds, true);
    }

    private CompletableFuture<FileRecord> analyze(Path file, String name, DoubleConsumer audioSeconds,
                                                  boolean later) {
        FileRecord record = new FileRecord();
        record.file = name;
        AudioStream stream = null;
        WorkflowRun run = null;
        CompletableFuture<Void> ends = null;
        long frames = 0;
        Throwable failure = null;
        try {
            refuseIfNotRegular(file);
            stream = decoder.open(file, workflow.sampleRate());
            AudioInfo info = stream.info();
            if (info != null) {
                record.sampleRate = info.sampleRate;
                record.channels = info.channels;
                record.duration = Math.max(0, info.durationSeconds);
                audioSeconds.accept(record.duration);
            }
            if (stream.sampleRate() != workflow.sampleRate()) {
                throw new IOException("the decoder delivered " + stream.sampleRate() + " Hz instead of "
                    + workflow.sampleRate() + " Hz");
            }
            run = new WorkflowRun(workflow, name, true, null);
            run.open();
            frames = run.stream(stream, record.duration, audioSeconds, watermark -> { });
            if (later) {
                ends = run.finishLater();
            } else {
                run.finish();
            }
        } catch (Throwable t) {
            failure = t;
        }
        if (stream != null) {
            // every step has all its audio: the file need not stay open while a step ends later
            try {
                stream.close();
            } catch (Throwable t) {
                failure = failure == null ? t : failure;
            }
        }
        if (ends == null) {
            ends = CompletableFuture.completedFuture(null);
        }
        WorkflowRun ran = run;
        Throwable early = failure;
        long decoded = frames;
        return ends.handle((v, late) -> complete(record, ran, decoded, early != null ? early : unwrap(late), file,
            name));
    }

    /** Completes a record once every step has ended: its outputs and summaries, or its error; closes the sessions. */
    private FileRecord complete(FileRecord record, WorkflowRun run, long frames, Throwable failure, Path file,
                                String name) {
        if (failure == null) {
            try {
                record.duration = frames / (double) workflow.sampleRate();
                FileSummaries.add(workflow, run.collected, record.duration);
                record.outputs = run.collected;
            } catch (Throwable t) {
                failure = t;
            }
        }
        if (run != null) {
            StepFailure closing = run.close();
            failure = failure == null ? closing : failure;
        }
        if (failure != null) {
            record.error = describe(failure, file, name);
            record.outputs = new LinkedHashMap<>();
        }
        return record;
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /** Refuses pipes, devices, sockets and folders; a file that cannot be looked at is left to the decoder. */
    private static void refuseIfNotRegular(Path file) throws AudioFormatException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return;
        }
        if (attributes.isDirectory()) {
            throw new AudioFormatException(file.toString(), "is a folder, not an audio file");
        }
        if (!attributes.isRegularFile()) {
            throw new AudioFormatException(file.toString(), "not a regular file (a named pipe, device or socket); "
                + "refused, since reading it could wait forever");
        }
    }

    static String describe(Throwable failure, Path file, String name) {
        if (failure instanceof StepFailure f) {
            return name + ": step '" + f.step() + "': " + FailureText.of(f.getCause());
        }
        if (failure instanceof AudioFormatException e) {
            return name + ": " + FailureText.oneLine(e.problem());
        }
        if (failure instanceof CancellationException) {
            return name + ": interrupted";
        }
        if (failure instanceof IOException e && e.getMessage() != null) {
            String message = e.getMessage();
            // Decoders name the file as they were given it; the record names it as the user did.
            for (String prefix : List.of(file + ": ", file.toAbsolutePath() + ": ")) {
                if (message.startsWith(prefix)) {
                    message = message.substring(prefix.length());
                }
            }
            return name + ": " + FailureText.oneLine(message);
        }
        return name + ": decoding failed: " + FailureText.of(failure);
    }
}
