package io.auralis.report.chart;

import io.auralis.report.html.Html;
import java.awt.Color;
import java.util.Locale;

/**
 * Writes the few SVG elements the report's charts are made of, with coordinates rounded to a tenth of a pixel
 * (finer does not show, and every digit counts in a report of a thousand files).
 */
final class Svg {
    static final String INK = "#333";
    static final String MUTED = "#666";
    static final String GRID = "#ddd";

    private final StringBuilder b = new StringBuilder(8192);

    /**
     * Starts a drawing.
     *
     * @param width width in pixels
     * @param height height in pixels
     * @param label what it shows, for screen readers
     * @param attributes further attributes, already escaped, or empty
     */
    Svg(int width, int height, String label, String attributes) {
        b.append("<svg viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" width=\"").append(width)
            .append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"").append(Html.escape(label))
            .append('"').append(attributes).append(" font-size=\"11\" fill=\"").append(INK).append("\">");
    }

    static String n(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }

    /**
     * A line through points, written in as few characters as it can be: moves relative to the point before, a run
     * of points at one height as one horizontal move, in tenths of a pixel as every coordinate here. Relative moves
     * are taken between rounded positions, so the rounding never adds up along the line.
     */
    static final class Polyline {
        private final StringBuilder d = new StringBuilder(256);
        private double x;
        private double y;
        private double pending = Double.NaN;

        /** Starts a stretch of the line at a point. */
        void move(double px, double py) {
            flush();
            x = tenth(px);
            y = tenth(py);
            d.append('M').append(n(x)).append(' ').append(n(y));
        }

        /** Draws on to a point. */
        void to(double px, double py) {
            double rx = tenth(px);
            double ry = tenth(py);
            if (ry == y) {
                pending = rx;
                return;
            }
            flush();
            String dy = n(ry - y);
            d.append('l').append(n(rx - x)).append(dy.startsWith("-") ? "" : " ").append(dy);
            x = rx;
            y = ry;
        }

        private void flush() {
            if (!Double.isNaN(pending)) {
                d.append('h').append(n(pending - x));
                x = pending;
                pending = Double.NaN;
            }
        }

        boolean isEmpty() {
            return d.length() == 0;
        }

        /** The path's {@code d}. */
        CharSequence d() {
            flush();
            return d;
        }

        private static double tenth(double v) {
            return Math.round(v * 10) / 10.0;
        }
    }

    static String css(Color c) {
        return String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xFFFFFF);
    }

    Svg rect(double x, double y, double w, double h, String fill, String title) {
        b.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
            .append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill).append('"');
        if (title == null) {
            b.append("/>");
        } else {
            b.append("><title>").append(Html.escape(title)).append("</title></rect>");
        }
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke) {
        b.append("<path d=\"M").append(n(x1)).append(' ').append(n(y1)).append('L').append(n(x2)).append(' ')
            .append(n(y2)).append("\" stroke=\"").append(stroke).append("\"/>");
        return this;
    }

    /** A path: {@code d} as built by the caller; {@code fill} or {@code stroke} {@code none} as needed. */
    Svg path(CharSequence d, String fill, String stroke, double strokeWidth) {
        b.append("<path d=\"").append(d).append("\" fill=\"").append(fill).append('"');
        if (!"none".equals(stroke)) {
            b.append(" stroke=\"").append(stroke).append("\" stroke-width=\"").append(n(strokeWidth))
                .append("\" stroke-linejoin=\"round\"");
        }
        b.append("/>");
        return this;
    }

    Svg circle(double x, double y, double r, String fill) {
        b.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"").append(n(r))
            .append("\" fill=\"").append(fill).append("\"/>");
        return this;
    }

    /**
     * Text.
     *
     * @param anchor {@code start}, {@code middle} or {@code end}
     * @param extra further attributes, already escaped, or empty
     */
    Svg text(double x, double y, String anchor, String extra, String text) {
        b.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"');
        if (!"start".equals(anchor)) {
            b.append(" text-anchor=\"").append(anchor).append('"');
        }
        b.append(extra).append('>').append(Html.escape(text)).append("</text>");
        return this;
    }

    /** Markup the caller built, such as an element the page's script looks for. */
    Svg raw(String markup) {
        b.append(markup);
        return this;
    }

    /** A rough width of text at the drawing's 11 px sans-serif, to decide whether a label fits. */
    static double width(String text, double size) {
        return text.length() * size * 0.56;
    }

    SvgChart end(int width, int height) {
        b.append("</svg>");
        return new SvgChart(b.toString(), width, height);
    }
}
