package io.auralis.report.chart;

import io.auralis.report.html.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The corpus overview's bar charts, one bar per emotion in the emotion's colour, as inline SVG. */
public final class OverviewCharts {
    /** Width of each overview chart in pixels; two sit side by side. */
    public static final int WIDTH = 530;

    /** Height of each overview chart in pixels. */
    public static final int HEIGHT = 260;

    private static final int LEFT = 48;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;

    private OverviewCharts() {
    }

    /**
     * How many files each emotion dominates.
     *
     * @param counts files per dominant emotion, in the order to draw
     * @return the chart
     */
    public static SvgChart dominantEmotions(Map<String, Integer> counts) {
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        // Whole numbers of files on the axis, the top a round number at or above the largest bar.
        int step = Math.max(1, (int) Math.ceil(max / 4.0));
        int top = Math.max(1, (int) Math.ceil(max / (double) step)) * step;
        List<Double> ticks = new ArrayList<>();
        for (int t = 0; t <= top; t += step) {
            ticks.add((double) t);
        }
        List<Double> values = counts.values().stream().map(Integer::doubleValue).toList();
        return bars("Dominant emotion of each file", new ArrayList<>(counts.keySet()), values, top, ticks,
            v -> String.valueOf(Math.round(v)), "files");
    }

    /**
     * Each emotion's share of all the speech in the corpus, on an axis to 100 %.
     *
     * @param shares share per emotion, 0 to 1, in the order to draw
     * @return the chart
     */
    public static SvgChart speechShares(Map<String, Double> shares) {
        return bars("Share of speech time, all files", new ArrayList<>(shares.keySet()),
            new ArrayList<>(shares.values()), 1, List.of(0.0, 0.25, 0.5, 0.75, 1.0), Html::percent, "");
    }

    private static SvgChart bars(String title, List<String> names, List<Double> values, double top,
            List<Double> ticks, java.util.function.DoubleFunction<String> format, String unit) {
        Svg svg = new Svg(WIDTH, HEIGHT, title, "");
        svg.text(WIDTH / 2.0, 18, "middle", " font-size=\"14\" font-weight=\"bold\"", title);
        double plotW = WIDTH - LEFT - 12;
        double plotH = HEIGHT - TOP - BOTTOM;
        for (double t : ticks) {
            double ty = TOP + plotH * (1 - t / top);
            svg.line(LEFT, ty, LEFT + plotW, ty, Svg.GRID);
            svg.text(LEFT - 6, ty + 4, "end", "", format.apply(t));
        }
        if (!unit.isEmpty()) {
            svg.text(12, TOP - 8, "start", " fill=\"" + Svg.MUTED + "\"", unit);
        }
        double slot = plotW / Math.max(1, names.size());
        double bar = Math.min(48, slot * 0.6);
        for (int i = 0; i < names.size(); i++) {
            double v = Math.max(0, values.get(i));
            double bh = plotH * Math.min(1, v / top);
            double bx = LEFT + slot * i + (slot - bar) / 2;
            svg.rect(bx, TOP + plotH - bh, bar, bh, EmotionPalette.css(names.get(i)),
                names.get(i) + ": " + format.apply(v));
            svg.text(bx + bar / 2, TOP + plotH - bh - 4, "middle", "", format.apply(v));
            svg.text(bx + bar / 2, TOP + plotH + 16, "middle", "", names.get(i));
        }
        return svg.end(WIDTH, HEIGHT);
    }
}
