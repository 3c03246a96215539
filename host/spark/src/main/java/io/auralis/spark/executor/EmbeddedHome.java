package io.auralis.spark.executor;

import io.auralis.host.files.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The Auralis installation an executor runs: either a folder that exists on every node (a shared install, or the
 * driver's own in local mode), or the copy the application jar carries under {@code auralis-home/} (bundles, conf,
 * workflows, models), extracted once per node.
 *
 * <p>The extracted copy goes to {@code <java.io.tmpdir>/auralis-home-<fingerprint>}, where the fingerprint covers
 * every entry's name, size and CRC: executors of later jobs on the same node reuse it, a rebuilt jar gets a new
 * folder, and two executors extracting at once each write a private folder and rename it into place, so neither
 * ever sees a half-written home.
 */
public final class EmbeddedHome {
    /** Where the application jar keeps the installation. */
    public static final String PREFIX = "auralis-home/";

    /** The file that marks an installation folder. */
    static final String MARKER = "conf/platform.bundles";

    private EmbeddedHome() {
    }

    /**
     * Whether a folder holds an Auralis installation.
     *
     * @param home the folder
     * @return {@code true} if it has {@code conf/platform.bundles}
     */
    public static boolean isHome(Path home) {
        return Files.isRegularFile(home.resolve(MARKER));
    }

    /**
     * The installation in the jar that holds this class, extracted (or found extracted) under {@code tmp}.
     *
     * @param tmp the folder for extracted installations, usually {@code java.io.tmpdir}
     * @return the installation folder
     * @throws IOException if this class's jar carries no installation, or it cannot be extracted
     */
    public static Path extract(Path tmp) throws IOException {
        return extract(EmbeddedHome.class.getClassLoader(), tmp);
    }

    static Path extract(ClassLoader loader, Path tmp) throws IOException {
        URL marker = loader.getResource(PREFIX + MARKER);
        if (marker == null || !"jar".equals(marker.getProtocol())) {
            throw new IOException("the class path carries no Auralis installation (" + PREFIX + MARKER
                + "): submit the auralis-spark application jar, or set spark.auralis.home to an installation"
                + " present on every node");
        }
        JarURLConnection connection = (JarURLConnection) marker.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            List<JarEntry> entries = new ArrayList<>();
            jar.stream().filter(e -> e.getName().startsWith(PREFIX) && !e.isDirectory()).forEach(entries::add);
            entries.sort(Comparator.comparing(JarEntry::getName));
            Path home = tmp.resolve("auralis-home-" + fingerprint(entries));
            if (isHome(home)) {
                return home;
            }
            Files.createDirectories(tmp);
            Path staging = Files.createTempDirectory(tmp, home.getFileName() + ".");
            try {
                for (JarEntry entry : entries) {
                    Path target = staging.resolve(entry.getName().substring(PREFIX.length())).normalize();
                    if (!target.startsWith(staging)) {
                        throw new IOException("unsafe entry in the application jar: " + entry.getName());
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
                moveIntoPlace(staging, home);
            } finally {
                FileTrees.delete(staging);
            }
            return home;
        }
    }

    private static void moveIntoPlace(Path staging, Path home) throws IOException {
        try {
            FileTrees.moveIntoPlace(staging, home);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            // Another executor on this node finished first; its copy is identical.
            if (!isHome(home)) {
                throw e;
            }
        } catch (IOException e) {
            // A non-empty target directory is reported as DirectoryNotEmptyException on Linux.
            if (!isHome(home)) {
                throw e;
            }
        }
    }

    private static String fingerprint(List<JarEntry> entries) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (JarEntry entry : entries) {
                digest.update((entry.getName() + '\0' + entry.getSize() + '\0' + entry.getCrc() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("SHA-256 is missing from this JVM", e);
        }
    }
}
