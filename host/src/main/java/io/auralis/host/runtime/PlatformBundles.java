package io.auralis.host.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * The installation's platform bundles, listed in {@code conf/platform.bundles}, and how they are brought into the
 * bundle cache: installed when new, updated when the installation carries a different jar, uninstalled when no
 * longer listed. Their locations are {@code platform:<jar name>}, independent of where the installation lives, so a
 * moved or upgraded installation updates the bundles in place.
 */
final class PlatformBundles {
    /** Location prefix that marks a platform bundle. */
    static final String LOCATION_PREFIX = "platform:";

    /**
     * One line of the list.
     *
     * @param name the jar's name relative to {@code <home>/bundles}
     * @param jar the jar
     */
    record Entry(String name, Path jar) {
        String location() {
            return LOCATION_PREFIX + name;
        }
    }

    /**
     * The start level of platform bundles: the framework starts them itself. Ours, so trusted to start quickly.
     */
    static final int PLATFORM_LEVEL = 1;
    /**
     * The start level of every other bundle: the host raises the framework to it with a bounded wait, so that a
     * plugin whose activator never returns cannot hang every command (Felix waits for a start level without limit).
     */
    static final int PLUGIN_LEVEL = 2;

    private PlatformBundles() {
    }

    /**
     * Whether the bundle cache already matches the list, so that a host can run on it without changing it.
     *
     * @param context the system bundle's context, of a framework initialised but not started
     * @param entries the list
     * @param records what was installed before
     * @return {@code false} if {@link #reconcile} would install, update, uninstall or move a bundle
     * @throws IOException if a listed jar cannot be read
     */
    static boolean upToDate(BundleContext context, List<Entry> entries, JarRecords records) throws IOException {
        Set<String> listed = new HashSet<>();
        for (Entry entry : entries) {
            listed.add(entry.location());
            if (context.getBundle(entry.location()) == null
                    || records.digestIfChanged(entry.location(), entry.jar()) != null) {
                return false;
            }
        }
        for (Bundle bundle : context.getBundles()) {
            if (isPlatform(bundle) && !listed.contains(bundle.getLocation())) {
                return false;
            }
        }
        return levelsToFix(context).isEmpty();
    }

    private static boolean isPlatform(Bundle bundle) {
        return bundle.getLocation().startsWith(LOCATION_PREFIX);
    }

    /** Bundles not at their level: those installed before plugins had a level of their own were all at 1. */
    private static List<Bundle> levelsToFix(BundleContext context) {
        List<Bundle> wrong = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() != 0) {
                int level = bundle.adapt(BundleStartLevel.class).getStartLevel();
                if (level != (isPlatform(bundle) ? PLATFORM_LEVEL : PLUGIN_LEVEL)) {
                    wrong.add(bundle);
                }
            }
        }
        return wrong;
    }

    /**
     * Reads {@code <home>/conf/platform.bundles}.
     *
     * @param home the installation
     * @return the bundles in start order
     * @throws HostException if the list is missing or names a jar that the installation does not carry
     */
    static List<Entry> read(Path home) throws HostException {
        Path list = home.resolve(AuralisHost.PLATFORM_BUNDLES);
        if (!Files.isRegularFile(list)) {
            throw new HostException(home + ": not an Auralis installation (it has no " + AuralisHost.PLATFORM_BUNDLES
                + "); pass --home or set AURALIS_HOME");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(list);
        } catch (IOException e) {
            throw new HostException(list + ": cannot read it: " + e.getMessage(), e);
        }
        Path folder = home.resolve("bundles").normalize();
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = list + ", line " + (i + 1) + ": ";
            Path jar = folder.resolve(line).normalize();
            if (!jar.startsWith(folder)) {
                throw new HostException(where + line + " is outside the installation's bundles/ folder");
            }
            if (!Files.isRegularFile(jar)) {
                throw new HostException(where + "bundles/" + line + " does not exist");
            }
            if (!seen.add(line)) {
                throw new HostException(where + line + " is listed twice");
            }
            entries.add(new Entry(line, jar));
        }
        return entries;
    }

    /**
     * Brings the bundle cache in line with the list. Meant for a framework that is initialised but not started:
     * {@link Bundle#start()} then only marks a bundle to be started, and the framework starts them all, in order of
     * installation, when it starts. Problems with single bundles are reported and skipped, so that the rest of the
     * platform (and {@code auralis bundles}) still works.
     *
     * @param context the system bundle's context
     * @param entries the list
     * @param records what was installed before
     * @param problems where to report a bundle that cannot be installed or updated
     * @return the bundles installed or updated
     * @throws IOException if the records cannot be read or written
     */
    static List<Bundle> reconcile(BundleContext context, List<Entry> entries, JarRecords records,
            Consumer<String> problems) throws IOException {
        Map<String, Bundle> installed = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(LOCATION_PREFIX)) {
                installed.put(bundle.getLocation(), bundle);
            }
        }
        List<Bundle> changed = new ArrayList<>();
        for (Entry entry : entries) {
            Bundle bundle = installed.remove(entry.location());
            try {
                if (bundle == null) {
                    BundleJar jar = BundleJar.inspect(entry.jar());
                    try (InputStream in = Files.newInputStream(entry.jar())) {
                        bundle = context.installBundle(entry.location(), in);
                    }
                    bundle.adapt(BundleStartLevel.class).setStartLevel(PLATFORM_LEVEL);
                    records.remember(entry.location(), entry.jar(), null);
                    if (!jar.fragment()) {
                        bundle.start();
                    }
                    changed.add(bundle);
                } else {
                    String digest = records.digestIfChanged(entry.location(), entry.jar());
                    if (digest != null) {
                        BundleJar.inspect(entry.jar());
                        try (InputStream in = Files.newInputStream(entry.jar())) {
                            bundle.update(in);
                        }
                        records.remember(entry.location(), entry.jar(), digest);
                        changed.add(bundle);
                    }
                }
            } catch (HostException e) {
                problems.accept("platform bundle " + e.getMessage());
            } catch (BundleException e) {
                problems.accept("platform bundle " + entry.name() + ": " + e.getMessage());
            }
        }
        levelsToFix(context).forEach(bundle -> bundle.adapt(BundleStartLevel.class)
            .setStartLevel(isPlatform(bundle) ? PLATFORM_LEVEL : PLUGIN_LEVEL));
        // Bundles that an earlier installation listed and this one does not.
        for (Bundle stale : installed.values()) {
            try {
                stale.uninstall();
                records.forget(stale.getLocation());
            } catch (BundleException e) {
                problems.accept("platform bundle " + stale.getLocation() + ": cannot uninstall it: " + e.getMessage());
            }
        }
        return changed;
    }
}
