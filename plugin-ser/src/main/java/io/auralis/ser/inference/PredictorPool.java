package io.auralis.ser.inference;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * DJL predictors are not thread-safe; this pool hands each calling thread a predictor of its own, creating one
 * when none is idle, and keeps them for reuse. Predictors are cheap (they share the model's parameters), so the
 * pool grows to the number of threads that predict at once and no further.
 *
 * @param <I> input type
 * @param <O> output type
 */
final class PredictorPool<I, O> implements AutoCloseable {

    /** Work done with a borrowed predictor. */
    interface Task<I, O, R> {
        R run(Predictor<I, O> predictor) throws TranslateException;
    }

    private final Supplier<Predictor<I, O>> factory;
    private final Deque<Predictor<I, O>> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger created = new AtomicInteger();
    private volatile boolean closed;

    PredictorPool(Supplier<Predictor<I, O>> factory) {
        this.factory = factory;
    }

    <R> R with(Task<I, O, R> task) throws TranslateException {
        if (closed) {
            throw new IllegalStateException("the model is closed");
        }
        Predictor<I, O> p = idle.pollFirst();
        if (p == null) {
            p = factory.get();
            created.incrementAndGet();
        }
        try {
            return task.run(p);
        } finally {
            idle.offerFirst(p);
            if (closed) {
                drain();
            }
        }
    }

    /** The number of predictors created so far: the most threads that have predicted at once. */
    int created() {
        return created.get();
    }

    /** The number of predictors created so far and now idle. */
    int idleCount() {
        return idle.size();
    }

    @Override
    public void close() {
        closed = true;
        drain();
    }

    private void drain() {
        for (Predictor<I, O> p; (p = idle.pollFirst()) != null; ) {
            p.close();
        }
    }
}
