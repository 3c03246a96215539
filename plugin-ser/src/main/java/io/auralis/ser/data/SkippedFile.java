package io.auralis.ser.data;

/**
 * A file a dataset left out, and why: unreadable or corrupt audio, too short, or a name the corpus's naming
 * scheme does not explain.
 *
 * @param file the file as the reader found it (a path, or {@code manifest.csv:12} for a manifest line)
 * @param problem what is wrong, without the file name
 */
public record SkippedFile(String file, String problem) {

    /**
     * The message for a person: {@code <file>: <problem>}.
     *
     * @return one line
     */
    @Override
    public String toString() {
        return file + ": " + problem;
    }
}
