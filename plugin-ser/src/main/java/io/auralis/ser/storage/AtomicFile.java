package io.auralis.ser.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file atomically: the content is written to {@code <name>.tmp} beside it and moved over it, so a reader
 * (or a run resumed after a crash) sees the whole old file or the whole new one.
 */
public final class AtomicFile {

    /** Writes a file's content. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the content.
         *
         * @param out the temporary file, buffered; closing it is allowed
         * @throws IOException if writing fails
         */
        void write(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes a file in place of the one at {@code target}; on failure the temporary file is removed and the target
     * is left as it was.
     *
     * @param target the file to replace (or create)
     * @param content writes the new content
     * @throws IOException if writing or moving fails
     */
    public static void replace(Path target, Content content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            content.write(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // some file systems cannot; a plain replacement is still better than writing the target in place
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
