package io.auralis.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A folder that cannot be searched, even by root (tests run as root in CI, where a folder with mode 000 can still be
 * listed): one nested so deep that its absolute path is longer than the system's limit (4096 bytes on Linux), so
 * that opening it fails with "File name too long". Java cannot create or delete it (it uses absolute paths); the
 * shell can, one level at a time. Tests of commands that read folders use it to check that such a folder is a failed
 * input ({@link io.auralis.api.command.InputFile#problem}), not a warning.
 */
public final class UnsearchableFolder {
    /** The name of each level: 21 levels of 200 characters are more than 4096. */
    public static final String LEVEL = "d".repeat(200);

    private UnsearchableFolder() {
    }

    /**
     * Creates the nested folders.
     *
     * @param parent where the top one goes
     * @return the top one's name
     * @throws IOException if the shell could not make them
     * @throws InterruptedException if interrupted while it did
     */
    public static String create(Path parent) throws IOException, InterruptedException {
        // The shell cannot enter the last level either: it stops there, the folder made.
        shell(parent, "for i in $(seq 1 40); do mkdir " + LEVEL + " || exit 1; cd " + LEVEL + " 2>/dev/null || exit 0;"
            + " done; exit 1");
        return LEVEL;
    }

    /**
     * Deletes what {@link #create} made, which JUnit's clean-up could not.
     *
     * @param parent where {@link #create} made them
     * @throws IOException if the shell could not remove them
     * @throws InterruptedException if interrupted while it did
     */
    public static void delete(Path parent) throws IOException, InterruptedException {
        shell(parent, "rm -rf " + LEVEL);
    }

    private static void shell(Path directory, String script) throws IOException, InterruptedException {
        Process shell = new ProcessBuilder("sh", "-c", script).directory(directory.toFile()).inheritIO().start();
        if (!shell.waitFor(60, TimeUnit.SECONDS) || shell.exitValue() != 0) {
            shell.destroyForcibly();
            throw new IOException("could not make or remove a folder too deep to open in " + directory);
        }
    }
}
