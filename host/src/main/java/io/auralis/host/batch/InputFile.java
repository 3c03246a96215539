package io.auralis.host.batch;

import java.nio.file.Path;

/**
 * One file to analyse.
 *
 * @param path where it is, resolved against the working directory
 * @param name how records and messages name it: as the user wrote it, or the folder the user wrote followed by
 *     the file's path inside it
 */
public record InputFile(Path path, String name) {
}
