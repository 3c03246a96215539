package io.auralis.host.batch;

import io.auralis.api.output.FileRecord;

/**
 * Shows how a batch is going. Calls come from one thread at a time (the one writing records), in record order.
 */
public interface BatchProgress extends AutoCloseable {

    /**
     * The batch starts.
     *
     * @param files how many files will be analysed
     */
    void start(int files);

    /**
     * A record was written.
     *
     * @param record the record, with its duration and error
     */
    void fileDone(FileRecord record);

    /** The batch ended or was interrupted: take the display down. A second call does nothing. */
    @Override
    void close();
}
