package io.auralis.api.command;

import java.nio.file.Path;

/**
 * One audio file that a command's arguments name, as {@link CommandContext#inputs} finds it.
 *
 * @param path where it is, resolved against the working directory
 * @param name how records and messages name it: as the user typed it, or the folder the user typed followed by
 *     the file's path inside it ({@code corpus/spk1/a.wav})
 * @param problem why it cannot be read, known before it is opened (a folder that cannot be searched), or
 *     {@code null}: a command reports such an input as a failed file, so that it counts as failed instead of
 *     vanishing
 * @since 1.2
 */
public record InputFile(Path path, String name, String problem) {
    /**
     * A file to read.
     *
     * @param path where it is
     * @param name how records and messages name it
     */
    public InputFile(Path path, String name) {
        this(path, name, null);
    }
}
