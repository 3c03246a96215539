package io.auralis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.output.RecordSink;
import io.auralis.report.html.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout of a report of a thousand files: an index of every file that the page's script pages, with a pager
 * above the sections and below them, and every file's section inside the element the script pages, so that the
 * page still holds everything (and shows everything without a script) while a browser displays a page at a time.
 * {@link ChromiumScreenshotTest} checks what the script then shows.
 */
class ThousandFilesTest {
    static final int FILES = 1000;

    @TempDir
    static Path dir;

    static String html;
    static long bytes;

    /** Writes a report of {@value #FILES} calls of 40 s with a plugin's markers, every hundredth failed. */
    static void write(Path report) throws IOException {
        try (RecordSink sink = new HtmlReportWriter().open(report, AnalystReportTest.outputs(), false,
                AnalystReportTest.run())) {
            for (int i = 1; i <= FILES; i++) {
                String name = String.format("calls/call-%04d.wav", i);
                sink.write(i % 100 == 0 ? Records.failed(name, name + ": truncated") : AnalystReportTest.call(name));
            }
        }
    }

    @BeforeAll
    static void writeReport() throws IOException {
        Path report = dir.resolve("report.html");
        write(report);
        html = Files.readString(report);
        bytes = Files.size(report);
    }

    @Test
    void theIndexListsEveryFileOnceAndEachRowNamesItsSection() {
        String index = html.substring(html.indexOf("<table class=\"files sortable\">"), html.indexOf("</table>",
            html.indexOf("<table class=\"files sortable\">")));
        List<String> rows = Pages.all(Pattern.compile("<tr data-s=\"(file-\\d+)\">"), index);
        assertEquals(FILES, rows.size(), "rows of the index");
        assertEquals(rows, Pages.all(Pattern.compile("<section class=\"file\" id=\"(file-\\d+)\">"), html),
            "the rows name the sections, in order");
        assertEquals(10, Pages.count(index, "failed: "), "failed files are in the index");
    }

    @Test
    void everySectionIsInsideThePagedElementBetweenTheTwoPagers() {
        int top = html.indexOf("<nav class=\"pager top\"");
        int holder = html.indexOf("<div id=\"files\">");
        int bottom = html.indexOf("<nav class=\"pager bottom\"");
        assertTrue(top > html.indexOf("<table class=\"files sortable\">") && top < holder, "pager below the index");
        assertTrue(holder < html.indexOf("<section class=\"file\""), "sections outside the paged element");
        assertTrue(bottom > html.lastIndexOf("</section>"), "pager below the sections");
        assertTrue(html.contains("<option>" + Report.PAGE + "</option><option>100</option><option value=\"0\">all"
            + "</option>"), "files per page");
        // The script marks the page before the sections arrive, so that the hidden ones are never laid out.
        assertTrue(html.indexOf("classList.add('js')") < holder, "the page is marked after its sections");
        assertTrue(html.contains(".js section.file{display:none}.js section.file.shown{display:block}"), "style");
    }

    @Test
    void aThousandCallsOfFortySecondsStayUnder35KilobytesEach() {
        // Inline SVG with relative line moves and one summary per file (31.5 KB here): a PNG, or lines of absolute
        // points (43 KB), would not fit.
        assertTrue(bytes < FILES * 35_000L, bytes + " bytes");
    }
}
