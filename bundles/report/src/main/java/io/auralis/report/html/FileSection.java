package io.auralis.report.html;

import io.auralis.api.extractor.Feature;
import io.auralis.report.chart.EmotionPalette;
import io.auralis.report.chart.SvgChart;
import io.auralis.report.chart.TimelineChart;
import io.auralis.report.record.EmotionTrack;
import io.auralis.report.record.FileSummary;
import io.auralis.report.record.RecordContent;
import io.auralis.report.record.SpanTrack;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One file's section of a report: its name and format, the error of a failed file, the emotion summary, a player
 * for the audio, the timeline chart, the segment table ({@link SegmentTable}) and the per-file summaries
 * ({@link SummaryTable}). Rendered when the record arrives,
 * so the record can be dropped at once.
 *
 * <p>The markup never starts a line with a comment: the report's store puts its own markers there
 * ({@code io.auralis.report.store}), and all text from records is escaped.
 */
public final class FileSection {

    private FileSection() {
    }

    /**
     * Renders a file's section.
     *
     * @param summary the file's summary
     * @param content the record's content; ignored for a failed file
     * @param run the run, whose folder the link to the audio is relative to
     * @return the HTML fragment, a {@code section} element, ending with a line break
     */
    public static String render(FileSummary summary, RecordContent content, Run run) {
        StringBuilder b = new StringBuilder(4096);
        String id = summary.anchor();
        b.append("<section class=\"file\" id=\"").append(id).append("\">\n");
        b.append("<h2><a class=\"seq\" href=\"#").append(id).append("\">").append(summary.sequence).append("</a>")
            .append(Html.escape(summary.file)).append("</h2>\n");
        b.append("<p class=\"meta\">").append(Html.escape(meta(summary))).append("</p>\n");
        if (!summary.ok()) {
            b.append("<p class=\"error\"><strong>Failed:</strong> ").append(Html.escape(summary.error))
                .append("</p>\n");
        } else {
            facts(b, summary, content, run.emotions());
            audio(b, summary, run.folder());
            chart(b, summary, content);
            SegmentTable.render(b, content, summary.duration);
            SummaryTable.render(b, content);
            if (!content.problems().isEmpty()) {
                b.append("<ul class=\"problems\">\n");
                for (String p : content.problems()) {
                    b.append("<li>").append(Html.escape(p)).append("</li>\n");
                }
                b.append("</ul>\n");
            }
        }
        b.append("<p class=\"top\"><a href=\"#overview\">Back to the overview</a></p>\n");
        b.append("</section>\n");
        return b.toString();
    }

    private static String meta(FileSummary s) {
        List<String> parts = new ArrayList<>();
        if (s.duration > 0) {
            parts.add(Html.duration(s.duration));
        }
        if (s.sampleRate > 0) {
            parts.add(s.sampleRate + " Hz");
        }
        if (s.channels > 0) {
            parts.add(s.channels == 1 ? "mono" : s.channels == 2 ? "stereo" : s.channels + " channels");
        }
        return parts.isEmpty() ? "no audio information" : String.join(" · ", parts);
    }

    /**
     * A player for the file, linked relative to the report so that a report moved with its recordings still plays.
     * Nothing is loaded until it is played; clicking a segment (the page's script) plays from its start.
     */
    private static void audio(StringBuilder b, FileSummary s, Path folder) {
        String link = link(s.file, folder);
        if (link != null) {
            b.append("<audio controls preload=\"none\" src=\"").append(Html.escape(link)).append("\"></audio>\n");
        }
    }

    /** The file as a relative URL from the report's folder, or {@code null} when it is no usable path. */
    static String link(String file, Path folder) {
        try {
            Path audio = Path.of(file).toAbsolutePath().normalize();
            Path relative = folder.toAbsolutePath().normalize().relativize(audio);
            String path = relative.toString().replace('\\', '/');
            // Only the path's own characters are encoded (a space, '#', '?'), never the separators.
            return new URI(null, null, path, null).getRawPath().replace(":", "%3A");
        } catch (IllegalArgumentException | URISyntaxException e) {
            return null;
        }
    }

    private static void dominant(StringBuilder b, FileSummary s) {
        b.append("<tr><th>Dominant emotion</th><td>");
        if (s.dominant != null) {
            b.append(Report.chip(s.dominant)).append(Html.escape(s.dominant));
            if (Double.isFinite(s.confidence)) {
                b.append(" <span class=\"conf\">confidence ").append(Html.confidence(s.confidence)).append("</span>");
            }
        } else {
            b.append(s.shares.isEmpty() ? "no emotion results" : "no speech");
        }
        b.append("</td></tr>\n");
    }

    private static void facts(StringBuilder b, FileSummary s, RecordContent content, boolean emotions) {
        b.append("<div class=\"summary\">\n<table class=\"facts\">\n");
        if (emotions) {
            dominant(b, s);
        }
        if (s.speechSeconds > 0) {
            b.append("<tr><th>Speech analysed</th><td>").append(Html.duration(s.speechSeconds)).append("</td></tr>\n");
        }
        if (s.changes >= 0) {
            b.append("<tr><th>Changes of emotion</th><td>").append(s.changes).append("</td></tr>\n");
        }
        // Outputs with one value for the whole file (a count, a score): facts, not markers across the timeline.
        for (SpanTrack t : content.spans()) {
            if (t.fileWide(s.duration) && !t.values(t.features().get(0)).isEmpty()) {
                Feature f = t.features().get(0);
                b.append("<tr><th>").append(Html.escape(t.descriptor().name != null ? t.descriptor().name : t.output()))
                    .append("</th><td>").append(Html.escape(t.fact(f)))
                    .append(f.label == null ? "" : " (" + Html.escape(f.label) + ")").append("</td></tr>\n");
            }
        }
        b.append("</table>\n");
        if (!s.shares.isEmpty()) {
            b.append("<table class=\"shares\">\n<thead><tr><th>Emotion</th><th colspan=\"2\">Share of speech time</th>")
                .append("</tr></thead>\n<tbody>\n");
            List<Map.Entry<String, Double>> rows = new ArrayList<>(s.shares.entrySet());
            rows.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
            List<String> none = new ArrayList<>();
            for (Map.Entry<String, Double> e : rows) {
                double share = Math.max(0, Math.min(1, e.getValue()));
                if (share < 0.005) {
                    none.add(e.getKey());
                    continue;
                }
                b.append("<tr><td>").append(Report.chip(e.getKey())).append(Html.escape(e.getKey()))
                    .append("</td><td class=\"bar\"><span style=\"width:")
                    .append(String.format(Locale.ROOT, "%.1f", share * 100)).append("%;background:")
                    .append(EmotionPalette.css(e.getKey())).append("\"></span></td><td class=\"num\">")
                    .append(Html.percent(share)).append("</td></tr>\n");
            }
            if (!none.isEmpty()) {
                // Classes the file never shows, on one line rather than a column of empty bars.
                b.append("<tr class=\"none\"><td colspan=\"3\">").append(Html.percent(0)).append(": ")
                    .append(Html.escape(String.join(", ", none))).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        b.append("</div>\n");
    }

    private static void chart(StringBuilder b, FileSummary s, RecordContent content) {
        if (!TimelineChart.hasData(content, s.duration)) {
            b.append("<p class=\"note\">No emotion, loudness or pitch outputs to chart.</p>\n");
            return;
        }
        SvgChart svg;
        try {
            svg = TimelineChart.svg(content, s.duration, alt(content, s.file));
        } catch (RuntimeException e) {
            // One file's chart must not stop the report of a whole corpus; say what went wrong where the chart
            // would have been.
            b.append("<p class=\"error\">The timeline could not be drawn: ").append(Html.escape(String.valueOf(e)))
                .append("</p>\n");
            return;
        }
        b.append("<div class=\"chart\">").append(svg.markup()).append("</div>\n");
        b.append("<p class=\"caption\">").append(Html.escape(caption(content, s.duration))).append("</p>\n");
    }

    /** What each band of the chart shows, naming the outputs drawn. */
    private static String caption(RecordContent content, double duration) {
        List<String> parts = new ArrayList<>();
        for (SpanTrack t : TimelineChart.markers(content, duration)) {
            parts.add("Markers: " + t.output() + " (" + Html.count(t.features().size(), "feature", "features") + ").");
        }
        EmotionTrack strip = TimelineChart.strip(content);
        if (strip != null) {
            parts.add("Strip: the segments of " + strip.output() + ", with the model's confidence in each label.");
        }
        EmotionTrack finest = content.finestEmotions();
        if (finest != null) {
            parts.add("Areas: the probability of each emotion in " + finest.output()
                + " (" + Html.count(finest.results().size(), "result", "results") + "); blank where it has none.");
        }
        if (content.loudness() != null && !content.loudness().features().isEmpty()) {
            parts.add("Level: " + content.loudness().output() + ".");
        }
        if (content.pitch() != null && !content.pitch().features().isEmpty()) {
            parts.add("Pitch: " + content.pitch().output() + ", broken where unvoiced.");
        }
        if (finest != null && finest.results().size() > TimelineChart.MAX_POINTS
                || content.loudness() != null && content.loudness().features().size() > TimelineChart.MAX_POINTS) {
            parts.add("Long series are averaged to " + TimelineChart.MAX_POINTS + " points.");
        }
        parts.add("Click the chart or a row of the table to play from there.");
        return String.join(" ", parts);
    }

    private static String alt(RecordContent content, String file) {
        List<String> what = new ArrayList<>();
        if (content.finestEmotions() != null) {
            what.add("emotion probabilities");
        }
        if (content.loudness() != null && !content.loudness().features().isEmpty()) {
            what.add("loudness");
        }
        if (content.pitch() != null && !content.pitch().features().isEmpty()) {
            what.add("pitch");
        }
        return String.join(", ", what) + " of " + file + " over time";
    }
}
