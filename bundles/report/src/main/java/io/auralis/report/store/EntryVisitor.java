package io.auralis.report.store;

import io.auralis.report.record.FileSummary;
import java.io.IOException;

/** Receives the entries of a report's store, in the order they were written. */
@FunctionalInterface
public interface EntryVisitor {

    /**
     * Receives one entry.
     *
     * @param summary the file's summary
     * @param fragment the file's section, or {@code null} when the reader was asked for summaries only
     * @throws IOException if handling the entry fails
     */
    void entry(FileSummary summary, String fragment) throws IOException;
}
