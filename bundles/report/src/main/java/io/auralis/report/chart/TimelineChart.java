package io.auralis.report.chart;

import io.auralis.api.emotion.EmotionResult;
import io.auralis.api.extractor.Feature;
import io.auralis.report.html.Html;
import io.auralis.report.record.EmotionTrack;
import io.auralis.report.record.RecordContent;
import io.auralis.report.record.SpanTrack;
import io.auralis.report.record.ValueTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One file's timeline as inline SVG, in bands over one time axis: a band of markers for each output placed at
 * arbitrary times ({@link SpanTrack}: speech segments, a plugin's intervals; drawn from the descriptor alone), the
 * emotion segments as a strip of boxes labelled with their emotion and confidence, the emotion probabilities as
 * stacked areas (blank where there is no speech), then loudness and pitch. Series are averaged onto at most
 * {@link #MAX_POINTS} cells ({@link TimeGrid}) and runs of equal cells are drawn as one step, so the markup costs
 * the same for an hour as for a minute, and a file whose emotions change per utterance costs a few points per
 * utterance.
 *
 * <p><b>Why SVG written here, not JFreeChart.</b> The report used to draw JFreeChart PNGs: 32 KB per file, 768 KB
 * for 24 files. JFreeChart draws onto a {@code Graphics2D}, so SVG needs an SVG {@code Graphics2D}: JFreeSVG is
 * GPL-3.0, which this BSD-licensed bundle cannot embed; Apache Batik (Apache-2.0) is several jars and megabytes
 * of DOM machinery for four kinds of shape; and either would emit what JFreeChart draws, one polygon per cell per
 * emotion for stacked areas. The charts are boxes, steps and lines on an axis, which this class writes directly;
 * the embedded JFreeChart jar (1.6 MB) is gone with it. The root element carries the plot's extent
 * ({@code data-x0}, {@code data-x1}, {@code data-seconds}) so that the page's script maps a click to a time.
 */
public final class TimelineChart {
    /** Width in pixels. */
    public static final int WIDTH = 1100;

    /** The most points per series: about one per horizontal pixel of the plot. */
    public static final int MAX_POINTS = 1000;

    private static final double FINEST_CELL = 0.02;
    private static final int LEFT = 96;
    private static final int RIGHT = 14;
    private static final int PLOT = WIDTH - LEFT - RIGHT;
    private static final int LEGEND = 20;
    private static final int MARKER_BAND = 22;
    private static final int STRIP_BAND = 26;
    private static final int EMOTION_BAND = 150;
    private static final int LINE_BAND = 80;
    private static final int GAP = 8;
    private static final int AXIS = 30;
    private static final String[] MARKER_COLOURS = {"#5c6bc0", "#8d6e63", "#00897b", "#ad1457", "#6d4c41"};
    private static final double[] TICK_SECONDS = {0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900,
        1800, 3600, 7200, 14400, 28800, 86400};

    private final double length;
    private double y = 4;

    private TimelineChart(double length) {
        this.length = length;
    }

    /**
     * Whether a record has anything this chart draws.
     *
     * @param content the record's content
     * @param duration the file's length in seconds
     * @return {@code true} when it has emotion results, loudness, pitch or markers
     */
    public static boolean hasData(RecordContent content, double duration) {
        return content.finestEmotions() != null
            || content.loudness() != null && !content.loudness().features().isEmpty()
            || content.pitch() != null && !content.pitch().features().isEmpty()
            || !markers(content, duration).isEmpty();
    }

    /**
     * The outputs drawn as bands of markers: those placed at arbitrary times that mark parts of the file, not a
     * value for the whole of it.
     *
     * @param content the record's content
     * @param duration the file's length in seconds
     * @return the tracks, in the workflow's output order
     */
    public static List<SpanTrack> markers(RecordContent content, double duration) {
        List<SpanTrack> tracks = new ArrayList<>();
        for (SpanTrack t : content.spans()) {
            if (!t.features().isEmpty() && !t.fileWide(duration)) {
                tracks.add(t);
            }
        }
        return tracks;
    }

    /**
     * The emotion output drawn as a strip of labelled boxes: the coarsest (merged segments rather than the windows
     * they were merged from), also when it is the only one, so that a file of one segment still shows its label.
     *
     * @param content the record's content
     * @return the track, or {@code null} without emotion results
     */
    public static EmotionTrack strip(RecordContent content) {
        return content.coarsestEmotions();
    }

    /**
     * Draws a record's timeline.
     *
     * @param content the record's content; {@link #hasData} must be {@code true}
     * @param duration the length of the audio in seconds, or 0 when unknown (then the features' extent is used)
     * @param label what the chart shows, for screen readers
     * @return the chart
     */
    public static SvgChart svg(RecordContent content, double duration, String label) {
        double length = length(content, duration);
        TimelineChart c = new TimelineChart(length);
        EmotionTrack finest = content.finestEmotions();
        List<SpanTrack> markers = markers(content, duration);
        int height = c.height(content, markers);
        Svg svg = new Svg(WIDTH, height, label, String.format(Locale.ROOT,
            " class=\"timeline\" data-x0=\"%d\" data-x1=\"%d\" data-seconds=\"%s\"", LEFT, LEFT + PLOT,
            Double.toString(length)));
        if (finest != null) {
            c.legend(svg, finest.classes());
        }
        for (int i = 0; i < markers.size(); i++) {
            c.markers(svg, markers.get(i), MARKER_COLOURS[i % MARKER_COLOURS.length]);
        }
        if (finest != null) {
            c.strip(svg, strip(content));
            c.areas(svg, finest);
        }
        if (content.loudness() != null && !content.loudness().features().isEmpty()) {
            c.loudness(svg, content.loudness());
        }
        if (content.pitch() != null && !content.pitch().features().isEmpty()) {
            c.pitch(svg, content.pitch());
        }
        double top = 4;
        c.axis(svg, top);
        // Moved along by the page's script while the file's audio plays.
        svg.raw("<path class=\"playhead\" d=\"M0 " + Svg.n(top) + "V" + Svg.n(c.y)
            + "\" stroke=\"#0b57d0\" stroke-width=\"1.5\" visibility=\"hidden\"/>");
        return svg.end(WIDTH, height);
    }

    private int height(RecordContent content, List<SpanTrack> markers) {
        int h = 4 + markers.size() * (MARKER_BAND + GAP);
        if (content.finestEmotions() != null) {
            h += LEGEND + STRIP_BAND + GAP + EMOTION_BAND + GAP;
        }
        if (content.loudness() != null && !content.loudness().features().isEmpty()) {
            h += LINE_BAND + GAP;
        }
        if (content.pitch() != null && !content.pitch().features().isEmpty()) {
            h += LINE_BAND + GAP;
        }
        return h + AXIS;
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
                    end = Math.max(end, f.end());
                }
            }
        }
        for (SpanTrack t : content.spans()) {
            for (Feature f : t.features()) {
                end = Math.max(end, f.end());
            }
        }
        return end > 0 ? end : 1;
    }

    private double x(double seconds) {
        return LEFT + Math.max(0, Math.min(1, seconds / length)) * PLOT;
    }

    private void bandLabel(Svg svg, String text, double height) {
        String shown = text.length() > 14 ? text.substring(0, 12) + "…" : text;
        svg.text(LEFT - 6, y + height / 2 + 4, "end", " fill=\"" + Svg.MUTED + "\"", shown);
    }

    private void legend(Svg svg, List<String> classes) {
        double x = LEFT;
        for (String c : classes) {
            svg.rect(x, y + 3, 10, 10, EmotionPalette.css(c), null);
            svg.text(x + 14, y + 12, "start", "", c);
            x += 22 + Svg.width(c, 11);
        }
        y += LEGEND;
    }

    private void markers(Svg svg, SpanTrack track, String colour) {
        bandLabel(svg, track.output(), MARKER_BAND);
        svg.rect(LEFT, y, PLOT, MARKER_BAND, "#f4f5f7", null);
        for (Feature f : track.features()) {
            double x0 = x(f.time);
            double w = Math.max(2, x(f.end()) - x0);
            String label = f.label == null ? "" : f.label;
            svg.rect(x0, y + 2, w, MARKER_BAND - 4, colour, track.output() + " " + label + " " + span(f.time, f.end())
                + (track.values(f).isEmpty() ? "" : ": " + track.values(f)));
            if (!label.isEmpty() && Svg.width(label, 10) + 6 < w) {
                svg.text(x0 + 3, y + MARKER_BAND / 2.0 + 4, "start", " fill=\"#fff\" font-size=\"10\"", label);
            }
        }
        y += MARKER_BAND + GAP;
    }

    private void strip(Svg svg, EmotionTrack track) {
        bandLabel(svg, track.output(), STRIP_BAND);
        if (track.results().size() > PLOT / 4) {
            columns(svg, track);
        } else {
            for (EmotionResult r : track.results()) {
                double x0 = x(r.time);
                double w = Math.max(1, x(r.time + r.duration) - x0);
                String text = r.label + " " + Html.confidence(r.confidence);
                svg.rect(x0, y + 2, w, STRIP_BAND - 4, EmotionPalette.css(r.label), r.label + ", confidence "
                    + Html.confidence(r.confidence) + ", " + span(r.time, r.time + r.duration));
                if (Svg.width(text, 11) + 6 < w) {
                    svg.text(x0 + 4, y + STRIP_BAND / 2.0 + 4, "start", "", text);
                }
            }
        }
        y += STRIP_BAND + GAP;
    }

    /**
     * A strip of more results than there is room to tell apart: each pixel column in the colour of the label that
     * holds most of its time, runs of one colour as one box. The table lists every result with its confidence.
     */
    private void columns(Svg svg, EmotionTrack track) {
        List<String> classes = track.classes();
        TimeGrid grid = new TimeGrid(length, PLOT, FINEST_CELL, classes.size());
        double[] owned = track.ownedSeconds();
        double[] one = new double[classes.size()];
        for (int i = 0; i < owned.length; i++) {
            EmotionResult r = track.results().get(i);
            int k = classes.indexOf(r.label);
            if (k >= 0) {
                java.util.Arrays.fill(one, 0);
                one[k] = 1;
                grid.add(r.time, r.time + owned[i], one);
            }
        }
        double cell = (double) PLOT / grid.cells();
        int runStart = 0;
        int runLabel = -2;
        for (int c = 0; c <= grid.cells(); c++) {
            int label = -1;
            if (c < grid.cells() && grid.coverage(c) > 0) {
                double[] m = grid.mean(c);
                for (int k = 0; k < m.length; k++) {
                    label = label < 0 || m[k] > m[label] ? k : label;
                }
            }
            if (label != runLabel || c == grid.cells()) {
                if (runLabel >= 0) {
                    svg.rect(LEFT + runStart * cell, y + 2, (c - runStart) * cell, STRIP_BAND - 4,
                        EmotionPalette.css(classes.get(runLabel)), null);
                }
                runStart = c;
                runLabel = label;
            }
        }
    }

    private void areas(Svg svg, EmotionTrack track) {
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
        int n = grid.cells();
        double top = y;
        double h = EMOTION_BAND;
        bandLabel(svg, "Emotion", 24);
        for (double f : new double[] {0, 0.5, 1}) {
            svg.line(LEFT, top + h * (1 - f), LEFT + PLOT, top + h * (1 - f), Svg.GRID);
            svg.text(LEFT - 6, top + h * (1 - f) + 4, "end", "", Html.percent(f));
        }
        // Cumulative tops, class by class: class k fills from the baseline to its top, and the classes are painted
        // from the last down, so each covers the one before it below its own top. One step edge per path, not two.
        double[][] tops = new double[classes.size()][n];
        boolean[] drawn = new boolean[classes.size()];
        for (int k = 0; k < classes.size(); k++) {
            for (int c = 0; c < n; c++) {
                double cover = Math.min(1, grid.coverage(c));
                double v = cover > 0 ? grid.mean(c)[k] * cover : 0;
                // Scaled by coverage: a cell half covered by speech is drawn half high, silence not at all.
                tops[k][c] = (k > 0 ? tops[k - 1][c] : 0) + (Double.isFinite(v) && v > 0 ? v : 0);
                drawn[k] |= tops[k][c] > (k > 0 ? tops[k - 1][c] : 0) + 1e-4;
            }
        }
        for (int k = classes.size() - 1; k >= 0; k--) {
            if (drawn[k]) {
                svg.path(steps(tops[k], top, h), EmotionPalette.css(classes.get(k)), "none", 0);
            }
        }
        y += EMOTION_BAND + GAP;
    }

    /**
     * The area under a step edge, one step per cell, runs of cells at the same height (whole pixels: finer does not
     * show in a band this high) as one step.
     */
    private static CharSequence steps(double[] upper, double top, double h) {
        int n = upper.length;
        double cell = (double) PLOT / n;
        StringBuilder d = new StringBuilder(64);
        long prev = Math.round(top + h * (1 - upper[0]));
        d.append('M').append(LEFT).append(' ').append(Math.round(top + h)).append('V').append(prev);
        for (int c = 1; c < n; c++) {
            long yy = Math.round(top + h * (1 - upper[c]));
            if (yy != prev) {
                d.append('H').append(Svg.n(LEFT + c * cell)).append('V').append(yy);
                prev = yy;
            }
        }
        return d.append('H').append(LEFT + PLOT).append('V').append(Math.round(top + h)).append('Z');
    }

    private void loudness(Svg svg, ValueTrack track) {
        double[] values = averaged(track, ValueTrack.Averaging.POWER);
        double[] range = range(values);
        double lo = range[0];
        double hi = range[1];
        // Digital silence reads -100 dBFS or less; showing it would flatten the speech into a line at the top.
        double top = Double.isFinite(hi) ? Math.max(0, Math.ceil(hi)) : 0;
        double bottom = Double.isFinite(lo) ? Math.floor(Math.max(lo, -80) / 10) * 10 : -80;
        if (top - bottom < 20) {
            bottom = top - 20;
        }
        line(svg, "Level (" + unit(track, "dBFS") + ")", values, bottom, top, "#37474f");
    }

    private void pitch(Svg svg, ValueTrack track) {
        double[] values = averaged(track, ValueTrack.Averaging.LOG);
        double[] range = range(values);
        double lo = range[0];
        double hi = range[1];
        double bottom = Double.isFinite(lo) ? Math.floor(lo / 50) * 50 : 0;
        double top = Double.isFinite(hi) ? Math.max(bottom + 50, Math.ceil(hi / 50) * 50) : 500;
        line(svg, "Pitch (" + unit(track, "Hz") + ")", values, bottom, top, "#00697c");
    }

    /** The smallest and largest finite value, infinities when there is none. */
    private static double[] range(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {lo, hi};
    }

    private void line(Svg svg, String name, double[] values, double bottom, double top, String colour) {
        double h = LINE_BAND;
        double y0 = y;
        svg.text(LEFT - 6, y0 + 10, "end", " fill=\"" + Svg.MUTED + "\"", name.substring(0, name.indexOf(' ')));
        for (double f : new double[] {0, 1}) {
            svg.line(LEFT, y0 + h * (1 - f), LEFT + PLOT, y0 + h * (1 - f), Svg.GRID);
        }
        String unit = name.substring(name.indexOf('(') + 1, name.length() - 1);
        svg.text(LEFT - 6, y0 + 26, "end", "", Svg.n(top) + " " + unit);
        svg.text(LEFT - 6, y0 + h + 4, "end", "", Svg.n(bottom));
        double cell = (double) PLOT / values.length;
        Svg.Polyline d = new Svg.Polyline();
        for (int c = 0; c < values.length; c++) {
            if (!Double.isFinite(values[c])) {
                continue;
            }
            double vx = LEFT + (c + 0.5) * cell;
            double vy = y0 + h * (1 - (Math.max(bottom, Math.min(top, values[c])) - bottom) / (top - bottom));
            boolean joined = c > 0 && Double.isFinite(values[c - 1]);
            boolean next = c + 1 < values.length && Double.isFinite(values[c + 1]);
            if (!joined && !next) {
                // A value with no neighbour to draw a line to (a short voiced stretch): a dot.
                svg.circle(vx, vy, 1.6, colour);
                continue;
            }
            if (joined) {
                d.to(vx, vy);
            } else {
                d.move(vx, vy);
            }
        }
        if (!d.isEmpty()) {
            svg.path(d.d(), "none", colour, 1.3);
        }
        y += LINE_BAND + GAP;
    }

    private double[] averaged(ValueTrack track, ValueTrack.Averaging how) {
        TimeGrid grid = new TimeGrid(length, MAX_POINTS, FINEST_CELL, 1);
        List<Feature> features = track.features();
        double[] v = new double[1];
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            v[0] = how.in(f.values[0]);
            if (!Double.isFinite(v[0])) {
                continue;
            }
            double end = f.duration > 0 ? f.end() : f.time;
            if (i + 1 < features.size()) {
                end = Math.min(end > f.time ? end : features.get(i + 1).time, features.get(i + 1).time);
            }
            grid.add(f.time, end, v);
        }
        double[] values = new double[grid.cells()];
        for (int c = 0; c < values.length; c++) {
            double m = grid.mean(c)[0];
            values[c] = Double.isNaN(m) ? Double.NaN : how.out(m);
        }
        return values;
    }

    private void axis(Svg svg, double top) {
        double tick = TICK_SECONDS[TICK_SECONDS.length - 1];
        for (double s : TICK_SECONDS) {
            if (length / s <= 10) {
                tick = s;
                break;
            }
        }
        boolean clock = length >= 120;
        for (double t = 0; t <= length + 1e-9; t += tick) {
            double tx = x(t);
            // Tick marks only: lines through the bands would read as gaps in the areas.
            svg.line(tx, y - GAP, tx, y + 4, Svg.GRID);
            svg.text(tx, y + 16, t == 0 ? "start" : "middle", "", clock(t, clock));
        }
        svg.text(LEFT + PLOT, y + 28, "end", " fill=\"" + Svg.MUTED + "\"", clock ? "time (m:ss)" : "time (s)");
        y += AXIS;
    }

    private static String clock(double seconds, boolean clock) {
        if (!clock) {
            return seconds == Math.rint(seconds) ? String.valueOf((long) seconds)
                : String.format(Locale.ROOT, "%.1f", seconds);
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
            : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String span(double start, double end) {
        return String.format(Locale.ROOT, "%.2f–%.2f s", start, end);
    }

    private static String unit(ValueTrack track, String fallback) {
        return track.unit() == null || track.unit().isBlank() ? fallback : track.unit();
    }
}
