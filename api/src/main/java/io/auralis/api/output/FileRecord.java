package io.auralis.api.output;

import io.auralis.api.extractor.Feature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of analysing one input file: what it is, every requested output, or the error that stopped it.
 * A plain data object; the batch runner hands one per file to each {@link RecordSink}. Live input ({@code analyze -})
 * gives one per speech segment of the stream, placed in it by {@link #time} and {@link #end}.
 */
public class FileRecord {
    /** The input file as the user named it (or as found under a folder the user named). */
    public String file;

    /**
     * Where the record's audio starts in its source, in seconds from the source's start, for a record of a part of a
     * stream (live input's records, one per speech segment); {@code null} for a record of a whole file.
     *
     * @since 1.2
     */
    public Double time;

    /**
     * Where the record's audio ends in its source, in seconds ({@link #time} plus {@link #duration}); {@code null}
     * for a record of a whole file.
     *
     * @since 1.2
     */
    public Double end;

    /** Duration of the audio in seconds (of the part, for a record of a part of a stream); 0 when the file could not be read. */
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
