package io.auralis.api.output;

import io.auralis.api.extractor.Feature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of analysing one input file: what it is, every requested output, or the error that stopped it.
 * A plain data object; the batch runner hands one per file to each {@link RecordSink}.
 */
public class FileRecord {
    /** The input file as the user named it (or as found under a folder the user named). */
    public String file;

    /** Duration of the audio in seconds; 0 when the file could not be read. */
    public double duration;

    /** Sample rate of the source in Hz; 0 when the file could not be read. */
    public int sampleRate;

    /** Channel count of the source; 0 when the file could not be read. */
    public int channels;

    /** Features by {@code step.output}, in the workflow's output order; empty when the file failed. */
    public Map<String, List<Feature>> outputs = new LinkedHashMap<>();

    /** One line naming what went wrong, or {@code null} when the file was analysed. */
    public String error;

    /** Creates an empty record. */
    public FileRecord() {
    }

    /**
     * Whether the file was analysed without error.
     *
     * @return {@code true} when {@link #error} is {@code null}
     */
    public boolean ok() {
        return error == null;
    }
}
