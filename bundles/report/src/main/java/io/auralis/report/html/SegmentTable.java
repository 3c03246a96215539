package io.auralis.report.html;

import io.auralis.api.emotion.EmotionResult;
import io.auralis.api.extractor.Feature;
import io.auralis.report.chart.TimelineChart;
import io.auralis.report.record.EmotionTrack;
import io.auralis.report.record.RecordContent;
import io.auralis.report.record.SpanTrack;
import io.auralis.report.record.ValueTrack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A file's segments as a table: one row per feature of every emotion output and of every output the timeline
 * marks (speech segments, a plugin's intervals: whatever is placed at arbitrary times), with its start, end,
 * output, label, the model's confidence for emotion labels, the feature's own values named as its descriptor
 * names them, and the loudness and pitch over its span. The page's script sorts it by any column, filters it by
 * text and by output, and plays the file from a row's start when the row is clicked.
 *
 * <p>Rows are sorted by start. A file with more than {@link #MAX_ROWS} rows shows the first ones and says how many
 * were left out, so that a day-long recording cannot make the page unusable.
 */
final class SegmentTable {
    /** The most rows of one file's table. */
    static final int MAX_ROWS = 2000;

    private SegmentTable() {
    }

    private record Row(double start, double end, String output, String label, double confidence, String values) {
    }

    static void render(StringBuilder b, RecordContent content, double duration) {
        List<Row> rows = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (EmotionTrack t : content.emotions()) {
            outputs.add(t.output());
            for (EmotionResult r : t.results()) {
                rows.add(new Row(r.time, r.time + r.duration, t.output(), r.label, r.confidence, ""));
            }
        }
        for (SpanTrack t : TimelineChart.markers(content, duration)) {
            outputs.add(t.output());
            for (Feature f : t.features()) {
                rows.add(new Row(f.time, t.descriptor().hasDuration ? f.end() : f.time, t.output(), f.label,
                    Double.NaN, t.values(f)));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        rows.sort(Comparator.comparingDouble(Row::start).thenComparing(Row::output));
        ValueTrack level = content.loudness();
        ValueTrack pitch = content.pitch();
        b.append("<details class=\"segments\" open><summary>")
            .append(Html.count(rows.size(), "segment", "segments")).append(" of ")
            .append(Html.escape(String.join(", ", outputs))).append("</summary>\n");
        b.append("<div class=\"filter\"><input type=\"search\" placeholder=\"Filter rows (label, output, value)\" ")
            .append("aria-label=\"Filter rows\"> <select aria-label=\"Output\"><option value=\"\">all outputs</option>");
        for (String o : outputs) {
            b.append("<option>").append(Html.escape(o)).append("</option>");
        }
        b.append("</select></div>\n");
        b.append("<table class=\"segments sortable\">\n<thead><tr><th class=\"num\" data-sort=\"n\">Start (s)</th>")
            .append("<th class=\"num\" data-sort=\"n\">End (s)</th><th>Output</th><th>Label</th>")
            .append("<th class=\"num\" data-sort=\"n\">Confidence</th><th>Values</th>");
        if (level != null) {
            b.append("<th class=\"num\" data-sort=\"n\">Level (").append(Html.escape(unit(level, "dBFS")))
                .append(")</th>");
        }
        if (pitch != null) {
            b.append("<th class=\"num\" data-sort=\"n\">Pitch (").append(Html.escape(unit(pitch, "Hz")))
                .append(")</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        int shown = Math.min(rows.size(), MAX_ROWS);
        for (int i = 0; i < shown; i++) {
            Row r = rows.get(i);
            b.append("<tr data-t=\"").append(seconds(r.start())).append("\">");
            num(b, r.start(), seconds(r.start()));
            num(b, r.end(), seconds(r.end()));
            b.append("<td>").append(Html.escape(r.output())).append("</td><td>");
            if (r.label() != null) {
                if (!Double.isNaN(r.confidence())) {
                    b.append(Report.chip(r.label()));
                }
                b.append(Html.escape(r.label()));
            }
            b.append("</td>");
            num(b, r.confidence(), Html.confidence(r.confidence()));
            b.append("<td>").append(Html.escape(r.values())).append("</td>");
            if (level != null) {
                double v = level.mean(r.start(), Math.max(r.end(), r.start() + 1e-6), ValueTrack.Averaging.POWER);
                num(b, v, Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "–");
            }
            if (pitch != null) {
                double v = pitch.mean(r.start(), Math.max(r.end(), r.start() + 1e-6), ValueTrack.Averaging.LOG);
                num(b, v, Double.isFinite(v) ? String.format(Locale.ROOT, "%.0f", v) : "–");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        if (shown < rows.size()) {
            b.append("<p class=\"note\">").append(Html.count(rows.size() - shown, "later row", "later rows"))
                .append(" left out (the table shows the first ").append(MAX_ROWS).append(").</p>\n");
        }
        b.append("</details>\n");
    }

    private static void num(StringBuilder b, double v, String text) {
        b.append("<td class=\"num\"");
        if (Double.isFinite(v)) {
            b.append(" data-v=\"").append(String.format(Locale.ROOT, "%.4f", v)).append('"');
        }
        b.append('>').append(text).append("</td>");
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }

    private static String unit(ValueTrack t, String fallback) {
        return t.unit() == null || t.unit().isBlank() ? fallback : t.unit();
    }
}
