package io.auralis.djl;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * DJL's PyTorch engine, started once per JVM by the {@code io.auralis.djl} library bundle. Bundles that run
 * models reference this service before their first DJL call: DJL finds its engine and natives through the thread
 * context class loader, which only this bundle can set correctly, and a JVM can load the natives only once, which
 * is why this bundle is never refreshed.
 *
 * <p>The engine starts on the first call of {@link #engine()}, not when the service registers, so commands that
 * never run a model pay nothing. The first start on a machine extracts the natives (about 430 MB) into
 * {@link #cacheDirectory()}; later starts take a fraction of a second.
 */
@ProviderType
public interface DjlRuntime {

    /** The DJL engine name this runtime starts. */
    String ENGINE = "PyTorch";

    /**
     * Starts the engine if it has not started yet.
     *
     * @return the PyTorch engine
     * @throws IllegalStateException if the engine cannot start, with the cause; every later call fails the same way
     */
    Engine engine();

    /**
     * Runs work with the thread context class loader set to DJL's, for DJL calls that look up engines, services
     * or resources by class loader.
     *
     * @param work the work
     * @param <T> its result type
     * @return its result
     * @throws Exception whatever the work throws
     */
    <T> T call(Callable<T> work) throws Exception;

    /**
     * Where DJL keeps extracted natives ({@code DJL_CACHE_DIR}).
     *
     * @return the folder
     */
    Path cacheDirectory();
}
