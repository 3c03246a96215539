package io.auralis.report.html;

import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.output.SummaryFeatures;
import io.auralis.report.record.RecordContent;
import io.auralis.report.record.SpanTrack;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A file's per-file summaries ({@code analyze --summary}) as a table: one row per value of each summarised output
 * ({@code pitch.f0:summary}, f0), with a column per statistic in the order of {@link SummaryFeatures#STATISTICS},
 * sortable like the segment table. A statistic the record lacks, or without a value (nothing to summarise), shows
 * as a dash. Folded away below the segment table: they are the numbers a script reads, not what a listener looks at
 * first.
 */
final class SummaryTable {

    private SummaryTable() {
    }

    static void render(StringBuilder b, RecordContent content) {
        List<SpanTrack> summaries = content.statistics();
        if (summaries.isEmpty()) {
            return;
        }
        b.append("<details class=\"segments\"><summary>Summaries of ")
            .append(Html.count(summaries.size(), "output", "outputs")).append("</summary>\n");
        b.append("<table class=\"statistics sortable\">\n<thead><tr><th>Output</th><th>Value</th>");
        for (String statistic : SummaryFeatures.STATISTICS) {
            b.append("<th class=\"num\" data-sort=\"n\">").append(Html.escape(statistic)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (SpanTrack t : summaries) {
            Map<String, float[]> byStatistic = new HashMap<>();
            for (Feature f : t.features()) {
                if (f != null && f.label != null && f.values != null) {
                    byStatistic.putIfAbsent(f.label, f.values);
                }
            }
            OutputDescriptor d = t.descriptor();
            int bins = byStatistic.values().stream().mapToInt(v -> v.length).max().orElse(0);
            for (int i = 0; i < bins; i++) {
                b.append("<tr title=\"").append(Html.escape(d.description)).append("\"><td>")
                    .append(Html.escape(t.output())).append("</td><td>").append(Html.escape(valueName(d, i, bins)))
                    .append("</td>");
                for (String statistic : SummaryFeatures.STATISTICS) {
                    float[] v = byStatistic.get(statistic);
                    float x = v != null && i < v.length ? v[i] : Float.NaN;
                    b.append("<td class=\"num\"");
                    if (Float.isFinite(x)) {
                        b.append(" data-v=\"").append(String.format(Locale.ROOT, "%.6g", x)).append("\">")
                            .append(SpanTrack.number(x));
                    } else {
                        b.append(">–");
                    }
                    b.append("</td>");
                }
                b.append("</tr>\n");
            }
        }
        b.append("</tbody>\n</table>\n</details>\n");
    }

    /** A value's name, as its descriptor names it, and its unit. */
    private static String valueName(OutputDescriptor d, int bin, int bins) {
        String name = d.binNames != null && bin < d.binNames.size() ? d.binNames.get(bin)
            : bins == 1 ? "value" : "#" + (bin + 1);
        return d.unit == null || d.unit.isBlank() ? name : name + " (" + d.unit + ")";
    }
}
