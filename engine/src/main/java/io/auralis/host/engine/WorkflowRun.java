package io.auralis.host.engine;

import io.auralis.api.audio.AudioStream;
import io.auralis.api.extractor.Feature;
import io.auralis.host.workflow.OutputRef;
import io.auralis.host.workflow.Step;
import io.auralis.host.workflow.Workflow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.DoubleConsumer;
import java.util.function.LongConsumer;

/**
 * The state of one analysis of a stream through a workflow: every step's session, framer and routes, and the loop
 * that decodes the stream and runs blocks in order of where they end (see {@link FileAnalyzer} for the order).
 * Shared by a file's analysis and live input's ({@link StreamAnalyzer}).
 */
final class WorkflowRun {
    /** Reads that return nothing in a row before a decoder is taken to be stuck. */
    private static final int MAX_EMPTY_READS = 1000;

    final Workflow workflow;
    final String name;
    final Map<String, List<Feature>> collected = new LinkedHashMap<>();
    final List<StepRun> runs = new ArrayList<>();

    /**
     * @param collect whether to keep the workflow's outputs in {@link #collected} (a file's record) or not (live
     *     input, whose features go to {@code tap} only, so that nothing grows with the stream)
     * @param tap told of every feature emitted, or {@code null}
     */
    WorkflowRun(Workflow workflow, String name, boolean collect, StepRun.Tap tap) {
        this.workflow = workflow;
        this.name = name;
        if (collect) {
            for (String key : workflow.outputs().keySet()) {
                collected.put(key, new ArrayList<>());
            }
        }
        Map<String, StepRun> byId = new HashMap<>();
        for (Step step : workflow.steps()) {
            Framer framer = step.blockSize() == 0
                ? new WholeFileFramer(workflow.sampleRate())
                : new SlidingFramer(step.blockSize(), step.stepSize(), workflow.sampleRate(), FileAnalyzer.CHUNK);
            StepRun run = new StepRun(step, framer, collected, tap);
            runs.add(run);
            byId.put(step.id(), run);
        }
        for (StepRun run : runs) {
            for (Map.Entry<String, OutputRef> in : run.step.inputs().entrySet()) {
                OutputRef ref = in.getValue();
                byId.get(ref.step()).route(ref.output()).subscribers.add(new StepRun.Subscriber(run, in.getKey()));
            }
        }
    }

    void open() {
        for (StepRun run : runs) {
            run.open(name, workflow.sampleRate());
        }
    }

    /**
     * Decodes the stream to its end, running blocks as the audio arrives.
     *
     * @param watermark told, after each chunk's blocks have run, the frame before which every step has
     *     processed every block that starts there and been handed every upstream feature emitted there
     */
    long stream(AudioStream stream, double stated, DoubleConsumer audioSeconds, LongConsumer watermark)
        throws IOException {
        int chunkSize = FileAnalyzer.CHUNK;
        float[] chunk = new float[chunkSize];
        long frames = 0;
        int empty = 0;
        long told = (long) Math.ceil(stated * workflow.sampleRate());
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException();
            }
            int n = stream.read(chunk, 0, chunkSize);
            if (n < 0) {
                break;
            }
            if (n == 0) {
                if (++empty > MAX_EMPTY_READS) {
                    throw new IOException("the decoder stopped delivering audio after " + frames + " samples");
                }
                continue;
            }
            empty = 0;
            frames += n;
            if (frames > told) {
                // A file longer than its header says (or of unknown length) earns its watchdog more time.
                told = frames + workflow.sampleRate();
                audioSeconds.accept(told / (double) workflow.sampleRate());
            }
            for (StepRun run : runs) {
                run.append(chunk, n);
            }
            processReadyBlocks(frames);
            watermark.accept(watermark());
        }
        for (StepRun run : runs) {
            run.framer.end();
        }
        processReadyBlocks(frames);
        return frames;
    }

    /**
     * Runs ready blocks, earliest end first; on equal ends, the step earlier in dependency order first. A block
     * that ends where the decoded audio ends waits for the next chunk when an earlier step holds samples that
     * the end of the file would turn into a block ending at the same place: only then is the order known.
     */
    private void processReadyBlocks(long decoded) {
        while (true) {
            StepRun next = null;
            for (StepRun run : runs) {
                if (run.framer.ready() && (next == null || run.framer.readyEnd() < next.framer.readyEnd())) {
                    next = run;
                }
            }
            if (next == null || next.framer.readyEnd() >= decoded && earlierMayEndAtEnd(next)) {
                return;
            }
            next.processNext();
        }
    }

    private boolean earlierMayEndAtEnd(StepRun candidate) {
        for (StepRun run : runs) {
            if (run == candidate) {
                return false;
            }
            if (run.framer.pendingAtEnd()) {
                return true;
            }
        }
        return false;
    }

    /** The least, over the steps, of the first frame a block still to run may start at. */
    private long watermark() {
        long least = Long.MAX_VALUE;
        for (StepRun run : runs) {
            least = Math.min(least, run.processed() - run.step.blockSize() + 1);
        }
        return Math.max(0, least);
    }

    void finish() {
        for (StepRun run : runs) {
            run.finish();
        }
    }

    /**
     * Ends every step as {@link #finish} does, except that a step no other step consumes may end later (its
     * {@code finishAsync}); the steps after it do not wait for it.
     *
     * @return completes once every step has ended; exceptionally, with a {@link CompletionException} around the
     *     {@link StepFailure} of the first step in dependency order that failed, once none is still pending (a
     *     session is closed only after its end)
     */
    CompletableFuture<Void> finishLater() {
        List<CompletableFuture<Void>> ends = new ArrayList<>();
        StepFailure failed = null;
        for (StepRun run : runs) {
            try {
                if (run.mayFinishLater()) {
                    ends.add(run.finishLater());
                } else {
                    run.finish();
                }
            } catch (StepFailure f) {
                failed = f;
                break;
            }
        }
        StepFailure stopped = failed;
        return CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).handle((v, any) -> {
            // the first failure in dependency order, as finish() reports it, whichever completed first
            for (CompletableFuture<Void> end : ends) {
                if (end.isCompletedExceptionally()) {
                    end.join();
                }
            }
            if (stopped != null) {
                throw stopped;
            }
            return null;
        });
    }

    StepFailure close() {
        StepFailure first = null;
        for (StepRun run : runs) {
            StepFailure f = run.close();
            first = first == null ? f : first;
        }
        return first;
    }
}
