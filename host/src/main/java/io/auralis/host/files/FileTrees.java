package io.auralis.host.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The two file-system steps the host and the Spark executors take on folders and files of their own: putting a
 * file or folder that was written beside its place into it in one step, so that no reader sees it half-written,
 * and deleting a folder with everything in it.
 */
public final class FileTrees {

    private FileTrees() {
    }

    /**
     * Moves a file or folder that was written aside into its place in one step (a rename on the same file system).
     * An existing file there is replaced; an existing folder that is not empty is not, and is reported as
     * {@link java.nio.file.FileAlreadyExistsException} or {@link java.nio.file.DirectoryNotEmptyException}, so a
     * caller racing another writer of the same content can tell that the other won.
     *
     * @param staged what was written, beside the target
     * @param target where it belongs
     * @throws IOException if it cannot be moved, or the file system cannot move it atomically
     *     ({@link java.nio.file.AtomicMoveNotSupportedException})
     */
    public static void moveIntoPlace(Path staged, Path target) throws IOException {
        Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Deletes a folder and everything in it, deepest first; a folder that does not exist is fine.
     *
     * @param folder the folder
     * @throws IOException if something in it cannot be deleted
     */
    public static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
