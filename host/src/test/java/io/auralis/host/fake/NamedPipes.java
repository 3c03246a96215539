package io.auralis.host.fake;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Named pipes for tests of inputs that could block forever. */
public final class NamedPipes {

    private NamedPipes() {
    }

    /**
     * Makes a named pipe with the system's mkfifo; skips the test where there is none (not POSIX).
     *
     * @param path where
     * @throws Exception if waiting for mkfifo is interrupted
     */
    public static void mkfifo(Path path) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here: " + e.getMessage());
            return;
        }
        assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
    }
}
