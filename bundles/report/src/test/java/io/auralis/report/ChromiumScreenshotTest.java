package io.auralis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.auralis.api.output.RecordSink;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The report as a browser draws it: headless Chromium takes a screenshot of the page opened from disk, and the
 * model card, the plugin's markers, the emotion strip and the segment table must show in it. Skipped where no
 * Chromium is installed (CI); the screenshot stays in {@code target/screenshots/} for a person to look at.
 */
class ChromiumScreenshotTest {
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome");

    @Test
    void segmentTableConfidencesModelCaveatAndMarkersAreVisible() throws IOException, InterruptedException {
        String browser = BROWSERS.stream().filter(b -> Files.isExecutable(Path.of(b))).findFirst().orElse(null);
        assumeTrue(browser != null, "no Chromium installed");
        Path dir = Files.createDirectories(Path.of("target/screenshots").toAbsolutePath());
        Path report = dir.resolve("report.html");
        Path png = dir.resolve("report.png");
        Files.deleteIfExists(png);
        Path models = AnalystReportTest.models(Files.createDirectories(dir.resolve("models")));
        try (RecordSink sink = new HtmlReportWriter(models).open(report, AnalystReportTest.outputs(), false)) {
            sink.write(AnalystReportTest.call(dir.resolve("calls/first call.wav").toString()));
        }
        Process p = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--no-first-run", "--user-data-dir=" + dir.resolve("profile"), "--window-size=1280,2400",
            "--screenshot=" + png, report.toUri().toString())
            .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Chromium did not finish within 2 minutes");
        assertEquals(0, p.exitValue(), "Chromium failed: " + Files.readString(dir.resolve("chromium.log")));
        BufferedImage shot = ImageIO.read(png.toFile());
        assertNotNull(shot, "no screenshot");
        // The model card's background, the plugin's marker colour, the strip and areas in the colour of anger.
        assertTrue(pixels(shot, new Color(0xee, 0xf3, 0xfd), 0, shot.getHeight()) > 20_000, "no model card");
        assertTrue(pixels(shot, new Color(0x5c, 0x6b, 0xc0), 0, shot.getHeight()) > 500, "no markers");
        assertTrue(pixels(shot, new Color(0xd6, 0x27, 0x28), 0, shot.getHeight()) > 5_000, "no anger");
        // Below the timeline: the segment table's rows, dark text with a chip in the colour of each label.
        int table = rowOf(shot, new Color(0x5c, 0x6b, 0xc0)) + 500;
        assertTrue(pixels(shot, new Color(0x22, 0x22, 0x22), table, shot.getHeight()) > 2_000,
            "no table text below the timeline");
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
