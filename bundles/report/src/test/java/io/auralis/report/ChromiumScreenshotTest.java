package io.auralis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.auralis.api.output.RecordSink;
import io.auralis.report.html.Report;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The report as a browser draws it: headless Chromium opens the page from disk, takes a screenshot in which the
 * model card, the plugin's markers, the emotion strip and the segment table must show, and, for a report of a
 * thousand files, runs the page's script and gives back the DOM, in which one page of files is shown and a link to
 * a file further on turns to its page. Skipped where no Chromium is installed (CI); the screenshots stay in
 * {@code target/screenshots/} for a person to look at.
 */
class ChromiumScreenshotTest {
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome");
    private static final Pattern SHOWN = Pattern.compile("<section class=\"file shown\" id=\"(file-\\d+)\"");
    private static final Pattern VISIBLE_ROW = Pattern.compile("<tr data-s=\"(file-\\d+)\">");

    @Test
    void segmentTableConfidencesModelCaveatAndMarkersAreVisible() throws IOException, InterruptedException {
        String browser = browser();
        Path dir = Files.createDirectories(Path.of("target/screenshots").toAbsolutePath());
        Path report = dir.resolve("report.html");
        try (RecordSink sink = new HtmlReportWriter().open(report, AnalystReportTest.outputs(), false,
                AnalystReportTest.run())) {
            sink.write(AnalystReportTest.call(dir.resolve("calls/first call.wav").toString()));
        }
        BufferedImage shot = screenshot(browser, dir, report, "report.png");
        // The model card's background, the plugin's marker colour, the strip and areas in the colour of anger.
        assertTrue(pixels(shot, new Color(0xee, 0xf3, 0xfd), 0, shot.getHeight()) > 20_000, "no model card");
        assertTrue(pixels(shot, new Color(0x5c, 0x6b, 0xc0), 0, shot.getHeight()) > 500, "no markers");
        assertTrue(pixels(shot, new Color(0xd6, 0x27, 0x28), 0, shot.getHeight()) > 5_000, "no anger");
        // Below the timeline: the segment table's rows, dark text with a chip in the colour of each label.
        int table = rowOf(shot, new Color(0x5c, 0x6b, 0xc0)) + 500;
        assertTrue(pixels(shot, new Color(0x22, 0x22, 0x22), table, shot.getHeight()) > 2_000,
            "no table text below the timeline");
    }

    @Test
    void aReportOfAThousandFilesShowsOnePageOfThemAndALinkTurnsToItsPage() throws IOException, InterruptedException {
        String browser = browser();
        Path dir = Files.createDirectories(Path.of("target/screenshots").toAbsolutePath());
        Path report = dir.resolve("thousand.html");
        ThousandFilesTest.write(report);

        String dom = dom(browser, dir, report.toUri().toString());
        List<String> sections = Pages.all(SHOWN, dom);
        assertEquals(Report.PAGE, sections.size(), "sections shown on the first page");
        assertEquals("file-1", sections.get(0));
        assertEquals(sections, Pages.all(VISIBLE_ROW, dom), "the index's rows and the sections shown differ");
        assertTrue(dom.contains("<span>Files 1–25 of 1000</span>"), "pager");

        // A bookmark to file 734 opens the page that holds it.
        String turned = dom(browser, dir, report.toUri() + "#file-734");
        assertTrue(Pages.all(SHOWN, turned).contains("file-734"), "file 734 not shown");
        assertTrue(turned.contains("<span>Files 726–750 of 1000</span>"), "pager after the link");

        BufferedImage shot = screenshot(browser, dir, report, "thousand.png");
        assertTrue(pixels(shot, new Color(0xee, 0xf3, 0xfd), 0, shot.getHeight()) > 20_000, "no model card");
    }

    private static String browser() {
        String browser = BROWSERS.stream().filter(b -> Files.isExecutable(Path.of(b))).findFirst().orElse(null);
        assumeTrue(browser != null, "no Chromium installed");
        return browser;
    }

    private static BufferedImage screenshot(String browser, Path dir, Path report, String name)
            throws IOException, InterruptedException {
        Path png = dir.resolve(name);
        Files.deleteIfExists(png);
        chromium(browser, dir, "--window-size=1280,2400", "--screenshot=" + png, report.toUri().toString());
        BufferedImage shot = ImageIO.read(png.toFile());
        assertNotNull(shot, "no screenshot");
        return shot;
    }

    /** The page's DOM after its script ran. */
    private static String dom(String browser, Path dir, String url) throws IOException, InterruptedException {
        chromium(browser, dir, "--dump-dom", url);
        return Files.readString(dir.resolve("chromium.log"));
    }

    private static void chromium(String browser, Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
            "--hide-scrollbars", "--no-first-run", "--user-data-dir=" + dir.resolve("profile")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(dir.resolve("chromium.err").toFile())
            .redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Chromium did not finish within 2 minutes");
        assertEquals(0, p.exitValue(), "Chromium failed: " + Files.readString(dir.resolve("chromium.err")));
    }

    private static int pixels(BufferedImage image, Color colour, int from, int to) {
        int n = 0;
        int rgb = colour.getRGB() & 0xFFFFFF;
        for (int y = Math.max(0, from); y < Math.min(to, image.getHeight()); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The last row holding a colour. */
    private static int rowOf(BufferedImage image, Color colour) {
        int rgb = colour.getRGB() & 0xFFFFFF;
        int last = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    last = y;
                    break;
                }
            }
        }
        return last;
    }
}
