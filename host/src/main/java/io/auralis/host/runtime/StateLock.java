package io.auralis.host.runtime;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The lock that lets several processes use one state folder: {@code <state>/state.lock}, held shared while a host
 * runs on the bundle cache as it is, exclusive while one changes it (installs or updates the platform, applies the
 * deploy folder, runs a {@code bundles} command that changes bundles).
 *
 * <p>Felix does not protect its cache across processes: its own lock attempt ({@code cache.lock}) returns
 * {@code null} when another process holds it and Felix goes on regardless, so three first runs at once installed
 * every platform bundle two or three times into one cache. A cache that no one changes is safe to share: Felix
 * writes to it only when a bundle is installed, updated, uninstalled or its start state or level changes.
 *
 * <p>These are operating-system locks: they are released when the process ends, however it ends. Inside one JVM they
 * cannot be shared (Java refuses overlapping locks), so two hosts in one JVM still cannot use one state folder.
 */
final class StateLock implements AutoCloseable {
    /** The lock file inside the state folder. */
    static final String FILE = "state.lock";
    private static final long POLL_MILLIS = 50;
    /** How long to wait quietly before saying why nothing happens. */
    private static final long QUIET_MILLIS = 2000;

    private final Path state;
    private final FileChannel channel;
    private final Consumer<String> messages;
    private FileLock lock;

    private StateLock(Path state, FileChannel channel, Consumer<String> messages) {
        this.state = state;
        this.channel = channel;
        this.messages = messages;
    }

    /**
     * Opens the lock file, creating it if needed; nothing is locked yet.
     *
     * @param state the state folder, which exists
     * @param messages receives one line when a wait gets long
     * @return the lock
     * @throws HostException if the file cannot be opened
     */
    static StateLock open(Path state, Consumer<String> messages) throws HostException {
        try {
            return new StateLock(state, FileChannel.open(state.resolve(FILE), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE), messages);
        } catch (IOException e) {
            throw new HostException(state.resolve(FILE) + ": cannot open the state folder's lock: " + e.getMessage(), e);
        }
    }

    /**
     * Takes the lock, waiting as long as other processes hold it in a way that excludes this one. Holding it
     * already, it is released first: Java cannot change a lock's mode in place.
     *
     * @param exclusive {@code true} to change the bundle cache, {@code false} to run on it
     * @param why what the exclusive lock is for, for the message shown when a wait gets long
     * @throws HostException if another host in this JVM holds it, or on an I/O error or an interrupt
     */
    void acquire(boolean exclusive, String why) throws HostException {
        release();
        long start = System.nanoTime();
        boolean told = false;
        try {
            while (true) {
                FileLock taken = channel.tryLock(0, Long.MAX_VALUE, !exclusive);
                if (taken != null) {
                    lock = taken;
                    return;
                }
                if (!told && System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                    messages.accept(state + ": waiting for " + (exclusive
                        ? "the other Auralis commands on this state folder to finish, to " + why
                        : "another Auralis command to finish changing this state folder's bundles"));
                    told = true;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (OverlappingFileLockException e) {
            throw new HostException(state + ": the state folder is in use by another Auralis host in this JVM; give"
                + " this one its own with --state DIR (or AURALIS_STATE)", e);
        } catch (IOException e) {
            throw new HostException(state.resolve(FILE) + ": cannot lock the state folder: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException(state + ": interrupted while waiting for the state folder", e);
        }
    }

    /**
     * Whether the lock is held exclusively.
     *
     * @return {@code true} when this process may change the bundle cache
     */
    boolean exclusive() {
        return lock != null && !lock.isShared();
    }

    /** Releases the lock, if held. */
    void release() {
        FileLock held = lock;
        lock = null;
        if (held != null && held.isValid()) {
            try {
                held.release();
            } catch (IOException e) {
                // The channel is gone: so is the lock.
            }
        }
    }

    @Override
    public void close() {
        release();
        try {
            channel.close();
        } catch (IOException e) {
            // Closing releases what is left.
        }
    }
}
