package io.auralis.ser.inference;

import ai.djl.engine.Engine;
import java.lang.reflect.Method;

/**
 * Chooses how many threads PyTorch's CPU kernels use inside each predicting thread, so that the threads of a batch
 * and PyTorch's own pool together do not ask for more cores than there are.
 *
 * <p>PyTorch's CPU build parallelises through OpenMP. Its thread count is kept per calling thread, and a thread
 * that has not set one takes the last count set anywhere; DJL sets none unless told, so by default every
 * predicting thread runs a pool of one thread per core: with several workers that is workers x cores busy threads
 * on the cores. So before each forward pass on the CPU the calling thread's count is set to
 * {@code cores / predicting threads} (at least 1), where predicting threads is how many predictors the model has
 * handed out so far, which grows to the batch's workers: one thread per worker when the workers fill the cores,
 * every core for a lone worker. A value set with {@value #PROPERTY} (system property or environment variable, DJL's
 * own setting) is applied to every thread instead.
 */
final class IntraOpThreads {
    /** DJL's setting for PyTorch's intra-op threads. */
    static final String PROPERTY = "ai.djl.pytorch.num_threads";

    private final Method setter;
    private final int fixed;
    private final int cores;
    private final ThreadLocal<int[]> applied = ThreadLocal.withInitial(() -> new int[] {0});

    IntraOpThreads(Method setter, int fixed, int cores) {
        this.setter = setter;
        this.fixed = fixed;
        this.cores = cores;
    }

    /**
     * The policy for an engine: active for PyTorch, a no-op for any other engine.
     *
     * @param engine the engine that runs the model
     * @return the policy
     */
    static IntraOpThreads of(Engine engine) {
        Method setter = null;
        if ("PyTorch".equals(engine.getEngineName())) {
            try {
                // through the engine's class loader: this bundle compiles against DJL's API only
                Class<?> jni = Class.forName("ai.djl.pytorch.jni.JniUtils", true, engine.getClass().getClassLoader());
                setter = jni.getMethod("setNumThreads", int.class);
            } catch (ReflectiveOperationException | LinkageError e) {
                setter = null;
            }
        }
        return new IntraOpThreads(setter, configured(), Runtime.getRuntime().availableProcessors());
    }

    private static int configured() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(PROPERTY);
        }
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The count a thread gets when {@code predictingThreads} threads share the model.
     *
     * @param predictingThreads threads that predict with the model, at least 1
     * @return threads for PyTorch's kernels in each of them
     */
    int threadsFor(int predictingThreads) {
        return fixed > 0 ? fixed : Math.max(1, cores / Math.max(1, predictingThreads));
    }

    /**
     * Sets the calling thread's count, when it differs from what was set last in this thread.
     *
     * @param predictingThreads threads that predict with the model
     */
    void apply(int predictingThreads) {
        if (setter == null) {
            return;
        }
        int n = threadsFor(predictingThreads);
        int[] last = applied.get();
        if (last[0] == n) {
            return;
        }
        try {
            setter.invoke(null, n);
            last[0] = n;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // PyTorch's default stays in place: slower under contention, never wrong
            last[0] = n;
        }
    }
}
