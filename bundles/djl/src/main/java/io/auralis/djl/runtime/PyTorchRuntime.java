package io.auralis.djl.runtime;

import ai.djl.engine.Engine;
import io.auralis.djl.DjlRuntime;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Starts DJL's PyTorch engine lazily, with this bundle's class loader as the thread context class loader so that
 * DJL's {@code ServiceLoader} finds the engine and its resource lookups find the natives embedded here.
 *
 * <p>On activation it points DJL at a cache under the Auralis state folder ({@code <auralis.state>/djl}) and
 * switches DJL offline, unless the environment or system properties already say otherwise: the natives ship in
 * this bundle, so nothing ever needs downloading. Both are JVM-wide system properties because that is the only
 * way DJL reads them.
 */
@Component(service = DjlRuntime.class)
public class PyTorchRuntime implements DjlRuntime {

    /** The framework property naming the Auralis state folder ({@code io.auralis.api.Platform.STATE}). */
    static final String STATE = "auralis.state";
    static final String CACHE = "DJL_CACHE_DIR";
    static final String OFFLINE = "ai.djl.offline";

    private Path cache;
    private Engine engine;
    private RuntimeException failure;

    /**
     * Chooses the native cache and offline mode.
     *
     * @param context this bundle's context, for the framework properties
     */
    @Activate
    void activate(BundleContext context) {
        cache = configure(context.getProperty(STATE));
    }

    static Path configure(String stateDir) {
        String configured = System.getenv(CACHE);
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty(CACHE);
        }
        if ((configured == null || configured.isBlank()) && stateDir != null && !stateDir.isBlank()) {
            configured = Path.of(stateDir, "djl").toAbsolutePath().toString();
            System.setProperty(CACHE, configured);
        }
        if (System.getenv(OFFLINE) == null && System.getProperty(OFFLINE) == null) {
            System.setProperty(OFFLINE, "true");
        }
        return configured == null || configured.isBlank()
            ? Path.of(System.getProperty("user.home"), ".djl.ai") : Path.of(configured);
    }

    @Override
    public synchronized Engine engine() {
        if (engine == null && failure == null) {
            try {
                engine = call(() -> {
                    Engine e = Engine.getEngine(ENGINE);
                    // creating a manager loads the natives now, so a broken install fails here and not mid-run
                    e.newBaseManager().close();
                    return e;
                });
            } catch (Exception | LinkageError e) {
                failure = new IllegalStateException("the " + ENGINE + " engine could not start (natives cached in "
                    + cache + "): " + e, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return engine;
    }

    @Override
    public <T> T call(Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PyTorchRuntime.class.getClassLoader());
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public Path cacheDirectory() {
        return cache;
    }
}
