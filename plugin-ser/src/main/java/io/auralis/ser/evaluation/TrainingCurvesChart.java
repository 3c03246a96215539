package io.auralis.ser.evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws training curves with JFreeChart: loss (top) and accuracy (bottom) per epoch, training against validation,
 * on a shared epoch axis.
 */
public final class TrainingCurvesChart {

    private static final Color TRAIN = new Color(31, 119, 180);
    private static final Color VALIDATION = new Color(255, 127, 14);

    /**
     * One epoch's figures; {@code NaN} where there was no validation data.
     *
     * @param epoch the 1-based epoch
     * @param trainLoss mean training loss
     * @param trainAccuracy training accuracy in [0, 1]
     * @param validationLoss mean validation loss
     * @param validationAccuracy validation accuracy in [0, 1]
     */
    public record Point(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                        double validationAccuracy) {
    }

    private TrainingCurvesChart() {
    }

    /**
     * Builds the chart.
     *
     * @param history one point per epoch, in order
     * @param title the chart title
     * @return the chart
     */
    public static JFreeChart create(List<Point> history, String title) {
        XYSeries trainLoss = new XYSeries("training");
        XYSeries validationLoss = new XYSeries("validation");
        XYSeries trainAccuracy = new XYSeries("training");
        XYSeries validationAccuracy = new XYSeries("validation");
        for (Point p : history) {
            addFinite(trainLoss, p.epoch(), p.trainLoss());
            addFinite(validationLoss, p.epoch(), p.validationLoss());
            addFinite(trainAccuracy, p.epoch(), 100 * p.trainAccuracy());
            addFinite(validationAccuracy, p.epoch(), 100 * p.validationAccuracy());
        }
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochs);
        plot.setGap(12);
        plot.add(subplot(trainLoss, validationLoss, "loss (NLL)", true), 1);
        // Both panels use the same colours: one legend entry per series is enough.
        plot.add(subplot(trainAccuracy, validationAccuracy, "accuracy (%)", false), 1);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * Writes the chart as a PNG.
     *
     * @param history one point per epoch, in order
     * @param title the chart title
     * @param file where to write
     * @throws IOException if it cannot be written
     */
    public static void writePng(List<Point> history, String title, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), create(history, title), 800, 600);
    }

    private static XYPlot subplot(XYSeries train, XYSeries validation, String label, boolean inLegend) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(train);
        data.addSeries(validation);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, train.getItemCount() <= 60);
        renderer.setSeriesPaint(0, TRAIN);
        renderer.setSeriesPaint(1, VALIDATION);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        renderer.setSeriesVisibleInLegend(0, inLegend);
        renderer.setSeriesVisibleInLegend(1, inLegend);
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    private static void addFinite(XYSeries series, int x, double y) {
        if (Double.isFinite(y)) {
            series.add(x, y);
        }
    }
}
