package io.auralis.host.fake;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureSink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An extractor ({@value #ID}, output {@code n}) whose sessions end later, when the test says, as a model batching
 * many files' clips does: {@code finishAsync} returns a stage that completes only when {@link #end} or {@link #fail}
 * is called for the file, and {@link #end} emits the file's one feature (the number of samples it was given) on the
 * caller's thread first. {@code finish} emits the same feature at once, so a run that ends later can be compared
 * with one that does not. Files are told apart by the name the host opened their session with.
 */
public final class EndsLater {
    /** The extractor id. */
    public static final String ID = "t.later";

    /** A file whose session ended later and has not been told how. */
    private record Ending(FeatureSink sink, long samples, CompletableFuture<Void> stage) {
    }

    private final Map<String, Ending> endings = new ConcurrentHashMap<>();
    private final List<String> opened = Collections.synchronizedList(new ArrayList<>());
    private final List<String> closed = Collections.synchronizedList(new ArrayList<>());
    private final FakeExtractor extractor = FakeExtractor.of(ID).output("n", "k").framing(1000, 1000)
        .sessions(c -> new Session(c.source()));

    /**
     * The extractor to install.
     *
     * @return the extractor
     */
    public FakeExtractor extractor() {
        return extractor;
    }

    /**
     * The files whose sessions were opened, in the order they were.
     *
     * @return a copy
     */
    public List<String> opened() {
        synchronized (opened) {
            return List.copyOf(opened);
        }
    }

    /**
     * The files whose sessions were closed, in the order they were.
     *
     * @return a copy
     */
    public List<String> closed() {
        synchronized (closed) {
            return List.copyOf(closed);
        }
    }

    /**
     * The files whose sessions are waiting to be ended.
     *
     * @return how many
     */
    public int waiting() {
        return endings.size();
    }

    /**
     * Waits until a file's session has handed over its end.
     *
     * @param source the file
     * @throws TimeoutException after 10 s
     * @throws InterruptedException if interrupted
     */
    public void awaitEnding(String source) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!endings.containsKey(source)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(source + " never handed over its end; opened: " + opened());
            }
            Thread.sleep(5);
        }
    }

    /**
     * Emits a file's feature and completes its stage, on this thread.
     *
     * @param source the file, whose session has handed over its end
     */
    public void end(String source) {
        Ending e = take(source);
        e.sink().emit("n", Feature.of(0, 0, e.samples()));
        e.stage().complete(null);
    }

    /**
     * Fails a file's stage, as a failed batch of a model does, without emitting anything.
     *
     * @param source the file, whose session has handed over its end
     * @param problem the message of the {@link ExtractionException}
     */
    public void fail(String source, String problem) {
        take(source).stage().completeExceptionally(new ExtractionException(problem));
    }

    private Ending take(String source) {
        Ending e = endings.remove(source);
        if (e == null) {
            throw new IllegalStateException(source + " has not handed over its end");
        }
        return e;
    }

    private final class Session implements ExtractorSession {
        private final String source;
        private long samples;

        Session(String source) {
            this.source = source;
            opened.add(source);
        }

        @Override
        public void process(AudioBlock block, FeatureSink sink) {
            samples = block.startFrame() + block.length();
        }

        @Override
        public void finish(FeatureSink sink) {
            sink.emit("n", Feature.of(0, 0, samples));
        }

        @Override
        public CompletionStage<Void> finishAsync(FeatureSink sink) {
            CompletableFuture<Void> stage = new CompletableFuture<>();
            endings.put(source, new Ending(sink, samples, stage));
            return stage;
        }

        @Override
        public void close() {
            closed.add(source);
        }
    }
}
