package io.auralis.report.html;

import io.auralis.report.chart.EmotionPalette;
import io.auralis.report.chart.OverviewCharts;
import io.auralis.report.chart.Png;
import io.auralis.report.record.FileSummary;
import java.io.IOException;
import java.io.Writer;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a report page around the file sections: the head with its style sheet, the corpus overview,
 * and the end. Everything is inline; the page loads nothing from anywhere.
 */
public final class Report {
    /** The {@code generator} meta tag that marks a page as an Auralis report, so that it can be appended to. */
    public static final String GENERATOR = "<meta name=\"generator\" content=\"Auralis HTML report 1\">";

    private static final String STYLE = """
        :root{--ink:#222;--muted:#666;--line:#e3e5e8;--bg:#f5f6f8;--bad:#b3261e}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.45 system-ui,-apple-system,"Segoe UI",\
        Roboto,"DejaVu Sans",Arial,sans-serif}
        main{max-width:1160px;margin:0 auto;padding:24px 16px 48px}
        h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:0 0 2px;overflow-wrap:anywhere}
        .sub,.meta,.note{color:var(--muted);margin:0 0 14px}
        section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:18px 20px;margin:0 0 20px}
        .cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0 18px}
        .card{flex:1 1 150px;border:1px solid var(--line);border-radius:6px;padding:10px 14px}
        .card b{display:block;font-size:24px}.card span{color:var(--muted);font-size:13px}
        .card.bad b{color:var(--bad)}
        .charts{display:flex;flex-wrap:wrap;gap:8px;justify-content:space-between;margin:0 0 18px}
        img{max-width:100%;height:auto;display:block}
        table{border-collapse:collapse}th,td{padding:4px 10px;text-align:left;vertical-align:top}
        table.files{width:100%}table.files tr:nth-child(even) td{background:#fafbfc}
        table.files th,table.shares th{border-bottom:2px solid var(--line);font-weight:600}
        table.files td{border-bottom:1px solid var(--line)}
        td.name{overflow-wrap:anywhere}.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .chip{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:7px;vertical-align:-1px}
        .summary{display:flex;flex-wrap:wrap;gap:10px 40px;margin:4px 0 14px}
        table.facts th{color:var(--muted);font-weight:normal;padding-left:0}
        tr.none td{color:var(--muted);font-size:13px}td.bar{width:220px}td.bar span{display:block;height:11px;border-radius:2px;margin-top:5px;min-width:1px}
        .error,.failed{color:var(--bad)}p.error{background:#fdf0ef;border-left:4px solid var(--bad);padding:8px 12px}
        .problems{color:var(--bad);font-size:14px}.caption{color:var(--muted);font-size:13px;margin:4px 0 0}
        .seq{display:inline-block;min-width:28px;margin-right:8px;color:var(--muted);text-decoration:none}
        .top{margin:10px 0 0;font-size:13px}a{color:#0b57d0}
        """;

    private Report() {
    }

    /**
     * Writes the start of the page, up to where the overview goes.
     *
     * @param out where to write
     * @param title the page title, such as the report's file name
     * @throws IOException if writing fails
     */
    public static void begin(Writer out, String title) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write(GENERATOR + "\n");
        out.write("<title>" + Html.escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<main>\n");
    }

    /**
     * Writes the corpus overview: counts, total duration, the dominant emotions and speech shares as charts, and
     * a table linking to each file's section.
     *
     * @param out where to write
     * @param title the page heading
     * @param files the summaries of the files whose sections follow, in order
     * @throws IOException if writing fails
     */
    public static void overview(Writer out, String title, Collection<FileSummary> files) throws IOException {
        int ok = 0;
        double audio = 0;
        double speech = 0;
        Map<String, Integer> dominant = new LinkedHashMap<>();
        Map<String, Double> speechByEmotion = new LinkedHashMap<>();
        for (FileSummary f : files) {
            if (!f.ok()) {
                continue;
            }
            ok++;
            audio += f.duration;
            speech += f.speechSeconds;
            // Files summarised by an emotion-summary output alone have shares but no speech time: weigh by length.
            double weight = f.speechSeconds > 0 ? f.speechSeconds : f.duration;
            for (Map.Entry<String, Double> e : f.shares.entrySet()) {
                dominant.putIfAbsent(e.getKey(), 0);
                speechByEmotion.merge(e.getKey(), e.getValue() * weight, Double::sum);
            }
            if (f.dominant != null) {
                dominant.merge(f.dominant, 1, Integer::sum);
            }
        }
        int failed = files.size() - ok;
        out.write("<section id=\"overview\">\n<h1>" + Html.escape(title) + "</h1>\n");
        out.write("<p class=\"sub\">" + files.size() + (files.size() == 1 ? " file" : " files")
            + " · written " + Html.escape(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm",
                Locale.ROOT))) + " by Auralis</p>\n");
        out.write("<div class=\"cards\">\n");
        card(out, String.valueOf(ok), "files analysed", false);
        card(out, String.valueOf(failed), failed == 1 ? "file failed" : "files failed", failed > 0);
        card(out, Html.duration(audio), "of audio", false);
        card(out, Html.duration(speech), "of speech with emotion results", false);
        out.write("</div>\n");
        if (dominant.values().stream().anyMatch(n -> n > 0)) {
            double total = speechByEmotion.values().stream().mapToDouble(Double::doubleValue).sum();
            Map<String, Double> shares = new LinkedHashMap<>();
            speechByEmotion.forEach((k, v) -> shares.put(k, total > 0 ? v / total : 0));
            out.write("<div class=\"charts\">\n");
            try {
                image(out, OverviewCharts.dominantEmotions(dominant), "Number of files per dominant emotion");
                image(out, OverviewCharts.speechShares(shares), "Share of all speech time per emotion");
            } catch (RuntimeException e) {
                // The counts and the table below still make a report.
                out.write("<p class=\"error\">The overview charts could not be drawn: "
                    + Html.escape(String.valueOf(e)) + "</p>\n");
            }
            out.write("</div>\n");
        } else if (ok > 0) {
            out.write("<p class=\"note\">No file has emotion results.</p>\n");
        }
        filesTable(out, files);
        out.write("</section>\n");
    }

    /**
     * Writes the end of the page.
     *
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void end(Writer out) throws IOException {
        out.write("</main>\n</body>\n</html>\n");
    }

    /**
     * A small square in an emotion's colour, to put before its name.
     *
     * @param emotion the class name
     * @return the markup
     */
    public static String chip(String emotion) {
        return "<span class=\"chip\" style=\"background:" + EmotionPalette.css(emotion) + "\"></span>";
    }

    private static void card(Writer out, String value, String label, boolean bad) throws IOException {
        out.write("<div class=\"card" + (bad ? " bad" : "") + "\"><b>" + Html.escape(value) + "</b><span>"
            + Html.escape(label) + "</span></div>\n");
    }

    private static void image(Writer out, Png png, String alt) throws IOException {
        out.write("<img width=\"" + png.width() + "\" height=\"" + png.height() + "\" alt=\"" + Html.escape(alt)
            + "\" src=\"" + png.dataUri() + "\">\n");
    }

    private static void filesTable(Writer out, Collection<FileSummary> files) throws IOException {
        if (files.isEmpty()) {
            out.write("<p class=\"note\">No files were analysed.</p>\n");
            return;
        }
        out.write("<table class=\"files\">\n<thead><tr><th class=\"num\">#</th><th>File</th>"
            + "<th class=\"num\">Duration</th><th>Dominant emotion</th><th class=\"num\">Changes</th></tr></thead>\n"
            + "<tbody>\n");
        for (FileSummary f : files) {
            StringBuilder row = new StringBuilder(256);
            row.append("<tr><td class=\"num\">").append(f.sequence).append("</td><td class=\"name\"><a href=\"#")
                .append(f.anchor()).append("\">").append(Html.escape(f.file)).append("</a></td>");
            if (!f.ok()) {
                row.append("<td class=\"num\">–</td><td class=\"failed\" colspan=\"2\">failed: ")
                    .append(Html.escape(f.error)).append("</td>");
            } else {
                row.append("<td class=\"num\">").append(Html.duration(f.duration)).append("</td><td>");
                if (f.dominant != null) {
                    row.append(chip(f.dominant)).append(Html.escape(f.dominant));
                    Double share = f.shares.get(f.dominant);
                    if (share != null) {
                        row.append(" <span class=\"meta\">").append(Html.percent(share)).append("</span>");
                    }
                } else {
                    row.append("–");
                }
                row.append("</td><td class=\"num\">").append(f.changes >= 0 ? String.valueOf(f.changes) : "–")
                    .append("</td>");
            }
            row.append("</tr>\n");
            out.write(row.toString());
        }
        out.write("</tbody>\n</table>\n");
    }
}
