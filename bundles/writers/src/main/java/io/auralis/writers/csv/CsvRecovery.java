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
 * <p>A file's rows end with its file row (empty {@code output} column), so a file is recorded when its file row
 * is complete; the feature rows after the last complete file row belong to a file whose record was torn, and are
 * removed with any torn row, so that the resumed run writes that file again, whole. {@link #completed} only reads;
 * {@link #repair} cuts only a file whose header is an Auralis header (or the torn start of one), so a file that
 * was never an output is refused, never cut.
 */
final class CsvRecovery {
    /** The start of every header this writer writes. */
    private static final String HEADER_START = String.join(",", CsvLayout.LEADING);

    /** What an existing output holds: its header, its complete records and where the last one ends. */
    record Scan(List<String> header, Set<String> files, long end, long size) {
    }

    private CsvRecovery() {
    }

    /**
     * Lists the recorded files; changes nothing.
     *
     * @param target a CSV output written by the {@code csv} writer
     * @return the {@code file} of every complete record, in the order written; empty if the output does not exist
     * @throws IOException if the output cannot be read, or is not an Auralis CSV
     */
    static Set<String> completed(Path target) throws IOException {
        return Files.exists(target) ? scan(target).files() : Set.of();
    }

    /**
     * Reads an existing output without changing it.
     *
     * @param target a CSV output written by the {@code csv} writer
     * @return what it holds; the header is {@code null} when the file ends inside it
     * @throws IOException if the output cannot be read, or is not an Auralis CSV
     */
    static Scan scan(Path target) throws IOException {
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
                List<String> row;
                while ((row = reader.next()) != null) {
                    if (row.size() > CsvLayout.OUTPUT && row.get(CsvLayout.OUTPUT).isEmpty()) {
                        files.add(row.get(CsvLayout.FILE));
                        keep = reader.end();
                    }
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
    static void repair(Path target, Scan scan) throws IOException {
        if (scan.end() < scan.size()) {
            AppendOnlyFile.truncate(target, scan.end());
        }
    }

    /** A file without one complete row is ours only when it is the torn start of an Auralis header. */
    private static void checkTornHeader(Path target, long size) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(target)) {
            start = in.readNBytes((int) Math.min(size, HEADER_START.length()));
        }
        String text = new String(start, StandardCharsets.UTF_8);
        if (!HEADER_START.startsWith(text) && !text.startsWith(HEADER_START)) {
            throw new IOException(target + ": not a CSV written by Auralis (it does not start with " + HEADER_START
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
    static void checkHeader(Path target, List<String> header) throws IOException {
        if (header.size() < CsvLayout.LEADING.size()
                || !header.subList(0, CsvLayout.LEADING.size()).equals(CsvLayout.LEADING)) {
            throw new IOException(target + ": not a CSV written by Auralis (its header starts "
                + String.join(",", header.subList(0, Math.min(3, header.size()))) + ", not "
                + String.join(",", CsvLayout.LEADING) + ")");
        }
    }
}
