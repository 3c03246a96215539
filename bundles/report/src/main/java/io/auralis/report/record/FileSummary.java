package io.auralis.report.record;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The little a report keeps of each file after rendering its section: enough for the corpus overview, so that
 * the features themselves can be dropped as soon as the file's charts are drawn.
 */
public final class FileSummary {
    /** Position of the file's entry in the report's store; names the file's section ({@link #anchor()}). */
    public int sequence;

    /** The input file as the record names it. */
    public String file;

    /** Duration of the audio in seconds, 0 when it could not be read. */
    public double duration;

    /** Sample rate in Hz, 0 when unknown. */
    public int sampleRate;

    /** Channel count, 0 when unknown. */
    public int channels;

    /** The record's error, or {@code null} when the file was analysed. */
    public String error;

    /** The class with the largest share of speech time, or {@code null} when there was no emotion result. */
    public String dominant;

    /**
     * The model's mean confidence in {@link #dominant} over the results it labels (weighted by the time each stands
     * for), or NaN when unknown.
     */
    public double confidence = Double.NaN;

    /** Each emotion class's share of the speech time, in class order; empty without emotion results. */
    public Map<String, Double> shares = new LinkedHashMap<>();

    /** Seconds covered by emotion results, 0 without them. */
    public double speechSeconds;

    /** How often the emotion changes from one result to the next, or -1 when unknown. */
    public int changes = -1;

    /** Creates an empty summary. */
    public FileSummary() {
    }

    /**
     * Whether the file was analysed.
     *
     * @return {@code true} when {@link #error} is {@code null}
     */
    public boolean ok() {
        return error == null;
    }

    /**
     * The id of the file's section in the report.
     *
     * @return an HTML id, unique within a report
     */
    public String anchor() {
        return "file-" + sequence;
    }
}
