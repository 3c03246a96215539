package io.auralis.host.batch;

import io.auralis.api.output.FileRecord;
import io.auralis.api.output.RecordEncoder;
import io.auralis.api.output.RecordSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Records on a stream that stays open (standard output), in a writer's format through its {@link RecordEncoder}:
 * the header when the sink opens, then each record whole, then a flush, so that a reader of a pipe sees every
 * record as soon as it is written.
 *
 * <p>A record is encoded into memory first and written only when it is complete: a stream cannot be cut back
 * like a file, and a record that fails part-way (an {@code Error} in a huge record) must leave nothing behind for
 * its error record to follow. The record's objects are in memory already, so its bytes cost about as much again.
 */
public final class StreamedRecords implements RecordSink {
    private final PrintStream out;
    private final RecordEncoder encoder;
    private final String name;

    /**
     * Opens the sink and writes the format's header.
     *
     * @param out the stream, left open by {@link #close()}
     * @param encoder the writer's encoder for the workflow's outputs
     * @param name how messages name the stream, such as {@code standard output}
     * @throws IOException if the header cannot be written
     */
    public StreamedRecords(PrintStream out, RecordEncoder encoder, String name) throws IOException {
        this.out = out;
        this.encoder = encoder;
        this.name = name;
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        encoder.header(header);
        emit(header);
    }

    @Override
    public void write(FileRecord record) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        encoder.encode(record, bytes);
        emit(bytes);
    }

    private void emit(ByteArrayOutputStream bytes) throws IOException {
        if (bytes.size() > 0) {
            bytes.writeTo(out);
        }
        out.flush();
        if (out.checkError()) {
            throw new IOException(name + ": cannot write (closed pipe?)");
        }
    }

    @Override
    public void close() {
        out.flush();
    }
}
