package io.auralis.api.command;

import java.nio.file.Path;

/**
 * One file a command's arguments name ({@link InputFiles}).
 *
 * @param path where it is, resolved against the working directory
 * @param name how records and messages name it: as the user wrote it, or the folder the user wrote followed by
 *     the file's path inside it
 * @param problem why it cannot be analysed, known before it is opened (a folder that cannot be searched), or
 *     {@code null}: a command reports such an input as a failed file (analyze writes an error record), so that it
 *     counts as failed instead of vanishing
 * @since 1.2
 */
public record InputFile(Path path, String name, String problem) {
    /**
     * A file to analyse.
     *
     * @param path where it is
     * @param name how records name it
     */
    public InputFile(Path path, String name) {
        this(path, name, null);
    }
}
