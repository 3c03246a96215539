package io.auralis.host.runtime;

import io.auralis.host.files.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * What each jar that the host installed from a folder looked like when it was installed: size, modification time
 * and SHA-256, by bundle location. A jar whose size and time are unchanged is taken as unchanged without reading it;
 * otherwise its digest decides, so a rebuilt SNAPSHOT with the same version is picked up and a merely touched jar
 * is not reinstalled.
 */
final class JarRecords {
    private final Path file;
    private final Properties records = new Properties();
    private boolean dirty;

    private JarRecords(Path file) {
        this.file = file;
    }

    /**
     * Reads the records; a missing or unreadable file means none.
     *
     * @param file where the records are kept
     * @return the records
     */
    static JarRecords load(Path file) {
        JarRecords result = new JarRecords(file);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                result.records.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // A damaged record only costs one reinstall of each jar.
                result.records.clear();
            }
        }
        return result;
    }

    /**
     * The jar's digest if it differs from what was installed at this location, or {@code null} if it is the same.
     *
     * @param location the bundle location
     * @param jar the jar now
     * @return the new digest, or {@code null} when unchanged
     * @throws IOException if the jar cannot be read
     */
    synchronized String digestIfChanged(String location, Path jar) throws IOException {
        String[] record = record(location);
        long size = Files.size(jar);
        long modified = Files.getLastModifiedTime(jar).toMillis();
        if (record != null && record[0].equals(Long.toString(size)) && record[1].equals(Long.toString(modified))) {
            return null;
        }
        String digest = digest(jar);
        if (record != null && record[2].equals(digest)) {
            records.setProperty(location, size + "," + modified + "," + digest);
            dirty = true;
            return null;
        }
        return digest;
    }

    /**
     * Records the jar now installed at a location.
     *
     * @param location the bundle location
     * @param jar the jar
     * @param digest its digest if already known, or {@code null}
     * @throws IOException if the jar cannot be read
     */
    synchronized void remember(String location, Path jar, String digest) throws IOException {
        String sha = digest == null ? digest(jar) : digest;
        records.setProperty(location,
            Files.size(jar) + "," + Files.getLastModifiedTime(jar).toMillis() + "," + sha);
        dirty = true;
    }

    /**
     * Forgets a location whose bundle was uninstalled.
     *
     * @param location the bundle location
     */
    synchronized void forget(String location) {
        dirty |= records.remove(location) != null;
    }

    /**
     * Writes the records if they changed, replacing the file in one step.
     *
     * @throws IOException if the state folder is not writable
     */
    synchronized void save() throws IOException {
        if (!dirty) {
            return;
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            records.store(out, "Jars the Auralis host installed: size,modified,sha256 by bundle location");
        }
        FileTrees.moveIntoPlace(temp, file);
        dirty = false;
    }

    private String[] record(String location) {
        String value = records.getProperty(location);
        if (value == null) {
            return null;
        }
        String[] parts = value.split(",", 3);
        return parts.length == 3 ? parts : null;
    }

    private static String digest(Path jar) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(jar), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
