package io.auralis.writers.file;

import io.auralis.api.extractor.Feature;

import java.nio.file.Path;
import java.util.AbstractList;

/**
 * The features of a record too large to encode: after {@link #FAIL_AT} features, enough to have passed a
 * streaming encoder's buffer, reading the next throws {@code OutOfMemoryError}, as encoding a 37-hour file's record
 * whole in memory did. It notes how long the output was at that moment, to show whether the record was streaming.
 */
public final class FailingFeatures extends AbstractList<Feature> {
    /** The feature whose reading fails. */
    public static final int FAIL_AT = 20_000;

    private final Path output;
    private volatile long outputLengthAtFailure = -1;

    /**
     * Creates the list.
     *
     * @param output the file being written, measured when the failure comes
     */
    public FailingFeatures(Path output) {
        this.output = output;
    }

    /**
     * The output's length when the failure came.
     *
     * @return bytes, or -1 before the failure
     */
    public long outputLengthAtFailure() {
        return outputLengthAtFailure;
    }

    @Override
    public Feature get(int i) {
        if (i == FAIL_AT) {
            outputLengthAtFailure = output.toFile().length();
            throw new OutOfMemoryError("Java heap space");
        }
        return Feature.of(i, 0.01, i);
    }

    @Override
    public int size() {
        return FAIL_AT + 10_000;
    }
}
