package io.auralis.report.chart;

import io.auralis.api.emotion.EmotionResult;
import io.auralis.api.extractor.Feature;
import io.auralis.report.record.EmotionTrack;
import io.auralis.report.record.RecordContent;
import io.auralis.report.record.ValueTrack;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One file's timeline as a single image: the emotion probabilities as stacked areas (one colour per class,
 * blank where there is no speech), with loudness and pitch beneath on the same time axis. Series are averaged
 * onto at most {@link #MAX_POINTS} cells ({@link TimeGrid}), so the image costs the same for a minute as for an
 * hour.
 */
public final class TimelineChart {
    /** Image width in pixels. */
    public static final int WIDTH = 1100;

    /** The most points per series: about one per horizontal pixel of the plot. */
    public static final int MAX_POINTS = 1000;

    private static final double FINEST_CELL = 0.02;
    private static final int STRIP_HEIGHT = 46;
    private static final int EMOTION_HEIGHT = 210;
    private static final int LINE_HEIGHT = 120;
    private static final int FRAME_HEIGHT = 75;
    private static final double[] TICK_SECONDS = {0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900,
        1800, 3600, 7200, 14400, 28800, 86400};

    private TimelineChart() {
    }

    /**
     * Whether a record has anything this chart draws.
     *
     * @param content the record's content
     * @return {@code true} when it has emotion results, loudness or pitch
     */
    public static boolean hasData(RecordContent content) {
        return content.finestEmotions() != null
            || content.loudness() != null && !content.loudness().features().isEmpty()
            || content.pitch() != null && !content.pitch().features().isEmpty();
    }

    /**
     * Draws a record's timeline.
     *
     * @param content the record's content; {@link #hasData} must be {@code true}
     * @param duration the length of the audio in seconds, or 0 when unknown (then the features' extent is used)
     * @return the image
     */
    public static Png png(RecordContent content, double duration) {
        ChartImages.headless();
        double length = length(content, duration);
        NumberAxis time = timeAxis(length);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(14);
        int height = FRAME_HEIGHT;
        EmotionTrack emotions = content.finestEmotions();
        EmotionTrack segments = strip(content);
        LegendItemCollection legend = new LegendItemCollection();
        // Weights are the plots' heights in pixels, so each keeps its height whichever others are present.
        if (segments != null) {
            plot.add(segmentPlot(segments), STRIP_HEIGHT);
            height += STRIP_HEIGHT;
        }
        if (emotions != null) {
            plot.add(emotionPlot(emotions, length, legend), EMOTION_HEIGHT);
            height += EMOTION_HEIGHT;
        }
        if (content.loudness() != null && !content.loudness().features().isEmpty()) {
            plot.add(loudnessPlot(content.loudness(), length), LINE_HEIGHT);
            height += LINE_HEIGHT;
        }
        if (content.pitch() != null && !content.pitch().features().isEmpty()) {
            plot.add(pitchPlot(content.pitch(), length), LINE_HEIGHT);
            height += LINE_HEIGHT;
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(null, ChartStyle.TITLE, plot, emotions != null);
        ChartStyle.chart(chart);
        if (chart.getLegend() != null) {
            chart.getLegend().setPosition(RectangleEdge.TOP);
        }
        return ChartImages.png(chart, WIDTH, height);
    }

    /**
     * Whether {@link #png} draws a strip of segments above the probabilities: when the record has an emotion
     * output coarser than the one whose probabilities are drawn.
     *
     * @param content the record's content
     * @return the output drawn as a strip, or {@code null}
     */
    public static EmotionTrack strip(RecordContent content) {
        EmotionTrack finest = content.finestEmotions();
        EmotionTrack coarsest = content.coarsestEmotions();
        return finest != null && coarsest.results().size() < finest.results().size() ? coarsest : null;
    }

    private static double length(RecordContent content, double duration) {
        if (duration > 0 && Double.isFinite(duration)) {
            return duration;
        }
        double end = 0;
        EmotionTrack e = content.finestEmotions();
        if (e != null) {
            for (EmotionResult r : e.results()) {
                end = Math.max(end, r.time + r.duration);
            }
        }
        for (ValueTrack t : new ValueTrack[] {content.loudness(), content.pitch()}) {
            if (t != null) {
                for (Feature f : t.features()) {
                    end = Math.max(end, f.time + f.duration);
                }
            }
        }
        return end > 0 ? end : 1;
    }

    private static NumberAxis timeAxis(double length) {
        boolean clock = length >= 120;
        NumberAxis axis = new NumberAxis(clock ? "Time (m:ss)" : "Time (s)");
        TickUnits units = new TickUnits();
        ClockFormat format = new ClockFormat(clock);
        for (double s : TICK_SECONDS) {
            units.add(new NumberTickUnit(s, format));
        }
        axis.setStandardTickUnits(units);
        axis.setRange(0, length);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        ChartStyle.axis(axis);
        return axis;
    }

    private static XYPlot emotionPlot(EmotionTrack track, double length, LegendItemCollection legend) {
        List<String> classes = track.classes();
        TimeGrid grid = new TimeGrid(length, MAX_POINTS, FINEST_CELL, classes.size());
        double[] owned = track.ownedSeconds();
        double[] p = new double[classes.size()];
        for (int i = 0; i < owned.length; i++) {
            EmotionResult r = track.results().get(i);
            for (int k = 0; k < p.length; k++) {
                p[k] = r.probability(classes.get(k));
            }
            grid.add(r.time, r.time + owned[i], p);
        }
        DefaultTableXYDataset data = new DefaultTableXYDataset();
        XYSeries[] series = new XYSeries[classes.size()];
        for (int k = 0; k < series.length; k++) {
            series[k] = new XYSeries(classes.get(k), true, false);
        }
        for (int c = 0; c < grid.cells(); c++) {
            double cover = Math.min(1, grid.coverage(c));
            double[] mean = grid.mean(c);
            for (int k = 0; k < series.length; k++) {
                // Scaled by coverage: a cell half covered by speech is drawn half high, silence not at all.
                series[k].add(grid.centre(c), cover > 0 ? mean[k] * cover : 0, false);
            }
        }
        StackedXYAreaRenderer2 renderer = new SharpAreaRenderer();
        renderer.setRoundXCoordinates(true);
        for (int k = 0; k < series.length; k++) {
            data.addSeries(series[k]);
            Color colour = EmotionPalette.colour(classes.get(k));
            renderer.setSeriesPaint(k, colour);
            legend.add(new LegendItem(classes.get(k), colour));
        }
        NumberAxis axis = new NumberAxis("Emotion");
        axis.setRange(0, 1);
        axis.setTickUnit(new NumberTickUnit(0.25, NumberFormat.getPercentInstance(Locale.ROOT)));
        ChartStyle.axis(axis);
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        ChartStyle.plot(plot);
        return plot;
    }

    /**
     * The segments of a coarser emotion output (such as {@code auralis.emotion-timeline}'s) as a strip of boxes in
     * the colour of their labels, above the per-window probabilities they were merged from.
     */
    private static XYPlot segmentPlot(EmotionTrack track) {
        NumberAxis axis = new NumberAxis("Segments");
        axis.setRange(0, 1);
        axis.setTickLabelsVisible(false);
        axis.setTickMarksVisible(false);
        ChartStyle.axis(axis);
        axis.setLabelFont(ChartStyle.SMALL);
        XYPlot plot = new XYPlot(null, null, axis, new XYLineAndShapeRenderer(false, false));
        ChartStyle.plot(plot);
        plot.setRangeGridlinesVisible(false);
        for (EmotionResult r : track.results()) {
            Color colour = EmotionPalette.colour(r.label);
            plot.addAnnotation(new XYBoxAnnotation(r.time, 0.12, r.time + r.duration, 0.88, ChartStyle.HAIRLINE,
                Color.WHITE, colour), false);
        }
        return plot;
    }

    private static XYPlot loudnessPlot(ValueTrack track, double length) {
        // Averaged as power, then back to decibels: the level of the whole cell, as a longer block would read.
        double[] values = averaged(track, length, v -> Math.pow(10, v / 10), m -> 10 * Math.log10(m));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        // Digital silence reads -100 dBFS or less; showing it would flatten the speech into a line at the top.
        double top = Double.isFinite(hi) ? Math.max(0, Math.ceil(hi)) : 0;
        double bottom = Double.isFinite(lo) ? Math.floor(Math.max(lo, -80) / 10) * 10 : -80;
        if (top - bottom < 20) {
            bottom = top - 20;
        }
        NumberAxis axis = new NumberAxis(label("Level", track.unit(), "dBFS"));
        axis.setRange(bottom, top);
        axis.setNumberFormatOverride(new DecimalFormat("0"));
        return linePlot(track, length, values, axis, ChartStyle.LOUDNESS);
    }

    private static XYPlot pitchPlot(ValueTrack track, double length) {
        // Averaged on a log scale, as pitch is heard.
        double[] values = averaged(track, length, v -> v > 0 ? Math.log(v) : Double.NaN, Math::exp);
        NumberAxis axis = new NumberAxis(label("Pitch", track.unit(), "Hz"));
        axis.setAutoRangeIncludesZero(false);
        axis.setNumberFormatOverride(new DecimalFormat("0"));
        return linePlot(track, length, values, axis, ChartStyle.PITCH);
    }

    private static XYPlot linePlot(ValueTrack track, double length, double[] values, NumberAxis axis,
            Color colour) {
        TimeGrid grid = new TimeGrid(length, MAX_POINTS, FINEST_CELL, 1);
        XYSeries series = new XYSeries(track.output(), false, true);
        for (int c = 0; c < values.length; c++) {
            // A missing value breaks the line: unvoiced stretches, gaps between features.
            series.add(grid.centre(c), Double.isFinite(values[c]) ? values[c] : null, false);
        }
        XYLineAndShapeRenderer renderer = new GapLineRenderer(values);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        renderer.setSeriesPaint(0, colour);
        renderer.setSeriesStroke(0, ChartStyle.LINE);
        ChartStyle.axis(axis);
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), null, axis, renderer);
        ChartStyle.plot(plot);
        return plot;
    }

    private static double[] averaged(ValueTrack track, double length, java.util.function.DoubleUnaryOperator in,
            java.util.function.DoubleUnaryOperator out) {
        TimeGrid grid = new TimeGrid(length, MAX_POINTS, FINEST_CELL, 1);
        List<Feature> features = track.features();
        double[] v = new double[1];
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            v[0] = in.applyAsDouble(f.values[0]);
            if (!Double.isFinite(v[0])) {
                continue;
            }
            double end = f.duration > 0 ? f.time + f.duration : f.time;
            if (i + 1 < features.size()) {
                end = Math.min(end > f.time ? end : features.get(i + 1).time, features.get(i + 1).time);
            }
            grid.add(f.time, end, v);
        }
        double[] values = new double[grid.cells()];
        for (int c = 0; c < values.length; c++) {
            double m = grid.mean(c)[0];
            values[c] = Double.isNaN(m) ? Double.NaN : out.applyAsDouble(m);
        }
        return values;
    }

    /**
     * A line broken where values are missing, with a dot for each value that has no neighbour to draw a line to
     * (a short voiced stretch between unvoiced ones), which a plain line renderer would not show at all.
     */
    private static final class GapLineRenderer extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;
        private final boolean[] isolated;

        GapLineRenderer(double[] values) {
            super(true, true);
            isolated = new boolean[values.length];
            for (int i = 0; i < values.length; i++) {
                isolated[i] = Double.isFinite(values[i]) && (i == 0 || !Double.isFinite(values[i - 1]))
                    && (i == values.length - 1 || !Double.isFinite(values[i + 1]));
            }
        }

        @Override
        public boolean getItemShapeVisible(int series, int item) {
            return item < isolated.length && isolated[item];
        }
    }

    /**
     * Stacked areas drawn without anti-aliasing: their edges are steps of whole cells, which smoothing does not
     * improve, and the blended edge pixels double the size of the PNG.
     */
    private static final class SharpAreaRenderer extends StackedXYAreaRenderer2 {
        private static final long serialVersionUID = 1L;

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                CrosshairState crosshairState, int pass) {
            Object before = g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            try {
                super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
                    crosshairState, pass);
            } finally {
                g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, before);
            }
        }
    }

    private static String label(String name, String unit, String fallback) {
        String u = unit == null || unit.isBlank() ? fallback : unit;
        return name + " (" + u + ")";
    }
}
