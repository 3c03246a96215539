package io.auralis.report.store;

import io.auralis.report.html.Report;
import io.auralis.report.record.FileSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The file sections of a finished report, each between two comment lines that carry the file's summary, so that
 * a later run can append to the report (or resume it) without the parts file, which is deleted when a report is
 * finished:
 *
 * <pre>
 * &lt;!--auralis-entry BASE64-SUMMARY--&gt;
 * &lt;section ...&gt;...&lt;/section&gt;
 * &lt;!--/auralis-entry--&gt;
 * </pre>
 *
 * Sections never start a line with a comment, and everything they show from a record is escaped.
 */
public final class ReportEntries {
    private static final String BEGIN = "<!--auralis-entry ";
    private static final String END = "<!--/auralis-entry-->";
    private static final String CLOSE = "-->";

    private ReportEntries() {
    }

    /**
     * Writes one file's section with its markers.
     *
     * @param out the report
     * @param summary the file's summary
     * @param section the file's section, ending with a line break
     * @throws IOException if writing fails
     */
    public static void write(Writer out, FileSummary summary, String section) throws IOException {
        out.write(BEGIN);
        out.write(Base64.getEncoder().encodeToString(SummaryCodec.encode(summary)));
        out.write(CLOSE + "\n");
        out.write(section);
        out.write(END + "\n");
    }

    /**
     * Reads the entries of a finished report.
     *
     * @param report the report
     * @param visitor receives each entry in order
     * @param sections whether to collect the sections too ({@code false}: the visitor gets {@code null})
     * @throws IOException if the report cannot be read, was not written by this writer, or its markers are
     *     damaged
     */
    public static void read(Path report, EntryVisitor visitor, boolean sections) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            boolean ours = false;
            FileSummary open = null;
            StringBuilder section = new StringBuilder();
            while ((line = in.readLine()) != null) {
                number++;
                if (!ours) {
                    ours = line.equals(Report.GENERATOR);
                    if (!ours && (line.startsWith("<body") || line.startsWith(BEGIN))) {
                        break;
                    }
                    continue;
                }
                if (open == null) {
                    if (line.startsWith(BEGIN) && line.endsWith(CLOSE)) {
                        open = summary(report, number, line.substring(BEGIN.length(), line.length() - CLOSE.length()));
                        section.setLength(0);
                    }
                } else if (line.equals(END)) {
                    visitor.entry(open, sections ? section.toString() : null);
                    open = null;
                } else if (sections) {
                    section.append(line).append('\n');
                }
            }
            if (!ours) {
                throw new IOException(report + ": not an HTML report written by Auralis; cannot append to it");
            }
        }
    }

    private static FileSummary summary(Path report, int line, String base64) throws IOException {
        try {
            return SummaryCodec.decode(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException | IOException e) {
            throw new IOException(report + ": line " + line + ": damaged entry marker (" + e.getMessage() + ")", e);
        }
    }
}
