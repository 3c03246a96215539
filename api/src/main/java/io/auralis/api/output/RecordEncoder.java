package io.auralis.api.output;

import java.io.IOException;
import java.io.OutputStream;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A writer's format as a stream of bytes, for records that do not go to a file the writer opens itself: standard
 * output, and the records that Spark executors send back to be written into one file. A {@link #header} followed by
 * {@link #encode} of each record gives, byte for byte, what the writer's {@link OutputWriter#open open} writes to a
 * new file with the same records.
 *
 * <p>An encoder holds the layout of one set of outputs and may be used by one thread at a time; encoders for
 * several threads come from several {@link OutputWriter#encoder} calls.
 *
 * @since 1.1
 */
@ConsumerType
public interface RecordEncoder {

    /**
     * Writes what comes before the first record, such as a CSV header row; nothing for formats without one.
     *
     * @param out the stream; not closed
     * @throws IOException if it cannot be written
     */
    void header(OutputStream out) throws IOException;

    /**
     * Writes one record, complete (whole lines for line formats). The caller buffers the record when a failure
     * part-way must leave nothing behind.
     *
     * @param record the record
     * @param out the stream; not closed
     * @throws IOException if it cannot be written
     */
    void encode(FileRecord record, OutputStream out) throws IOException;
}
