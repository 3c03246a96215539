package io.auralis.writers.csv;

import io.auralis.api.output.RecordEncoder;
import io.auralis.api.output.RecordSink;
import io.auralis.writers.file.AppendOnlyFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens a CSV output of either table, the long one ({@link CsvWriter}) or the wide one ({@link WideCsvWriter}):
 * a new output starts with the header; an output being resumed must have the header these outputs give (a resumed
 * run must use the same workflow), and loses the rows of a record torn by a crash first. Rows are encoded as a
 * stream and appended, one record at a time.
 */
final class CsvOutput {

    private CsvOutput() {
    }

    /**
     * Opens an output.
     *
     * @param target the file
     * @param header the table's header for these outputs
     * @param rows the table's encoder for these outputs
     * @param recovery how the table is read back
     * @param append {@code true} to keep the complete records already in {@code target}
     * @return the sink, which the caller closes
     * @throws IOException if the output cannot be opened, or holds another table
     */
    static RecordSink open(Path target, List<String> header, RecordEncoder rows, CsvRecovery recovery,
            boolean append) throws IOException {
        if (append && Files.isRegularFile(target) && Files.size(target) > 0) {
            CsvRecovery.Scan scan = recovery.scan(target);
            if (scan.header() != null && !scan.header().equals(header)) {
                throw new IOException(target + ": has the columns " + String.join(",", scan.header()) + " but this "
                    + "workflow writes " + String.join(",", header) + "; resume with the workflow that wrote it, or "
                    + "write to another file");
            }
            recovery.repair(target, scan);
        }
        AppendOnlyFile file = AppendOnlyFile.open(target, append);
        try {
            if (file.size() == 0) {
                file.append(CsvText.row(header));
            }
        } catch (IOException e) {
            file.close();
            throw e;
        }
        return file.sink(rows);
    }
}
