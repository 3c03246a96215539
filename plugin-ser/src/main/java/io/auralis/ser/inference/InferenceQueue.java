package io.auralis.ser.inference;

import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Inference threads per model that turn the clips of every calling thread into batches.
 *
 * <p>Callers (the workers of a batch, each decoding its own file) hand in clips and wait. A free inference thread
 * takes the first clip waiting and its share of the others (what is waiting divided among the inference threads,
 * so that two clips waiting with two threads free run side by side), sorts them by length, cuts them into batches
 * of similar length (a batch's longest at most {@value #MAX_PADDING_RATIO} times its shortest, at most
 * {@code batchSize} clips) and runs them. Nothing waits for a batch to fill: a lone clip runs at once, and clips that
 * arrive during a forward pass make up the next. So the batch grows with the load while decoding runs on the callers'
 * threads. One inference thread per core on the CPU: a single thread with PyTorch's intra-op threads halved the
 * speed of {@code analyze} over TESS (49 s against 23 s for cnn18gru on 2 cores), since small batches of a CNN-GRU do
 * not spread over cores. The network masks the padding, so a clip's result does not depend on its company.
 */
final class InferenceQueue implements AutoCloseable {
    /** How much longer than its shortest clip a batch's longest may be. */
    static final double MAX_PADDING_RATIO = 1.5;
    /** How many full batches a thread takes at most at once, to bucket them by length. */
    static final int MAX_TAKEN_BATCHES = 2;

    /** Runs one batch of clips through the network. */
    interface Network {
        List<EmotionPrediction> run(List<float[]> batch) throws TranslateException;
    }

    private record Request(float[] clip, CompletableFuture<EmotionPrediction> result) {
    }

    private final LinkedBlockingQueue<Request> pending = new LinkedBlockingQueue<>();
    private final Network network;
    private final int batchSize;
    private final List<Thread> servers = new ArrayList<>();
    private volatile boolean closed;

    InferenceQueue(String name, Network network, int batchSize) {
        this(name, network, batchSize, 1);
    }

    InferenceQueue(String name, Network network, int batchSize, int threads) {
        this.network = network;
        this.batchSize = batchSize;
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(this::serve, "auralis-ser-inference " + name + (threads > 1 ? " " + i : ""));
            // DJL inside OSGi finds its engine through the context class loader of the thread that calls it
            thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
            thread.setDaemon(true);
            servers.add(thread);
        }
        servers.forEach(Thread::start);
    }

    /**
     * Predicts clips, batched with whatever other threads are predicting at the same time.
     *
     * @param clips the clips
     * @return one prediction per clip, in order
     * @throws TranslateException if inference fails or the calling thread is interrupted while it waits
     */
    List<EmotionPrediction> predict(List<float[]> clips) throws TranslateException {
        List<EmotionPrediction> out = new ArrayList<>(clips.size());
        for (CompletableFuture<EmotionPrediction> f : submit(clips)) {
            out.add(await(f));
        }
        return out;
    }

    /**
     * Hands in clips without waiting for them: a caller that submits many files' clips before it waits lets the
     * inference threads fill whole batches, where callers that each wait for their own clip make batches no larger
     * than the number of callers.
     *
     * @param clips the clips
     * @return one future per clip, in order; a failed batch completes its clips' futures exceptionally, a closed
     *     queue cancels them
     */
    /** What a clip still waiting when the model closes fails with. */
    static final String CLOSED_BEFORE_PREDICTED = "the model was closed before the clip was predicted";

    List<CompletableFuture<EmotionPrediction>> submit(List<float[]> clips) {
        List<CompletableFuture<EmotionPrediction>> results = new ArrayList<>(clips.size());
        for (float[] clip : clips) {
            Request r = new Request(clip, new CompletableFuture<>());
            results.add(r.result());
            if (closed) {
                throw new IllegalStateException("the model is closed");
            }
            pending.add(r);
        }
        if (closed) {
            // closed while these were queued: the thread may have gone without seeing them
            List<Request> rest = new ArrayList<>();
            pending.drainTo(rest);
            fail(rest);
        }
        return results;
    }

    /** Clips handed in and not yet taken by the inference thread. */
    int waiting() {
        return pending.size();
    }

    /**
     * Waits for a submitted clip's prediction.
     *
     * @param f a future from {@link #submit}
     * @return its prediction
     * @throws TranslateException if inference failed or the calling thread is interrupted while it waits
     */
    static EmotionPrediction await(CompletableFuture<EmotionPrediction> f) throws TranslateException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslateException("interrupted while waiting for the network", e);
        } catch (CancellationException e) {
            throw new TranslateException(CLOSED_BEFORE_PREDICTED, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TranslateException t) {
                throw new TranslateException(t.getMessage(), t);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new TranslateException(String.valueOf(cause), cause);
        }
    }

    private void serve() {
        List<Request> taken = new ArrayList<>();
        while (!closed) {
            try {
                taken.add(pending.take());
            } catch (InterruptedException e) {
                break;
            }
            // a share of what waits, but no more than a few batches, so that the other threads find work too
            pending.drainTo(taken, Math.min(MAX_TAKEN_BATCHES * batchSize, pending.size() / servers.size()));
            for (List<Request> batch : batches(taken)) {
                run(batch);
            }
            taken.clear();
        }
        fail(taken);
        List<Request> rest = new ArrayList<>();
        pending.drainTo(rest);
        fail(rest);
    }

    private List<List<Request>> batches(List<Request> requests) {
        requests.sort(Comparator.comparingInt(r -> r.clip().length));
        List<List<Request>> batches = new ArrayList<>();
        List<Request> last = null;
        for (Request r : requests) {
            if (last == null || last.size() == batchSize
                || r.clip().length > MAX_PADDING_RATIO * last.get(0).clip().length) {
                last = new ArrayList<>();
                batches.add(last);
            }
            last.add(r);
        }
        return batches;
    }

    private void run(List<Request> batch) {
        List<float[]> clips = new ArrayList<>(batch.size());
        batch.forEach(r -> clips.add(r.clip()));
        try {
            List<EmotionPrediction> results = network.run(clips);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
        } catch (Throwable t) {
            // an out-of-memory batch fails its own clips; the thread serves the next callers
            batch.forEach(r -> r.result().completeExceptionally(t));
        }
    }

    private static void fail(List<Request> requests) {
        requests.forEach(r -> r.result().cancel(false));
    }

    @Override
    public void close() {
        closed = true;
        servers.forEach(Thread::interrupt);
        try {
            for (Thread thread : servers) {
                thread.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Request> rest = new ArrayList<>();
        pending.drainTo(rest);
        fail(rest);
    }
}
