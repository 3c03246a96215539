package io.auralis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.output.RecordSink;
import io.auralis.report.chart.EmotionPalette;
import io.auralis.report.chart.TimelineChart;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report of two analysed files and a failed one, written through the writer as the batch runner does. */
class HtmlReportWriterTest {
    private static final String ODD_NAME = "talks/<b>anna</b> & \"bob\" 'live'.wav";

    @TempDir
    static Path dir;

    private static Path target;
    private static String html;

    @BeforeAll
    static void writeReport() throws IOException {
        target = dir.resolve("out/report.html");
        try (RecordSink sink = new HtmlReportWriter().open(target, Records.outputs(), false)) {
            sink.write(Records.speech(ODD_NAME, 30, 7, "angry", "sad"));
            sink.write(Records.failed("gone.wav", "gone.wav: no such file"));
            sink.write(Records.speech("calm.wav", 20, 8, "calm"));
        }
        html = Files.readString(target);
    }

    @Test
    void aFullDiskWhileWritingTheReportIsOneLineThatNamesTheReport() throws IOException {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "needs /dev/full (Linux)");
        Path report = dir.resolve("full/report.html");
        RecordSink sink = new HtmlReportWriter().open(report, Records.outputs(), false);
        sink.write(Records.speech("calm.wav", 20, 8, "calm"));
        // The report is written aside first: that write goes to a device that is always full.
        Files.createSymbolicLink(report.resolveSibling("report.html.tmp"), full);
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, sink::close);
        assertTrue(e.getMessage().startsWith(report.toAbsolutePath() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    }

    @Test
    void overviewComesFirstAndCountsFilesAndAudio() {
        int overview = html.indexOf("<section id=\"overview\">");
        assertTrue(overview > 0, "no overview");
        assertTrue(overview < html.indexOf("<section class=\"file\""), "overview after the file sections");
        assertTrue(html.contains("<b>2</b><span>files analysed</span>"), "analysed count");
        assertTrue(html.contains("<b>1</b><span>file failed</span>"), "failed count");
        assertTrue(html.contains("<b>50.0 s</b><span>of audio</span>"), "total duration");
        assertTrue(html.contains("<a href=\"#file-2\">gone.wav</a>"), "overview links to the failed file");
    }

    @Test
    void oneSectionPerFileInOrderWithTheFailedFilesError() {
        assertEquals(List.of(escaped(ODD_NAME), "gone.wav", "calm.wav"), Pages.sections(html));
        assertTrue(html.contains("<p class=\"error\"><strong>Failed:</strong> gone.wav: no such file</p>"));
    }

    @Test
    void fileNamesAreEscapedEverywhere() {
        assertFalse(html.contains("<b>anna</b>"), "raw markup from a file name");
        assertFalse(html.contains("\"bob\""), "raw quotes from a file name");
        String name = "talks/&lt;b&gt;anna&lt;/b&gt; &amp; &quot;bob&quot; &#39;live&#39;.wav";
        // In the overview table, the section heading and the chart's alt text.
        assertTrue(count(html, name) >= 3, "escaped name appears " + count(html, name) + " times");
    }

    @Test
    void chartsAreEmbeddedPngsThatDecode() throws IOException {
        List<byte[]> pngs = Pages.pngs(html);
        // Two overview bar charts and one timeline per analysed file.
        assertEquals(4, pngs.size());
        for (byte[] png : pngs) {
            assertTrue(png.length > 5_000, "PNG of only " + png.length + " bytes");
            BufferedImage image = Pages.decode(png);
            assertNotNull(image, "not a PNG");
            assertTrue(image.getWidth() >= 500 && image.getHeight() >= 250,
                image.getWidth() + "x" + image.getHeight());
        }
        BufferedImage timeline = Pages.decode(pngs.get(2));
        assertEquals(TimelineChart.WIDTH, timeline.getWidth());
        // The first file leans to anger: its timeline is drawn largely in the colour of angry.
        assertTrue(Pages.pixels(timeline, EmotionPalette.colour("angry")) > 10_000, "little red in the timeline");
    }

    @Test
    void pageLoadsNothingFromTheNetwork() {
        assertFalse(html.contains("http://"), "http reference");
        assertFalse(html.contains("https://"), "https reference");
        assertFalse(html.contains("<script"), "script");
        assertFalse(html.contains("<link"), "linked resource");
        assertFalse(html.contains("url("), "CSS resource");
    }

    @Test
    void summaryTableShowsTheDominantEmotionAndChanges() {
        String calm = html.substring(html.indexOf("id=\"file-3\""));
        assertTrue(calm.contains("<th>Dominant emotion</th><td><span class=\"chip\" style=\"background:"
            + EmotionPalette.css("calm") + "\"></span>calm</td>"), "dominant emotion of calm.wav");
        assertTrue(calm.contains("<th>Changes of emotion</th><td>"), "changes of calm.wav");
    }

    @Test
    void noWorkingFilesAreLeftBehind() throws IOException {
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of("report.html"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void recordWithoutEmotionOutputsStillGetsItsLoudnessChart() throws IOException {
        Path loud = dir.resolve("loud.html");
        try (RecordSink sink = new HtmlReportWriter().open(loud, Records.outputs(), false)) {
            sink.write(Records.loudnessOnly("music.wav", 12));
        }
        String page = Files.readString(loud);
        assertEquals(List.of("music.wav"), Pages.sections(page));
        assertTrue(page.contains("no emotion results"), "missing note on emotions");
        assertTrue(page.contains("No file has emotion results."), "overview note");
        List<byte[]> pngs = Pages.pngs(page);
        assertEquals(1, pngs.size(), "only the timeline, no overview bar charts");
        BufferedImage chart = Pages.decode(pngs.get(0));
        assertTrue(chart.getHeight() >= 150, "height " + chart.getHeight());
    }

    @Test
    void segmentsOfACoarserEmotionOutputAreDrawnAsAStripAboveTheWindows() throws IOException {
        Path page = dir.resolve("segments.html");
        try (RecordSink sink = new HtmlReportWriter().open(page, Records.outputs(), false)) {
            sink.write(Records.speech("plain.wav", 30, 4, "sad"));
            sink.write(Records.withSegments(Records.speech("merged.wav", 30, 4, "sad")));
        }
        String html = Files.readString(page);
        String merged = html.substring(html.indexOf("id=\"file-2\""));
        assertTrue(merged.contains("Strip: the segments of timeline.segments."), "caption of the strip");
        assertTrue(merged.contains("Areas: the probability of each emotion in emotion.emotion"), "caption");
        List<byte[]> pngs = Pages.pngs(html);
        int plain = Pages.decode(pngs.get(2)).getHeight();
        int withStrip = Pages.decode(pngs.get(3)).getHeight();
        assertTrue(withStrip > plain, withStrip + " <= " + plain);
    }

    @Test
    void emptyRunWritesAnOverviewSayingSo() throws IOException {
        Path empty = dir.resolve("empty.html");
        new HtmlReportWriter().open(empty, Records.outputs(), false).close();
        String page = Files.readString(empty);
        assertTrue(page.contains("No files were analysed."));
        assertEquals(List.of(), Pages.sections(page));
    }

    @Test
    void formatIsHtml() {
        assertEquals("html", new HtmlReportWriter().format());
    }

    private static String escaped(String s) {
        return io.auralis.report.html.Html.escape(s);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
