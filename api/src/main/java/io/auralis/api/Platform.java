package io.auralis.api;

/**
 * Names of framework properties that the Auralis host sets for every bundle.
 *
 * <p>A bundle reads them with {@code BundleContext.getProperty(name)}; they are never read from system
 * properties directly, so that several hosts can share one JVM (as they do on a Spark executor).
 */
public final class Platform {
    /** The installation folder: it holds {@code bin/}, {@code bundles/}, {@code models/} and {@code workflows/}. */
    public static final String HOME = "auralis.home";

    /** The state folder: the OSGi bundle cache, hot-deploy {@code bundles/}, caches of extracted natives. */
    public static final String STATE = "auralis.state";

    /** The folder of the models that ship with the installation ({@code <home>/models} unless overridden). */
    public static final String MODELS = "auralis.models";

    /** The compute device requested on the command line ({@code auto}, {@code cpu} or {@code gpu[:N]}). */
    public static final String DEVICE = "auralis.device";

    private Platform() {
    }
}
