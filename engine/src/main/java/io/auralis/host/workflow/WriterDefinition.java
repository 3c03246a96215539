package io.auralis.host.workflow;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An output a workflow writes when the command line names none: a format and a file. A plain data object.
 */
@JsonPropertyOrder({"format", "path"})
public class WriterDefinition {
    /** The {@code OutputWriter.format()} to use, such as {@code jsonl} or {@code csv}. */
    public String format;

    /** The file to write, relative to the working directory. */
    public String path;

    /** Creates an empty definition for Jackson. */
    public WriterDefinition() {
    }

    /**
     * Creates a definition.
     *
     * @param format the writer's format
     * @param path the file to write
     */
    public WriterDefinition(String format, String path) {
        this.format = format;
        this.path = path;
    }
}
