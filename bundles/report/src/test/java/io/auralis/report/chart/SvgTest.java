package io.auralis.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgTest {
    private static final Pattern STEP = Pattern.compile("([MlhL])(-?[0-9.]+)(?: ?(-?[0-9.]+))?");

    @Test
    void aPolylineMovesRelativelyAndARunAtOneHeightIsOneStep() {
        Svg.Polyline line = new Svg.Polyline();
        line.move(96.5, 318.9);
        line.to(97.5, 318.9);
        line.to(98.5, 318.94);
        line.to(99.5, 319.5);
        line.to(100.48, 318.2);
        line.move(120, 300);
        line.to(121, 300);
        assertEquals("M96.5 318.9h2l1 0.6l1-1.3M120 300h1", line.d().toString());
    }

    @Test
    void aPolylineVisitsEveryPointToATenthOfAPixelHoweverLong() {
        Random random = new Random(3);
        Svg.Polyline line = new Svg.Polyline();
        List<double[]> points = new ArrayList<>();
        double y = 300;
        for (int i = 0; i < 5000; i++) {
            double x = 96 + i * 0.198;
            y += random.nextInt(3) == 0 ? 0 : random.nextGaussian();
            points.add(new double[] {x, y});
            if (i == 0) {
                line.move(x, y);
            } else {
                line.to(x, y);
            }
        }
        // Walk the path back to absolute points; a horizontal run reaches its last point only.
        Matcher m = STEP.matcher(line.d());
        double px = 0;
        double py = 0;
        List<double[]> drawn = new ArrayList<>();
        while (m.find()) {
            double a = Double.parseDouble(m.group(2));
            switch (m.group(1)) {
                case "M" -> {
                    px = a;
                    py = Double.parseDouble(m.group(3));
                }
                case "l" -> {
                    px += a;
                    py += Double.parseDouble(m.group(3));
                }
                default -> px += a;
            }
            drawn.add(new double[] {px, py});
        }
        double[] last = points.get(points.size() - 1);
        double[] end = drawn.get(drawn.size() - 1);
        assertEquals(Math.round(last[0] * 10) / 10.0, end[0], 1e-6, "the line ends where its last point is");
        assertEquals(Math.round(last[1] * 10) / 10.0, end[1], 1e-6);
        for (double[] d : drawn) {
            boolean onAPoint = points.stream().anyMatch(p -> Math.abs(Math.round(p[0] * 10) / 10.0 - d[0]) < 1e-6
                && Math.abs(Math.round(p[1] * 10) / 10.0 - d[1]) < 1e-6);
            assertEquals(true, onAPoint, "a vertex off the points: " + d[0] + " " + d[1]);
        }
    }
}
