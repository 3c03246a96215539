package io.auralis.api.output;

import java.io.Closeable;
import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An open output that receives one record per analysed file. Calls come from one thread at a time.
 */
@ConsumerType
public interface RecordSink extends Closeable {

    /**
     * Stores a record. When this returns, the record must survive a crash of the process: a later run with
     * {@code --resume} finds it, and a crash part-way through never leaves a corrupt output. When it fails (an
     * {@code IOException}, or any other throwable while encoding the record), nothing of the record may remain, so
     * that the host can store the file's error record in its place.
     *
     * @param record the record
     * @throws IOException if it cannot be stored
     */
    void write(FileRecord record) throws IOException;
}
