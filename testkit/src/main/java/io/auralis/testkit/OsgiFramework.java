package io.auralis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.extractor.FeatureExtractor;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A real Felix framework for a test, set up as the launcher sets up its own: a fresh bundle cache, the API's
 * packages exported by the system bundle at the versions its manifest declares, and the bundles the launcher
 * starts first (OSGi function and promise, the component API, Felix SCR), taken from the test class path.
 * Closing it stops the framework and waits for it.
 *
 * <pre>{@code
 * try (OsgiFramework osgi = OsgiFramework.builder(dir).exportApi().start()) {
 *     osgi.install(OsgiFramework.built());          // target/classes, as bnd wrote it
 *     osgi.startAll();
 *     FeatureExtractor e = osgi.service(FeatureExtractor.class, x -> "example.zcr".equals(x.descriptor().id));
 * }
 * }</pre>
 *
 * <p>Waiting for a service has a timeout, never a sleep. A bundle under test is the folder bnd wrote
 * ({@link #built()}); {@link #manifest(Path)} fails, rather than skips, when bnd did not write a manifest there,
 * so that a build that lost its manifest cannot pass by skipping.
 */
public final class OsgiFramework implements AutoCloseable {
    /** The jars, by file name prefix, of the bundles the launcher starts before any other. */
    public static final List<String> SCR = List.of("org.osgi.util.function-", "org.osgi.util.promise-",
        "org.osgi.service.component-", "org.apache.felix.scr-");

    /** How long {@link #service} waits by default, in milliseconds. */
    public static final long TIMEOUT_MS = 30_000;

    private final Framework framework;
    private final List<Bundle> installed = new ArrayList<>();
    /** The trackers of the services handed out, open until the framework stops: see {@link #service}. */
    private final List<ServiceTracker<?, ?>> inUse = new ArrayList<>();

    private OsgiFramework(Framework framework) {
        this.framework = framework;
    }

    /** Describes a framework to start. */
    public static final class Builder {
        private final Map<String, String> properties = new HashMap<>();

        private Builder(Path dir) {
            properties.put(Constants.FRAMEWORK_STORAGE, dir.resolve("cache").toString());
            properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        }

        /**
         * Sets a framework property, such as one of {@code io.auralis.api.Platform}'s.
         *
         * @param key the property
         * @param value its value
         * @return this builder
         */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /**
         * Exports the API's packages from the system bundle, as the launcher does from its class path.
         *
         * @return this builder
         * @throws IOException if the API's manifest cannot be read
         */
        public Builder exportApi() throws IOException {
            properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, apiPackages());
            return this;
        }

        /**
         * Starts the framework and installs (without starting) the SCR bundles of {@link #SCR}.
         *
         * @return the running framework
         * @throws BundleException if it cannot start or a bundle cannot be installed
         */
        public OsgiFramework start() throws BundleException {
            Framework framework = new FrameworkFactory().newFramework(properties);
            framework.start();
            OsgiFramework osgi = new OsgiFramework(framework);
            for (String jar : SCR) {
                osgi.installFromClassPath(jar);
            }
            return osgi;
        }
    }

    /**
     * Starts describing a framework whose bundle cache lies in a folder.
     *
     * @param dir a folder of the test's own, such as a {@code @TempDir}
     * @return the builder
     */
    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /**
     * The folder bnd wrote the bundle under test to: {@code target/classes} of the module being tested.
     *
     * @return the folder
     */
    public static Path built() {
        return Path.of("target/classes");
    }

    /**
     * The main attributes of the manifest bnd wrote into a bundle folder. Fails the test when there is none.
     *
     * @param classes the bundle folder, such as {@link #built()}
     * @return the manifest's main attributes
     * @throws IOException if it cannot be read
     */
    public static Attributes manifest(Path classes) throws IOException {
        Path file = classes.resolve("META-INF/MANIFEST.MF");
        assertTrue(Files.isRegularFile(file), "no bnd manifest in " + file + ": build the module with Maven "
            + "(mvn verify), which runs bnd before the tests");
        try (InputStream in = Files.newInputStream(file)) {
            return new Manifest(in).getMainAttributes();
        }
    }

    /**
     * The framework's own context.
     *
     * @return the system bundle's context
     */
    public BundleContext context() {
        return framework.getBundleContext();
    }

    /**
     * Installs a bundle by reference: a folder as bnd wrote it, whose manifest must be there, or a bundle jar.
     *
     * @param bundle the folder, such as {@link #built()}, or a jar
     * @return the bundle, installed and not started; {@link #startAll} starts it after those installed before it
     * @throws BundleException if the framework refuses it
     * @throws IOException if a folder's manifest cannot be read
     */
    public Bundle install(Path bundle) throws BundleException, IOException {
        if (!Files.isRegularFile(bundle)) {
            manifest(bundle);
        }
        return add(context().installBundle("reference:file:" + bundle.toAbsolutePath()));
    }

    /**
     * Installs a bundle from a jar on the test class path.
     *
     * @param prefix the start of the jar's file name, such as {@code auralis-audio-}
     * @return the bundle, installed and not started
     * @throws BundleException if the framework refuses it
     */
    public Bundle installFromClassPath(String prefix) throws BundleException {
        return add(context().installBundle(onClassPath(prefix).toUri().toString()));
    }

    private Bundle add(Bundle bundle) {
        installed.add(bundle);
        return bundle;
    }

    /**
     * Starts every bundle installed through this fixture, in the order they were installed (SCR first), and checks
     * that each became active.
     *
     * @throws BundleException if one cannot start
     */
    public void startAll() throws BundleException {
        for (Bundle b : installed) {
            b.start();
        }
        for (Bundle b : installed) {
            assertEquals(Bundle.ACTIVE, b.getState(), b.getSymbolicName() + " is not active");
        }
    }

    /**
     * Waits for a service that the test's class loader can see, up to {@link #TIMEOUT_MS}. The service stays in use
     * until the framework is closed, so that SCR keeps a delayed component (the default for a component with a
     * service) active rather than deactivating it as soon as this method returns.
     *
     * @param type the service type
     * @param which which of the registered services
     * @param <S> the type
     * @return the first matching service
     * @throws InterruptedException if interrupted while waiting
     * @throws AssertionError if none matched in time
     */
    public <S> S service(Class<S> type, Predicate<S> which) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context(), type, null);
        tracker.open();
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            Object[] services = tracker.getServices();
            if (services != null) {
                for (Object s : services) {
                    if (which.test(type.cast(s))) {
                        inUse.add(tracker);
                        return type.cast(s);
                    }
                }
            }
            // Wakes when the tracker's count changes; no fixed sleep.
            int count = tracker.getTrackingCount();
            long until = Math.min(deadline, System.currentTimeMillis() + 500);
            synchronized (tracker) {
                while (tracker.getTrackingCount() == count && System.currentTimeMillis() < until) {
                    tracker.wait(50);
                }
            }
        }
        tracker.close();
        throw new AssertionError("no matching " + type.getSimpleName() + " service within " + TIMEOUT_MS + " ms");
    }

    /**
     * Waits for an extractor by its descriptor's id, as the host finds extractors.
     *
     * @param id the extractor id
     * @return the extractor
     * @throws InterruptedException if interrupted while waiting
     */
    public FeatureExtractor extractor(String id) throws InterruptedException {
        return service(FeatureExtractor.class, e -> id.equals(e.descriptor().id));
    }

    /** Releases the services handed out, stops the framework and waits for it to stop. */
    @Override
    public void close() throws BundleException, InterruptedException {
        inUse.forEach(ServiceTracker::close);
        inUse.clear();
        framework.stop();
        framework.waitForStop(TIMEOUT_MS);
    }

    /**
     * The API's packages at the versions its manifest declares, as the launcher exports them from its class path:
     * {@code io.auralis.api.output;version=1.0.0,...}.
     *
     * @return the value for {@code org.osgi.framework.system.packages.extra}
     * @throws IOException if the API's manifest cannot be read
     */
    public static String apiPackages() throws IOException {
        Path api = Path.of(URI.create(FeatureExtractor.class.getProtectionDomain().getCodeSource().getLocation()
            .toString()));
        String exports;
        if (Files.isDirectory(api)) {
            try (InputStream in = Files.newInputStream(api.resolve("META-INF/MANIFEST.MF"))) {
                exports = new Manifest(in).getMainAttributes().getValue("Export-Package");
            }
        } else {
            try (JarFile jar = new JarFile(api.toFile())) {
                exports = jar.getManifest().getMainAttributes().getValue("Export-Package");
            }
        }
        assertNotNull(exports, "no Export-Package in " + api);
        List<String> packages = new ArrayList<>();
        Matcher m = Pattern.compile("(io\\.auralis\\.api[\\w.]*);version=\"([\\d.]+)\"").matcher(exports);
        while (m.find()) {
            packages.add(m.group(1) + ";version=" + m.group(2));
        }
        assertTrue(!packages.isEmpty(), "no io.auralis.api packages in the Export-Package of " + api);
        return String.join(",", packages);
    }

    /**
     * A jar on the test class path.
     *
     * @param prefix the start of its file name
     * @return the jar
     * @throws IllegalStateException if there is none
     */
    public static Path onClassPath(String prefix) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".jar")) {
                return p;
            }
        }
        throw new IllegalStateException(prefix + "*.jar is not on the test class path");
    }
}
