package io.auralis.host.batch;

import io.auralis.api.output.FileRecord;
import io.auralis.api.output.RecordSink;
import io.auralis.host.engine.FailureText;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The outputs of a batch, behind one lock, so that records are written whole and one at a time. Each output
 * remembers which files it already holds (from a resumed run) and receives only the others, so that every input
 * appears in every output exactly once.
 *
 * <p>Once {@link #close()} has run, later records are dropped rather than written: that is how an interrupted run
 * stops cleanly, with every record either complete or absent.
 */
public final class RecordOutputs implements Closeable {

    /**
     * One output.
     *
     * @param name how messages name it: the file, or {@code standard output}
     * @param sink where records go
     * @param done the files it already holds
     */
    public record Target(String name, RecordSink sink, Set<String> done) {
        /**
         * Creates a target.
         *
         * @param name how messages name it
         * @param sink where records go
         * @param done the files it already holds
         */
        public Target {
            done = Set.copyOf(done);
        }
    }

    private final List<Target> targets;
    private boolean closed;

    /**
     * Gathers open outputs.
     *
     * @param targets the outputs; this object closes their sinks
     */
    public RecordOutputs(List<Target> targets) {
        this.targets = List.copyOf(targets);
    }

    /**
     * Whether some output still lacks a file.
     *
     * @param file the {@link FileRecord#file} of an input
     * @return {@code true} when the file must be analysed
     */
    public synchronized boolean needs(String file) {
        for (Target t : targets) {
            if (!t.done().contains(file)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes a record to every output that lacks it. A record that an output fails to store for any reason but
     * an I/O error (a bug, or an {@code Error} such as {@code OutOfMemoryError} while encoding a huge record) is
     * that file's error: the output gets the file's error record instead, so that no input goes missing.
     *
     * @param record the record
     * @return the record as stored (the error record when some output could not take it), or {@code null} when the
     *     outputs are already closed and the record was dropped
     * @throws IOException if an output cannot store it
     */
    public synchronized FileRecord write(FileRecord record) throws IOException {
        if (closed) {
            return null;
        }
        FileRecord stored = record;
        for (Target t : targets) {
            if (t.done().contains(record.file)) {
                continue;
            }
            try {
                t.sink().write(record);
            } catch (IOException e) {
                throw e;
            } catch (Throwable e) {
                FileRecord failed = new FileRecord();
                failed.file = record.file;
                failed.duration = record.duration;
                failed.sampleRate = record.sampleRate;
                failed.channels = record.channels;
                failed.error = record.file + ": its record could not be written: " + FailureText.of(e);
                t.sink().write(failed);
                stored = failed;
            }
        }
        return stored;
    }

    /**
     * The outputs' names.
     *
     * @return one per output
     */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Target t : targets) {
            names.add(t.name());
        }
        return names;
    }

    /**
     * Closes every output, waiting for a record being written to be complete. Later records are dropped.
     *
     * @throws IOException the first failure to close an output
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException first = null;
        for (Target t : targets) {
            try {
                t.sink().close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
