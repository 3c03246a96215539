package io.auralis.host.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Installs, updates, starts, stops and uninstalls bundles of a running host, with the checks and messages the
 * command line needs: a jar that is not a bundle is refused before the framework sees it, and platform bundles are
 * only uninstalled when forced. Bundles installed here persist in the state folder's bundle cache.
 */
public final class BundleManager {
    private final BundleContext context;
    private final Duration timeout;
    private final Duration startTimeout;
    private volatile boolean stuck;

    BundleManager(BundleContext context, Duration timeout, Duration startTimeout) {
        this.context = context;
        this.timeout = timeout;
        this.startTimeout = startTimeout;
    }

    /**
     * What {@link #install} did.
     *
     * @param bundle the bundle now installed
     * @param previousVersion the version it replaced, or {@code null} if it is new
     */
    public record Installed(Bundle bundle, String previousVersion) {
        /**
         * Whether an existing bundle was updated rather than a new one installed.
         *
         * @return {@code true} for an update
         */
        public boolean updated() {
            return previousVersion != null;
        }
    }

    /**
     * Whether a bundle that {@link #start} started never finished starting.
     *
     * @return {@code true} if an activator is still running on its own thread
     */
    boolean stuck() {
        return stuck;
    }

    /**
     * Every bundle, the system bundle included, by id.
     *
     * @return the bundles
     */
    public List<Bundle> list() {
        List<Bundle> bundles = new ArrayList<>(Arrays.asList(context.getBundles()));
        bundles.sort(Comparator.comparingLong(Bundle::getBundleId));
        return bundles;
    }

    /**
     * Finds a bundle by id or symbolic name.
     *
     * @param idOrName a bundle id, or a symbolic name that exactly one installed bundle has
     * @return the bundle
     * @throws HostException if there is no such bundle, or the name is ambiguous
     */
    public Bundle find(String idOrName) throws HostException {
        if (idOrName.chars().allMatch(Character::isDigit) && !idOrName.isEmpty()) {
            Bundle bundle;
            try {
                bundle = context.getBundle(Long.parseLong(idOrName));
            } catch (NumberFormatException e) {
                bundle = null;
            }
            if (bundle == null) {
                throw new HostException("no bundle has id " + idOrName + " (see 'auralis bundles list')");
            }
            return bundle;
        }
        List<Bundle> named = list().stream().filter(b -> idOrName.equals(b.getSymbolicName())).toList();
        if (named.isEmpty()) {
            throw new HostException("no bundle is named " + idOrName + " (see 'auralis bundles list')");
        }
        if (named.size() > 1) {
            throw new HostException("several bundles are named " + idOrName + " (ids "
                + named.stream().map(b -> Long.toString(b.getBundleId())).collect(Collectors.joining(", "))
                + "); give the id");
        }
        return named.get(0);
    }

    /**
     * Whether a bundle belongs to the installation ({@code conf/platform.bundles}) rather than to the user.
     *
     * @param bundle the bundle
     * @return {@code true} for platform bundles and the system bundle
     */
    public boolean isPlatform(Bundle bundle) {
        return bundle.getBundleId() == 0 || bundle.getLocation().startsWith(PlatformBundles.LOCATION_PREFIX);
    }

    /**
     * Installs a bundle from a jar file or URL, or updates the bundle installed from it before. A bundle with
     * the same symbolic name that the user installed from elsewhere is updated in place, so installing a new
     * build of a plugin replaces the old one. Nothing is started; see {@link #start}.
     *
     * @param jarOrUrl a path (relative to {@code workingDirectory}) or a URL
     * @param workingDirectory where relative paths start
     * @return the bundle, and the version it replaced if it was an update
     * @throws HostException if the file is missing or not a bundle, the URL cannot be read, or the framework
     *     refuses it
     */
    public Installed install(String jarOrUrl, Path workingDirectory) throws HostException {
        URL url = asUrl(jarOrUrl);
        Path jar = url == null ? workingDirectory.resolve(jarOrUrl).toAbsolutePath().normalize() : null;
        if (url != null && "file".equals(url.getProtocol())) {
            try {
                jar = Path.of(url.toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new HostException(jarOrUrl + ": not a usable file URL", e);
            }
        }
        String location = jar != null ? jar.toUri().toString() : url.toString();
        String symbolicName;
        if (jar != null) {
            symbolicName = BundleJar.inspect(jar).symbolicName();
        } else {
            symbolicName = null;
        }
        Bundle existing = context.getBundle(location);
        if (existing == null && symbolicName != null) {
            existing = list().stream()
                .filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElse(null);
            if (existing != null && isPlatform(existing)) {
                throw new HostException(jarOrUrl + ": " + describe(existing)
                    + " is a platform bundle; it is updated with the installation, not with 'bundles install'");
            }
        }
        try {
            if (existing != null) {
                String previous = existing.getVersion().toString();
                try (InputStream in = open(jar, url)) {
                    existing.update(in);
                }
                refresh(List.of(existing));
                return new Installed(existing, previous);
            }
            Bundle bundle;
            try (InputStream in = open(jar, url)) {
                bundle = context.installBundle(location, in);
            }
            if (bundle.getSymbolicName() == null) {
                // Only reachable for URLs: files were checked before.
                bundle.uninstall();
                throw new HostException(jarOrUrl + ": not an OSGi bundle (its manifest has no Bundle-SymbolicName)");
            }
            return new Installed(bundle, null);
        } catch (BundleException e) {
            throw new HostException(jarOrUrl + ": " + bundleProblem(e), e);
        } catch (IOException e) {
            throw new HostException(jarOrUrl + ": cannot read it: " + e.getMessage(), e);
        }
    }

    /**
     * Starts a bundle (persistently: it starts again with the host), waiting at most the host's bundle start timeout
     * for its activator. Fragments cannot be started. A plugin is only marked to start while the host has not
     * started the plugins ({@link AuralisHost#startPlugins}).
     *
     * @param bundle the bundle
     * @throws HostException if it cannot be resolved, its activation fails, or its activator does not return in
     *     time (it is left starting, on a thread of its own)
     */
    public void start(Bundle bundle) throws HostException {
        if (BundleJar.isFragment(bundle)) {
            throw new HostException(describe(bundle) + " is a fragment: it is attached to its host, not started");
        }
        // On a thread of its own: an activator that never returns must not hang the command that started it.
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                bundle.start();
                started.complete(null);
            } catch (Throwable t) {
                started.completeExceptionally(t);
            }
        }, "auralis-start " + bundle.getSymbolicName());
        starter.setDaemon(true);
        starter.start();
        try {
            started.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stuck = true;
            throw new HostException(describe(bundle) + ": did not start within " + startTimeout.toSeconds() + " s (its"
                + " activator has not returned)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException(describe(bundle) + ": interrupted while starting it", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BundleException b) {
                throw new HostException(describe(bundle) + ": cannot start: " + bundleProblem(b), b);
            }
            throw new HostException(describe(bundle) + ": cannot start: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Stops a bundle (persistently: it stays stopped when the host starts again).
     *
     * @param bundle the bundle
     * @throws HostException for the system bundle, or if stopping fails
     */
    public void stop(Bundle bundle) throws HostException {
        if (bundle.getBundleId() == 0) {
            throw new HostException("the system bundle cannot be stopped from the command line");
        }
        if (BundleJar.isFragment(bundle)) {
            throw new HostException(describe(bundle) + " is a fragment: it is attached to its host, not started");
        }
        try {
            bundle.stop();
        } catch (BundleException e) {
            throw new HostException(describe(bundle) + ": cannot stop: " + bundleProblem(e), e);
        }
    }

    /**
     * Uninstalls a bundle and refreshes the bundles that were wired to it.
     *
     * @param bundle the bundle
     * @param force whether to uninstall a platform bundle (it comes back when the host starts again)
     * @throws HostException for the system bundle, for a platform bundle without {@code force}, or on failure
     */
    public void uninstall(Bundle bundle, boolean force) throws HostException {
        if (bundle.getBundleId() == 0) {
            throw new HostException("the system bundle cannot be uninstalled");
        }
        if (isPlatform(bundle) && !force) {
            throw new HostException(describe(bundle) + " is a platform bundle (listed in "
                + AuralisHost.PLATFORM_BUNDLES + "); use --force to uninstall it anyway");
        }
        try {
            bundle.uninstall();
        } catch (BundleException e) {
            throw new HostException(describe(bundle) + ": cannot uninstall: " + bundleProblem(e), e);
        }
        refresh(List.of(bundle));
    }

    /**
     * Refreshes bundles (and those wired to them) and waits for the framework to finish, so that an update or
     * uninstall has taken effect when this returns.
     *
     * @param bundles the bundles updated or uninstalled
     */
    void refresh(List<Bundle> bundles) {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(bundles, event -> done.countDown());
        try {
            done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A bundle as people read it: {@code name version [id]}.
     *
     * @param bundle the bundle
     * @return the description
     */
    public static String describe(Bundle bundle) {
        String name = bundle.getSymbolicName() != null ? bundle.getSymbolicName() : bundle.getLocation();
        return name + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
    }

    /**
     * The name of a bundle state.
     *
     * @param bundle the bundle
     * @return {@code INSTALLED}, {@code RESOLVED}, {@code STARTING}, {@code ACTIVE}, {@code STOPPING},
     *     {@code UNINSTALLED}, with {@code FRAGMENT} for a resolved fragment
     */
    public static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> BundleJar.isFragment(bundle) ? "FRAGMENT" : "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "UNKNOWN";
        };
    }

    private static URL asUrl(String text) {
        // A Windows drive letter or a plain path is a file, not a URL.
        if (!text.matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
            return null;
        }
        try {
            return new URI(text).toURL();
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            return null;
        }
    }

    private static InputStream open(Path jar, URL url) throws IOException {
        return jar != null ? Files.newInputStream(jar) : url.openStream();
    }

    /**
     * The framework's message, which names the unresolved requirement or the failing activator, without what the
     * caller says already: Felix repeats the bundle and the requirements ({@code Unable to resolve x [5](R 5.0):
     * missing requirement [x [5](R 5.0)] osgi.wiring.package; (...) Unresolved requirements: [...]}).
     *
     * @param e the exception
     * @return one line
     */
    static String bundleProblem(BundleException e) {
        if (e.getType() == BundleException.DUPLICATE_BUNDLE_ERROR) {
            return "a bundle with the same symbolic name and version is already installed (see 'auralis bundles list')";
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int unresolved = message.indexOf(" Unresolved requirements:");
        if (unresolved > 0) {
            message = message.substring(0, unresolved);
        }
        int missing = message.indexOf("missing requirement ");
        if (message.startsWith("Unable to resolve") && missing > 0) {
            message = message.substring(missing).replaceFirst("^missing requirement \\[.*?\\(R [0-9.]+\\)\\] ",
                "missing requirement ");
        }
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && e.getType() == BundleException.ACTIVATOR_ERROR) {
            message = message + ": " + cause.getMessage();
        }
        return message.replace('\n', ' ');
    }
}
