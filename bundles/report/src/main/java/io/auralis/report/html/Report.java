package io.auralis.report.html;

import io.auralis.report.chart.EmotionPalette;
import io.auralis.report.chart.OverviewCharts;
import io.auralis.report.chart.SvgChart;
import io.auralis.report.card.ModelCard;
import io.auralis.report.record.FileSummary;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a report page around the file sections: the head with its style sheet, the corpus overview with the
 * model's card, and the end with the page's script. Everything is inline; the page loads nothing from anywhere, so
 * it opens from disk without a network. The script (a few lines, no library) sorts and filters the tables, plays a
 * file from the segment or the point of the timeline that was clicked, and moves the timeline's playhead.
 *
 * <p>For a report of a thousand files, sections off screen are not laid out ({@code content-visibility}), players
 * load nothing until played, and the charts are SVG of a few kilobytes rather than PNG.
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
        svg{max-width:100%;height:auto;display:block}.chart{margin:8px 0 0}
        section.file{content-visibility:auto;contain-intrinsic-size:auto 900px}
        svg.timeline{cursor:pointer}audio{width:100%;max-width:560px;margin:4px 0 6px}
        .model{border-left:4px solid #0b57d0;background:#eef3fd;padding:8px 12px;margin:8px 0 14px}
        .model .caveat{display:block;color:var(--muted);font-size:13px}.conf{color:var(--muted);font-size:13px}
        details.segments{margin:12px 0 0}details.segments summary{cursor:pointer;font-weight:600}
        .filter{margin:8px 0}.filter input{width:260px;padding:3px 6px}
        table.segments{width:100%;font-size:13px}table.segments th{border-bottom:2px solid var(--line);        cursor:pointer;user-select:none;white-space:nowrap}table.segments td{border-bottom:1px solid var(--line)}
        table.segments tbody tr{cursor:pointer}table.segments tbody tr:hover td{background:#eef3fd}
        table.statistics{font-size:13px}table.statistics td{border-bottom:1px solid var(--line)}
        table.statistics th{border-bottom:2px solid var(--line);cursor:pointer;white-space:nowrap}
        th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
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

    private static final String SCRIPT = """
        (function(){
        function each(list,f){Array.prototype.forEach.call(list,f);}
        function num(td){var v=td.getAttribute('data-v');return v===null?Infinity:parseFloat(v);}
        each(document.querySelectorAll('table.sortable'),function(t){
          var heads=t.tHead.rows[0].cells,body=t.tBodies[0];
          each(heads,function(th,i){th.addEventListener('click',function(){
            var up=th.getAttribute('aria-sort')!=='ascending',n=th.hasAttribute('data-sort');
            each(heads,function(h){h.removeAttribute('aria-sort');});
            th.setAttribute('aria-sort',up?'ascending':'descending');
            var rows=Array.prototype.slice.call(body.rows);
            rows.sort(function(a,b){var x=a.cells[i],y=b.cells[i];
              var d=n?num(x)-num(y):x.textContent.localeCompare(y.textContent);return up?d:-d;});
            each(rows,function(r){body.appendChild(r);});});});
          var box=t.previousElementSibling;
          if(!box||!box.classList.contains('filter'))return;
          var input=box.querySelector('input'),select=box.querySelector('select');
          function filter(){var q=input.value.toLowerCase(),o=select?select.value:'';
            each(body.rows,function(r){r.hidden=!((!o||r.cells[2].textContent===o)
              &&(!q||r.textContent.toLowerCase().indexOf(q)>=0));});}
          input.addEventListener('input',filter);if(select)select.addEventListener('change',filter);});
        function play(section,t){var a=section&&section.querySelector('audio');
          if(a&&isFinite(t)){a.currentTime=t;a.play();}}
        document.addEventListener('click',function(e){
          var row=e.target.closest('table.segments tbody tr');
          if(row){play(row.closest('section'),parseFloat(row.getAttribute('data-t')));return;}
          var svg=e.target.closest('svg.timeline');if(!svg)return;
          var r=svg.getBoundingClientRect(),x=(e.clientX-r.left)*svg.viewBox.baseVal.width/r.width,
            x0=+svg.dataset.x0,x1=+svg.dataset.x1;
          if(x>=x0&&x<=x1)play(svg.closest('section'),(x-x0)/(x1-x0)*svg.dataset.seconds);});
        each(document.querySelectorAll('section.file audio'),function(a){
          var svg=a.closest('section').querySelector('svg.timeline'),p=svg&&svg.querySelector('.playhead');
          if(!p)return;
          a.addEventListener('timeupdate',function(){var x0=+svg.dataset.x0,x1=+svg.dataset.x1;
            p.setAttribute('transform','translate('+(x0+(x1-x0)*Math.min(1,a.currentTime/svg.dataset.seconds))+' 0)');
            p.setAttribute('visibility','visible');});});
        })();
        """;

    private Report() {
    }

    /**
     * The page's title, from what the report holds: what was analysed and the folder the files share (the corpus),
     * such as {@code Emotion timeline: samples}. The writer is not told the workflow's name, so it describes the
     * outputs instead.
     *
     * @param run the run
     * @param files the files' summaries
     * @return the title
     */
    public static String title(Run run, Collection<FileSummary> files) {
        String what = run.emotions() ? "Emotion timeline" : "Speech features";
        String corpus = corpus(files);
        return corpus == null ? what : what + ": " + corpus;
    }

    /** The name of the deepest folder all files lie in, or {@code null} when they share none. */
    private static String corpus(Collection<FileSummary> files) {
        Path common = null;
        for (FileSummary f : files) {
            Path parent;
            try {
                parent = Path.of(f.file).toAbsolutePath().normalize().getParent();
            } catch (InvalidPathException e) {
                return null;
            }
            if (parent == null) {
                return null;
            }
            if (common == null) {
                common = parent;
            }
            while (common != null && !parent.startsWith(common)) {
                common = common.getParent();
            }
            if (common == null) {
                return null;
            }
        }
        return common == null || common.getFileName() == null ? null : common.getFileName().toString();
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
     * @param run what the report knows of the run
     * @param files the summaries of the files whose sections follow, in order
     * @throws IOException if writing fails
     */
    public static void overview(Writer out, String title, Run run, Collection<FileSummary> files)
            throws IOException {
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
        if (run.emotions()) {
            model(out, run.model());
        }
        out.write("<div class=\"cards\">\n");
        card(out, String.valueOf(ok), "files analysed", false);
        card(out, String.valueOf(failed), failed == 1 ? "file failed" : "files failed", failed > 0);
        card(out, Html.duration(audio), "of audio", false);
        if (run.emotions()) {
            card(out, Html.duration(speech), "of speech with emotion results", false);
        }
        out.write("</div>\n");
        if (!run.emotions()) {
            // A workflow without an emotion step: no emotion charts, and no note that they are missing.
            filesTable(out, files, false);
            out.write("</section>\n");
            return;
        }
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
        filesTable(out, files, true);
        out.write("</section>\n");
    }

    /** The model behind the labels, its version and its figure on unseen corpora, with a one-line caveat. */
    private static void model(Writer out, ModelCard card) throws IOException {
        StringBuilder b = new StringBuilder("<div class=\"model\"><b>Model:</b> ");
        double chance = 0.25;
        if (card == null) {
            b.append("not known: the outputs do not name the model, and the installation's default does not have "
                + "their classes.");
        } else {
            chance = 1.0 / Math.max(1, card.classes().size());
            b.append(Html.escape(card.name()));
            List<String> about = new java.util.ArrayList<>();
            if (card.architecture() != null) {
                about.add(card.architecture());
            }
            about.add("version: trained " + (card.trained() == null ? "on an unrecorded date" : card.trained()));
            b.append(" (").append(Html.escape(String.join(", ", about))).append(")");
            b.append(" · cross-corpus accuracy <b>").append(Double.isFinite(card.crossCorpus())
                ? String.format(Locale.ROOT, "%.1f %%", card.crossCorpus() * 100) : "not stated").append("</b>")
                .append(" (mean unweighted accuracy on corpora it never heard, from its card; chance ")
                .append(Html.percent(chance)).append(")");
            if (Double.isFinite(card.testAccuracy())) {
                b.append(" · ").append(String.format(Locale.ROOT, "%.1f %%", card.testAccuracy() * 100))
                    .append(" on unseen speakers of its training corpora");
            }
            b.append(". <span class=\"conf\">The installation's default model, whose classes the outputs carry "
                + "(the outputs do not name their model).</span>");
        }
        b.append("<span class=\"caveat\">Caveat: labels are a weak model's best guesses; confidences are its own "
            + "probabilities, not certainty. Read trends over many segments, not a verdict on one.</span></div>\n");
        out.write(b.toString());
    }

    /**
     * Writes the end of the page.
     *
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void end(Writer out) throws IOException {
        out.write("</main>\n<script>\n" + SCRIPT + "</script>\n</body>\n</html>\n");
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

    private static void image(Writer out, SvgChart chart, String alt) throws IOException {
        // The chart carries its own label for screen readers; alt is the same text, kept for the call sites.
        out.write(chart.markup().replaceFirst("aria-label=\"[^\"]*\"", "aria-label=\"" + Html.escape(alt) + "\"")
            + "\n");
    }

    private static void filesTable(Writer out, Collection<FileSummary> files, boolean emotions)
            throws IOException {
        if (files.isEmpty()) {
            out.write("<p class=\"note\">No files were analysed.</p>\n");
            return;
        }
        out.write("<div class=\"filter\"><input type=\"search\" placeholder=\"Filter files\" "
            + "aria-label=\"Filter files\"></div>\n");
        out.write("<table class=\"files sortable\">\n<thead><tr><th class=\"num\" data-sort=\"n\">#</th><th>File</th>"
            + "<th class=\"num\" data-sort=\"n\">Duration</th>"
            + (emotions ? "<th>Dominant emotion</th><th class=\"num\" data-sort=\"n\">Confidence</th>"
                + "<th class=\"num\" data-sort=\"n\">Share of speech time</th>"
                + "<th class=\"num\" data-sort=\"n\">Changes</th>" : "")
            + "</tr></thead>\n<tbody>\n");
        for (FileSummary f : files) {
            StringBuilder row = new StringBuilder(256);
            row.append("<tr><td class=\"num\" data-v=\"").append(f.sequence).append("\">").append(f.sequence)
                .append("</td><td class=\"name\"><a href=\"#").append(f.anchor()).append("\">")
                .append(Html.escape(f.file)).append("</a></td>");
            if (!f.ok()) {
                row.append("<td class=\"num\">–</td><td class=\"failed\"").append(emotions ? " colspan=\"4\"" : "")
                    .append(">failed: ").append(Html.escape(f.error)).append("</td>");
            } else {
                row.append("<td class=\"num\" data-v=\"").append(String.format(Locale.ROOT, "%.3f", f.duration))
                    .append("\">").append(Html.duration(f.duration)).append("</td>");
                if (emotions) {
                    row.append("<td>");
                    Double share = f.dominant == null ? null : f.shares.get(f.dominant);
                    row.append(f.dominant != null ? chip(f.dominant) + Html.escape(f.dominant) : "–").append("</td>");
                    row.append(cell(f.confidence, Html.confidence(f.confidence)));
                    row.append(share == null ? "<td class=\"num\">–</td>" : cell(share, Html.percent(share)));
                    row.append(f.changes >= 0 ? cell(f.changes, String.valueOf(f.changes)) : "<td class=\"num\">–</td>");
                }
            }
            row.append("</tr>\n");
            out.write(row.toString());
        }
        out.write("</tbody>\n</table>\n");
    }

    private static String cell(double v, String text) {
        return Double.isFinite(v) ? "<td class=\"num\" data-v=\"" + String.format(Locale.ROOT, "%.4f", v) + "\">"
            + text + "</td>" : "<td class=\"num\">" + text + "</td>";
    }
}
