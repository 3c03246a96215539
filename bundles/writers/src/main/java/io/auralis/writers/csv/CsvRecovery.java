package io.auralis.writers.csv;

import io.auralis.writers.file.AppendOnlyFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the files a CSV output already holds, for {@code --resume}, and cuts off what a crash left incomplete.
 *
 * <p>Each table says where a file's rows end in its own way ({@link Ending}); the rows after the last complete file
 * belong to a file whose record was torn, or may be, and are removed with any torn row, so that the resumed run
 * writes that file again, whole. {@link #completed} only reads; {@link #repair} cuts only a file whose header is
 * this table's Auralis header (or the torn start of one), so a file that was never such an output is refused, never
 * cut.
 */
final class CsvRecovery {
    /** How a table marks the end of a file's rows. */
    enum Ending {
        /** The long table ({@link CsvLayout}): a file's rows end with its file row, whose {@code output} is empty. */
        FILE_ROW,
        /**
         * The wide table ({@link WideLayout}) has no file rows: a file's rows end where the next file's begin, and
         * the rows of the last file count as torn, since nothing tells whether they are all there.
         */
        NEXT_FILE
    }

    /** What an existing output holds: its header, its complete records and where the last one ends. */
    record Scan(List<String> header, Set<String> files, long end, long size) {
    }

    private final List<String> leading;
    private final Ending ending;

    /**
     * Describes a table.
     *
     * @param leading the columns its header starts with, which tell its outputs from other CSV files
     * @param ending how its rows mark the end of a file's
     */
    CsvRecovery(List<String> leading, Ending ending) {
        this.leading = List.copyOf(leading);
        this.ending = ending;
    }

    /**
     * Lists the recorded files; changes nothing.
     *
     * @param target a CSV output of this table
     * @return the {@code file} of every complete record, in the order written; empty if the output does not exist
     * @throws IOException if the output cannot be read, or is not an Auralis CSV
     */
    Set<String> completed(Path target) throws IOException {
        return Files.exists(target) ? scan(target).files() : Set.of();
    }

    /**
     * Reads an existing output without changing it.
     *
     * @param target a CSV output of this table
     * @return what it holds; the header is {@code null} when the file ends inside it
     * @throws IOException if the output cannot be read, or is not an Auralis CSV
     */
    Scan scan(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IOException(target + ": is a folder, not a CSV output");
        }
        Set<String> files = new LinkedHashSet<>();
        List<String> header;
        long keep;
        long size;
        try (CsvReader reader = new CsvReader(Files.newInputStream(target))) {
            size = Files.size(target);
            header = reader.next();
            if (header == null) {
                keep = 0;
                checkTornHeader(target, size);
            } else {
                checkHeader(target, header);
                keep = reader.end();
                long rowStart = keep;
                String current = null;
                List<String> row;
                while ((row = reader.next()) != null) {
                    if (ending == Ending.FILE_ROW) {
                        if (row.size() > CsvLayout.OUTPUT && row.get(CsvLayout.OUTPUT).isEmpty()) {
                            files.add(row.get(CsvLayout.FILE));
                            keep = reader.end();
                        }
                    } else if (!row.get(0).equals(current)) {
                        if (current != null) {
                            files.add(current);
                        }
                        current = row.get(0);
                        keep = rowStart;
                    }
                    rowStart = reader.end();
                }
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(target + ": ")) {
                throw e;
            }
            throw AppendOnlyFile.describe(target, e);
        }
        return new Scan(header, files, keep, size);
    }

    /**
     * Cuts off the rows of a torn record, as found by {@link #scan}.
     *
     * @param target the output
     * @param scan what it holds
     * @throws IOException if it cannot be cut
     */
    void repair(Path target, Scan scan) throws IOException {
        if (scan.end() < scan.size()) {
            AppendOnlyFile.truncate(target, scan.end());
        }
    }

    /** A file without one complete row is ours only when it is the torn start of an Auralis header. */
    private void checkTornHeader(Path target, long size) throws IOException {
        String headerStart = String.join(",", leading);
        byte[] start;
        try (InputStream in = Files.newInputStream(target)) {
            start = in.readNBytes((int) Math.min(size, headerStart.length()));
        }
        String text = new String(start, StandardCharsets.UTF_8);
        if (!headerStart.startsWith(text) && !text.startsWith(headerStart)) {
            throw new IOException(target + ": not a CSV written by Auralis (it does not start with " + headerStart
                + ")");
        }
    }

    /**
     * Checks that a row is the header of an Auralis CSV.
     *
     * @param target the output, for the message
     * @param header its first row
     * @throws IOException if it is not
     */
    void checkHeader(Path target, List<String> header) throws IOException {
        if (header.size() < leading.size() || !header.subList(0, leading.size()).equals(leading)) {
            throw new IOException(target + ": not a CSV written by Auralis (its header starts "
                + String.join(",", header.subList(0, Math.min(3, header.size()))) + ", not "
                + String.join(",", leading) + ")");
        }
    }
}
