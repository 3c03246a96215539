package io.auralis.report.chart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/**
 * Renders charts off screen to PNG.
 */
public final class ChartImages {

    private ChartImages() {
    }

    /**
     * Makes AWT headless unless the launcher chose otherwise. Charts are drawn into images, never onto a screen:
     * without a display (servers, CI), AWT must not try to open one. The launcher should pass
     * {@code -Djava.awt.headless=true}; this covers a host that does not, provided it runs before anything
     * initialises AWT, so it is called before any chart object is made.
     */
    public static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * Draws a chart as an opaque PNG.
     *
     * @param chart the chart
     * @param width width in pixels
     * @param height height in pixels
     * @return the image
     */
    public static Png png(JFreeChart chart, int width, int height) {
        BufferedImage image = chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this JRE has no PNG encoder");
            }
        } catch (IOException e) {
            // Writing to memory cannot fail for I/O reasons.
            throw new UncheckedIOException(e);
        }
        return new Png(out.toByteArray(), width, height);
    }

}
