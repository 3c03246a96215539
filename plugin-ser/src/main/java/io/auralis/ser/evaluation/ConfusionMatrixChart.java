package io.auralis.ser.evaluation;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Draws a confusion matrix as a heat map with JFreeChart: one cell per (true, predicted) pair, coloured by the
 * share of the true class's clips (so rare classes are as visible as common ones), with the count written in it.
 */
public final class ConfusionMatrixChart {

    private static final Color LOW = new Color(247, 251, 255);
    private static final Color HIGH = new Color(8, 48, 107);

    private ConfusionMatrixChart() {
    }

    /**
     * Builds the chart.
     *
     * @param matrix the counts
     * @param title the chart title
     * @return the chart
     */
    public static JFreeChart create(ConfusionMatrix matrix, String title) {
        List<String> classes = matrix.classes();
        int n = classes.size();
        double[] xs = new double[n * n];
        double[] ys = new double[n * n];
        double[] zs = new double[n * n];
        for (int t = 0; t < n; t++) {
            long support = matrix.support(t);
            for (int p = 0; p < n; p++) {
                int k = t * n + p;
                xs[k] = p;
                ys[k] = t;
                zs[k] = support == 0 ? 0 : matrix.count(t, p) / (double) support;
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("share of the true class", new double[][] {xs, ys, zs});

        String[] names = classes.toArray(new String[0]);
        SymbolAxis predicted = new SymbolAxis("predicted", names);
        predicted.setGridBandsVisible(false);
        predicted.setLowerMargin(0);
        predicted.setUpperMargin(0);
        predicted.setRange(-0.5, n - 0.5);
        predicted.setVerticalTickLabels(n > 6);
        SymbolAxis truth = new SymbolAxis("true", names);
        truth.setGridBandsVisible(false);
        truth.setRange(-0.5, n - 0.5);
        // First class at the top, as matrices are read.
        truth.setInverted(true);

        XYBlockRenderer renderer = new XYBlockRenderer();
        BluePaintScale scale = new BluePaintScale();
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, predicted, truth, renderer);
        plot.setDomainAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlinePaint(Color.GRAY);

        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, n > 8 ? 10 : 12);
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                XYTextAnnotation count = new XYTextAnnotation(Long.toString(matrix.count(t, p)), p, t);
                count.setFont(font);
                count.setPaint(zs[t * n + p] > 0.5 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(count);
            }
        }

        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        NumberAxis legendAxis = new NumberAxis("share of the true class");
        legendAxis.setRange(0, 1);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        legend.setStripWidth(12);
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        return chart;
    }

    /**
     * Writes the heat map as a PNG, sized to the number of classes.
     *
     * @param matrix the counts
     * @param title the chart title
     * @param file where to write
     * @throws IOException if it cannot be written
     */
    public static void writePng(ConfusionMatrix matrix, String title, Path file) throws IOException {
        int n = matrix.classes().size();
        int side = Math.max(420, 120 + 64 * n);
        ChartUtils.saveChartAsPNG(file.toFile(), create(matrix, title), side + 110, side);
    }

    /** White to dark blue over [0, 1]. */
    private static final class BluePaintScale implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public java.awt.Paint getPaint(double value) {
            double v = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
            return new Color(mix(LOW.getRed(), HIGH.getRed(), v), mix(LOW.getGreen(), HIGH.getGreen(), v),
                mix(LOW.getBlue(), HIGH.getBlue(), v));
        }

        private static int mix(int a, int b, double v) {
            return (int) Math.round(a + (b - a) * v);
        }
    }
}
