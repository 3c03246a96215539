package io.auralis.report.chart;

import java.awt.Paint;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** The corpus overview's bar charts, one bar per emotion in the emotion's colour. */
public final class OverviewCharts {
    /** Width of each overview chart in pixels; two sit side by side. */
    public static final int WIDTH = 530;

    /** Height of each overview chart in pixels. */
    public static final int HEIGHT = 300;

    private OverviewCharts() {
    }

    /**
     * How many files each emotion dominates.
     *
     * @param counts files per dominant emotion, in the order to draw
     * @return the image
     */
    public static Png dominantEmotions(Map<String, Integer> counts) {
        ChartImages.headless();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        counts.forEach((emotion, n) -> data.addValue(n, "files", emotion));
        NumberAxis axis = new NumberAxis("Files");
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setUpperMargin(0.12);
        return bars("Dominant emotion of each file", data, axis,
            new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0")));
    }

    /**
     * Each emotion's share of all the speech in the corpus.
     *
     * @param shares share per emotion, 0 to 1, in the order to draw
     * @return the image
     */
    public static Png speechShares(Map<String, Double> shares) {
        ChartImages.headless();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        shares.forEach((emotion, share) -> data.addValue(share, "share", emotion));
        NumberAxis axis = new NumberAxis("Share of speech time");
        NumberFormat percent = NumberFormat.getPercentInstance(Locale.ROOT);
        axis.setNumberFormatOverride(percent);
        axis.setUpperMargin(0.12);
        return bars("Share of speech time, all files", data, axis,
            new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0%")));
    }

    private static Png bars(String title, DefaultCategoryDataset data, NumberAxis valueAxis,
            StandardCategoryItemLabelGenerator labels) {
        @SuppressWarnings("unchecked")
        List<String> emotions = data.getColumnKeys();
        BarRenderer renderer = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return EmotionPalette.colour(emotions.get(column));
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(labels);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.TICKS);
        renderer.setDefaultItemLabelPaint(ChartStyle.INK);
        CategoryAxis categories = new CategoryAxis(null);
        if (emotions.size() > 6) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        ChartStyle.axis(categories);
        ChartStyle.axis(valueAxis);
        CategoryPlot plot = new CategoryPlot(data, categories, valueAxis, renderer);
        ChartStyle.plot(plot);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, false);
        ChartStyle.chart(chart);
        return ChartImages.png(chart, WIDTH, HEIGHT);
    }
}
