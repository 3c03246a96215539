package io.auralis.writers.csv;

import io.auralis.writers.file.AppendOnlyFile;

import java.io.IOException;
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
 * removed with any torn row, so that the resumed run writes that file again, whole.
 */
final class CsvRecovery {

    private CsvRecovery() {
    }

    /**
     * Repairs a torn end and lists the recorded files.
     *
     * @param target a CSV output written by the {@code csv} writer
     * @return the {@code file} of every complete record, in the order written; empty if the output does not exist
     * @throws IOException if the output cannot be read or repaired, or is not an Auralis CSV
     */
    static Set<String> completed(Path target) throws IOException {
        if (!Files.exists(target)) {
            return Set.of();
        }
        if (Files.isDirectory(target)) {
            throw new IOException(target + ": is a folder, not a CSV output");
        }
        Set<String> files = new LinkedHashSet<>();
        long keep;
        long size;
        try (CsvReader reader = new CsvReader(Files.newInputStream(target))) {
            size = Files.size(target);
            List<String> header = reader.next();
            if (header == null) {
                keep = 0;
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
        if (keep < size) {
            AppendOnlyFile.truncate(target, keep);
        }
        return files;
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
