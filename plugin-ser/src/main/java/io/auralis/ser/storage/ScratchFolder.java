package io.auralis.ser.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder that is deleted with everything in it when closed, for work whose files nobody keeps (such as
 * the random-weight models {@code ser bench} measures).
 */
public final class ScratchFolder implements AutoCloseable {

    private final Path path;

    private ScratchFolder(Path path) {
        this.path = path;
    }

    /**
     * Creates an empty folder in the system's temporary folder.
     *
     * @param prefix the start of its name
     * @return the folder
     * @throws IOException if it cannot be created
     */
    public static ScratchFolder create(String prefix) throws IOException {
        return new ScratchFolder(Files.createTempDirectory(prefix));
    }

    /**
     * The folder.
     *
     * @return its path
     */
    public Path path() {
        return path;
    }

    /** Deletes the folder and its content, as far as it can. */
    @Override
    public void close() {
        try (Stream<Path> s = Files.walk(path)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
