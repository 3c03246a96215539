package io.auralis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.output.RecordSink;
import io.auralis.report.chart.EmotionPalette;
import io.auralis.report.chart.TimelineChart;
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
    void chartsAreInlineSvgDrawnInTheEmotionsColours() {
        List<String> svgs = Pages.svgs(html);
        // Two overview bar charts and one timeline per analysed file.
        assertEquals(4, svgs.size());
        String timeline = svgs.get(2);
        assertTrue(timeline.contains("class=\"timeline\""), "not the timeline");
        assertTrue(timeline.contains("width=\"" + TimelineChart.WIDTH + "\""), "timeline width");
        // The first file leans to anger: its areas and strip are drawn in the colour of angry.
        assertTrue(Pages.count(timeline, "fill=\"" + EmotionPalette.css("angry") + "\"") >= 2, "no red in the timeline");
        assertFalse(html.contains("data:image/png"), "a PNG is still embedded");
    }

    @Test
    void pageLoadsNothingFromTheNetwork() {
        assertFalse(html.contains("http://"), "http reference");
        assertFalse(html.contains("https://"), "https reference");
        assertFalse(html.contains("<script src"), "script from elsewhere");
        assertEquals(1, Pages.count(html, "<script>"), "one inline script");
        assertFalse(html.contains("<link"), "linked resource");
        assertFalse(html.contains("url("), "CSS resource");
    }

    @Test
    void shareAxisOfTheOverviewRunsTo100Percent() {
        String shares = Pages.svgs(html).get(1);
        assertTrue(shares.contains("Share of speech time"), "not the share chart");
        assertTrue(shares.contains(">100%</text>"), "share axis does not reach 100 %");
    }

    @Test
    void titleNamesWhatWasAnalysedAndTheCorpusNotTheOutputFile() {
        String title = html.substring(html.indexOf("<title>") + 7, html.indexOf("</title>"));
        assertFalse(title.contains("report.html"), title);
        // The three files share no folder but the working directory, whose name the title carries.
        assertTrue(title.startsWith("Emotion timeline"), title);
    }

    @Test
    void summaryTableShowsTheDominantEmotionAndChanges() {
        String calm = html.substring(html.indexOf("id=\"file-3\""));
        assertTrue(calm.contains("<th>Dominant emotion</th><td><span class=\"chip\" style=\"background:"
            + EmotionPalette.css("calm") + "\"></span>calm <span class=\"conf\">confidence 0."),
            "dominant emotion of calm.wav with its confidence");
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
        List<String> svgs = Pages.svgs(page);
        assertEquals(1, svgs.size(), "only the timeline, no overview bar charts");
        assertTrue(Pages.height(svgs.get(0)) >= 100, "height " + Pages.height(svgs.get(0)));
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
        assertTrue(merged.contains("Strip: the segments of timeline.segments,"), "caption of the strip");
        assertTrue(merged.contains("Areas: the probability of each emotion in emotion.emotion"), "caption");
        String plain = Pages.section(html, 1);
        assertTrue(plain.contains("Strip: the segments of emotion.emotion,"), "a file without merged segments "
            + "still gets its strip, of the only emotion output");
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
        return Pages.count(text, part);
    }
}
