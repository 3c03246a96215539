package io.auralis.host.engine;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.host.workflow.Step;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One step's part in the analysis of one file: its session, its framer, how far into the audio it has processed,
 * and the upstream features waiting for it. Every call into the session goes through here, so that a failure is
 * attributed to the step.
 */
final class StepRun {
    /** Where one output's features go: the record, when the workflow writes it, and every step bound to it. */
    static final class Route {
        final List<Feature> collected;
        final List<Subscriber> subscribers = new ArrayList<>();

        Route(List<Feature> collected) {
            this.collected = collected;
        }
    }

    /** A downstream step and the input through which it receives an output. */
    record Subscriber(StepRun run, String input) {
    }

    /** Told of every feature a step emits, with how far the step had processed when it did: live input's records. */
    @FunctionalInterface
    interface Tap {
        void emitted(String output, Feature feature, long emittedAt);
    }

    /** An upstream feature waiting for this step, and how far the emitter had processed when it emitted it. */
    private record Pending(String input, Feature feature, long emittedAt) {
    }

    final Step step;
    final Framer framer;
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final FeatureSink sink = this::emit;
    private final Tap tap;
    private ExtractorSession session;
    private long processed;
    /** Set once a deferred finish has completed: the session may emit no more. */
    private volatile boolean ended;

    StepRun(Step step, Framer framer, Map<String, List<Feature>> collected, Tap tap) {
        this.step = step;
        this.framer = framer;
        this.tap = tap;
        for (OutputDescriptor o : step.outputs()) {
            routes.put(o.id, new Route(collected.get(step.id() + "." + o.id)));
        }
    }

    /** The end of the last block processed: every block ending there or earlier has run. */
    long processed() {
        return processed;
    }

    Route route(String output) {
        return routes.get(output);
    }

    void open(String source, int sampleRate) {
        try {
            session = step.extractor().open(step.context(source, sampleRate));
        } catch (Throwable t) {
            throw new StepFailure(step.id(), t);
        }
        if (session == null) {
            throw new StepFailure(step.id(), new ExtractionException(step.descriptor().id + " opened no session"));
        }
    }

    void append(float[] samples, int length) {
        try {
            framer.append(samples, length);
        } catch (Throwable t) {
            throw new StepFailure(step.id(), t);
        }
    }

    /** Processes the ready block, then hands over the upstream features emitted while audio up to its end was processed. */
    void processNext() {
        AudioBlock block = framer.next();
        processed = block.startFrame() + block.length();
        try {
            session.process(block, sink);
        } catch (Throwable t) {
            throw new StepFailure(step.id(), t);
        }
        deliver(processed);
    }

    /** Hands over everything still waiting, then ends the session. */
    void finish() {
        deliver(Long.MAX_VALUE);
        try {
            session.finish(sink);
        } catch (Throwable t) {
            throw new StepFailure(step.id(), t);
        }
    }

    /**
     * Whether this step may end later than the others ({@link ExtractorSession#finishAsync}): only when nothing
     * downstream waits for its features, since a consuming step's own end needs them all, and nothing taps them.
     */
    boolean mayFinishLater() {
        return tap == null && routes.values().stream().allMatch(r -> r.subscribers.isEmpty());
    }

    /**
     * Hands over everything still waiting, then ends the session, perhaps later: the session may go on emitting
     * (on another thread) until the returned future completes.
     *
     * @return completes when the session has emitted everything, or exceptionally with a {@link StepFailure}
     */
    CompletableFuture<Void> finishLater() {
        deliver(Long.MAX_VALUE);
        CompletionStage<Void> stage;
        try {
            stage = session.finishAsync(sink);
        } catch (Throwable t) {
            throw new StepFailure(step.id(), t);
        }
        if (stage == null) {
            throw new StepFailure(step.id(), new ExtractionException(step.descriptor().id
                + " returned no stage from finishAsync"));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        stage.whenComplete((v, failure) -> {
            ended = true;
            if (failure == null) {
                done.complete(null);
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
                done.completeExceptionally(new StepFailure(step.id(), cause));
            }
        });
        return done;
    }

    /**
     * Closes the session, if it was opened.
     *
     * @return the failure, or {@code null}
     */
    StepFailure close() {
        if (session == null) {
            return null;
        }
        try {
            session.close();
            return null;
        } catch (Throwable t) {
            return new StepFailure(step.id(), t);
        } finally {
            session = null;
            pending.clear();
        }
    }

    private void deliver(long upTo) {
        while (!pending.isEmpty() && pending.peekFirst().emittedAt() <= upTo) {
            Pending p = pending.pollFirst();
            try {
                session.consume(p.input(), p.feature(), sink);
            } catch (Throwable t) {
                throw new StepFailure(step.id(), t);
            }
        }
    }

    private void emit(String output, Feature feature) {
        if (ended) {
            // the record may be written already: a late feature would be lost, or change it mid-write
            throw new IllegalStateException(step.descriptor().id + " emitted to '" + output
                + "' after its finishAsync stage completed");
        }
        Route route = routes.get(output);
        if (route == null) {
            throw new IllegalArgumentException(step.descriptor().id + " emitted a feature to unknown output '"
                + output + "' (outputs: " + String.join(", ", routes.keySet()) + ")");
        }
        if (feature == null) {
            throw new IllegalArgumentException(step.descriptor().id + " emitted null to output '" + output + "'");
        }
        if (route.collected != null) {
            route.collected.add(feature);
        }
        if (tap != null) {
            tap.emitted(step.id() + "." + output, feature, processed);
        }
        for (Subscriber s : route.subscribers) {
            s.run().pending.addLast(new Pending(s.input(), feature, processed));
        }
    }
}
