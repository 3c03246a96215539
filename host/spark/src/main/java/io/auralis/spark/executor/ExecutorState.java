package io.auralis.spark.executor;

import io.auralis.host.files.FileTrees;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The state folder of an executor's host: the OSGi bundle cache and the copies of remote inputs. Folders are kept
 * on the node between executors, in numbered slots under {@code <tmp>/auralis-executor-<installation>/}, so that
 * the next executor on the node (of a later job, or one that replaces a lost executor) starts its host from an
 * installed and resolved bundle cache, which takes about half the time of a fresh one. An executor holds its slot
 * with a file lock for its life, so two executors never share one; the host reconciles the cache with the
 * installation at every start.
 */
final class ExecutorState implements AutoCloseable {
    /** Slots per installation and node, more than the executors a node runs at once. */
    static final int SLOTS = 64;

    private final Path folder;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final boolean reused;

    private ExecutorState(Path folder, FileChannel lockFile, FileLock lock, boolean reused) {
        this.folder = folder;
        this.lockFile = lockFile;
        this.lock = lock;
        this.reused = reused;
    }

    /**
     * Takes the first free slot for an installation.
     *
     * @param tmp the node's folder for temporary files
     * @param home the installation the host runs
     * @return the state; close it when the host has stopped
     * @throws IOException if no slot is free or none can be created
     */
    static ExecutorState acquire(Path tmp, Path home) throws IOException {
        Path base = Files.createDirectories(tmp.resolve("auralis-executor-" + key(home)));
        for (int slot = 0; slot < SLOTS; slot++) {
            Path folder = base.resolve("slot-" + slot);
            FileChannel channel = FileChannel.open(base.resolve("slot-" + slot + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // Held by this JVM already (a second runtime in tests).
                lock = null;
            }
            if (lock == null) {
                channel.close();
                continue;
            }
            boolean reused = Files.isDirectory(folder.resolve("framework"));
            Files.createDirectories(folder);
            return new ExecutorState(folder, channel, lock, reused);
        }
        throw new IOException("all " + SLOTS + " executor state folders in " + base + " are in use");
    }

    /** The installation's folder name and a hash of its path: each installation gets slots of its own. */
    private static String key(Path home) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest(home.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The state folder.
     *
     * @return an existing folder, held by this executor
     */
    Path folder() {
        return folder;
    }

    /**
     * Whether an earlier executor left a bundle cache here.
     *
     * @return {@code true} if the host starts from an installed cache
     */
    boolean reused() {
        return reused;
    }

    /**
     * Empties the folder, for a cache the host could not start from.
     *
     * @throws IOException if something cannot be deleted
     */
    void wipe() throws IOException {
        FileTrees.delete(folder);
        Files.createDirectories(folder);
    }

    /** Releases the slot for the next executor; the folder stays. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockFile.close();
        }
    }
}
