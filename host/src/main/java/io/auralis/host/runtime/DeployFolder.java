package io.auralis.host.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * The state folder's {@code bundles/}: jars dropped there are installed, replaced jars are updated and removed
 * jars are uninstalled, at start and, when watched, while the framework runs. Their locations are the jars' file
 * URIs.
 *
 * <p>Why not Apache Felix FileInstall ({@code org.apache.felix.fileinstall}): tried (3.7.4 on Felix 7.0.5,
 * 2026-12), it scans on its own thread every {@code felix.fileinstall.poll} ms (2 s by default): a jar dropped
 * into the folder of a running framework was installed 4.2 s later, and one dropped while the framework was
 * stopped was not installed when {@code start()} returned. The host must apply the folder before the command runs
 * and under the state folder's exclusive lock ({@link StateLock}), and know whether it is up to date without
 * changing anything ({@link #upToDate}); FileInstall offers neither, and prints its own stack traces to standard
 * error instead of one line naming the jar.
 */
final class DeployFolder implements AutoCloseable {
    /** How long the folder must be quiet before a change is applied, so that a jar being copied is read whole. */
    private static final long SETTLE_MILLIS = 300;

    private final Path folder;
    private final String locationPrefix;
    private final BundleContext context;
    private final JarRecords records;
    private final Consumer<String> problems;
    private final Refresher refresher;
    private WatchService watcher;
    private Thread thread;

    /** Refreshes bundles after an update or uninstall; the host's implementation waits for the framework. */
    interface Refresher {
        void refresh(List<Bundle> bundles);
    }

    DeployFolder(Path folder, BundleContext context, JarRecords records, Consumer<String> problems,
            Refresher refresher) {
        this.folder = folder;
        this.locationPrefix = folder.toUri().toString();
        this.context = context;
        this.records = records;
        this.problems = problems;
        this.refresher = refresher;
    }

    /** What a scan changed. */
    record Changes(List<Bundle> installed, List<Bundle> updated, List<Bundle> uninstalled) {
        boolean needRefresh() {
            return !updated.isEmpty() || !uninstalled.isEmpty();
        }
    }

    /**
     * Installs, updates and uninstalls to match the folder. New bundles are not started here: see {@link #start}.
     *
     * @return what changed
     */
    synchronized Changes scan() {
        Map<String, Bundle> deployed = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(locationPrefix)) {
                deployed.put(bundle.getLocation(), bundle);
            }
        }
        Changes changes = new Changes(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Path jar : jars()) {
            String location = jar.toUri().toString();
            Bundle bundle = deployed.remove(location);
            try {
                if (bundle == null) {
                    BundleJar.inspect(jar);
                    try (InputStream in = Files.newInputStream(jar)) {
                        changes.installed.add(context.installBundle(location, in));
                    }
                    records.remember(location, jar, null);
                } else {
                    String digest = records.digestIfChanged(location, jar);
                    if (digest != null) {
                        BundleJar.inspect(jar);
                        try (InputStream in = Files.newInputStream(jar)) {
                            bundle.update(in);
                        }
                        records.remember(location, jar, digest);
                        changes.updated.add(bundle);
                    }
                }
            } catch (HostException e) {
                problems.accept(e.getMessage());
            } catch (BundleException | IOException e) {
                problems.accept(jar + ": " + e.getMessage());
            }
        }
        for (Bundle gone : deployed.values()) {
            try {
                gone.uninstall();
                records.forget(gone.getLocation());
                changes.uninstalled.add(gone);
            } catch (BundleException e) {
                problems.accept(gone.getLocation() + ": cannot uninstall it: " + e.getMessage());
            }
        }
        return changes;
    }

    /**
     * Whether the bundle cache already holds exactly the folder's jars, so that a host can run on it unchanged.
     *
     * @return {@code false} if {@link #scan} would install, update or uninstall a bundle
     */
    synchronized boolean upToDate() {
        Set<String> deployed = new HashSet<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(locationPrefix)) {
                deployed.add(bundle.getLocation());
            }
        }
        List<Path> jars = jars();
        for (Path jar : jars) {
            try {
                if (!deployed.remove(jar.toUri().toString())) {
                    // A jar that is not a bundle changes nothing: the scan only reports it.
                    BundleJar.inspect(jar);
                    return false;
                }
                if (records.digestIfChanged(jar.toUri().toString(), jar) != null) {
                    return false;
                }
            } catch (HostException e) {
                continue;
            } catch (IOException e) {
                // Let the scan report it.
                return false;
            }
        }
        return deployed.isEmpty();
    }

    /**
     * Starts newly installed bundles (fragments excepted). Before the framework starts this only marks them.
     *
     * @param bundles the bundles {@link #scan} installed
     */
    void start(List<Bundle> bundles) {
        for (Bundle bundle : bundles) {
            if (BundleJar.isFragment(bundle) || bundle.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException | IllegalStateException e) {
                problems.accept(BundleManager.describe(bundle) + ": cannot start: " + e.getMessage());
            }
        }
    }

    private List<Path> jars() {
        List<Path> jars = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return jars;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.jar")) {
            stream.forEach(jars::add);
        } catch (IOException e) {
            problems.accept(folder + ": cannot list it: " + e.getMessage());
        }
        jars.sort(null);
        return jars;
    }

    /**
     * Applies changes to the folder while the framework runs, on a daemon thread, until {@link #close}.
     *
     * @throws IOException if the folder cannot be watched
     */
    synchronized void watch() throws IOException {
        if (watcher != null) {
            return;
        }
        watcher = folder.getFileSystem().newWatchService();
        folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
        WatchService service = watcher;
        thread = new Thread(() -> follow(service), "auralis-deploy " + folder);
        thread.setDaemon(true);
        thread.start();
    }

    private void follow(WatchService service) {
        try {
            while (true) {
                WatchKey key = service.take();
                key.pollEvents();
                key.reset();
                // Wait until the folder is quiet, then apply everything at once.
                WatchKey more;
                while ((more = service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                Changes changes = scan();
                if (changes.needRefresh()) {
                    List<Bundle> refresh = new ArrayList<>(changes.updated());
                    refresh.addAll(changes.uninstalled());
                    refresher.refresh(refresh);
                }
                start(changes.installed());
                try {
                    records.save();
                } catch (IOException e) {
                    problems.accept(folder + ": cannot record the deployed jars: " + e.getMessage());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closed: the host is stopping.
        } catch (RuntimeException e) {
            // The framework stopped under us (IllegalStateException from a stale context).
            problems.accept(folder + ": stopped watching for bundles: " + e);
        }
    }

    @Override
    public void close() {
        WatchService service;
        Thread follower;
        synchronized (this) {
            service = watcher;
            follower = thread;
            watcher = null;
            thread = null;
        }
        if (service == null) {
            return;
        }
        try {
            service.close();
        } catch (IOException e) {
            // The thread ends either way.
        }
        // Not interrupted: that would break a jar being read by an install (interruptible channels).
        try {
            // Let a scan in progress finish before the framework stops under it.
            follower.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
