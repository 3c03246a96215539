package io.auralis.ser.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    @TempDir
    Path dir;

    @Test
    void theConfusionHeatMapIsARealPngWithTheDarkestCellOnAFullRow() throws IOException {
        Path png = dir.resolve("confusion_matrix.png");
        ConfusionMatrixChart.writePng(ClassificationMetricsTest.handComputed(), "test", png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() >= 420 && image.getHeight() >= 420, image.getWidth() + "x" + image.getHeight());
        assertTrue(colours(image) > 20, "a heat map has many colours");
        // Class c's 4 of 4 is the only full-share cell: a dark blue block must exist.
        assertTrue(hasPixel(image, 8, 48, 107, 12), "no cell in the darkest colour");
    }

    @Test
    void trainingCurvesRenderLossAndAccuracyPerEpoch() throws IOException {
        List<TrainingCurvesChart.Point> history = new ArrayList<>();
        for (int e = 1; e <= 10; e++) {
            history.add(new TrainingCurvesChart.Point(e, 2.0 / e, 1 - 0.5 / e, 2.2 / e, e == 3 ? Double.NaN : 0.9 - 0.4 / e));
        }
        Path png = dir.resolve("training_curves.png");
        TrainingCurvesChart.writePng(history, "cnn3gru on tess", png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(600, image.getHeight());
        assertTrue(hasPixel(image, 31, 119, 180, 30), "the training series colour is missing");
        assertTrue(hasPixel(image, 255, 127, 14, 30), "the validation series colour is missing");
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return seen.size();
    }

    private static boolean hasPixel(BufferedImage image, int r, int g, int b, int tolerance) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - r) <= tolerance && Math.abs(((rgb >> 8) & 0xff) - g) <= tolerance
                    && Math.abs((rgb & 0xff) - b) <= tolerance) {
                    return true;
                }
            }
        }
        return false;
    }
}
