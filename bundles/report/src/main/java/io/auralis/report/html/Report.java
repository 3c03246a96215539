package io.auralis.report.html;

import io.auralis.api.extractor.ModelDescriptor;
import io.auralis.api.output.RunInfo;
import io.auralis.report.chart.EmotionPalette;
import io.auralis.report.chart.OverviewCharts;
import io.auralis.report.chart.SvgChart;
import io.auralis.report.record.FileSummary;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a report page around the file sections: the head with its style sheet and script, the corpus
 * overview with the run's model, and the end. Everything is inline; the page loads nothing from anywhere, so it
 * opens from disk without a network. The script (no library) sorts and filters the tables, plays a file from the
 * segment or the point of the timeline that was clicked, moves the timeline's playhead, and pages the files.
 *
 * <p><b>A thousand files.</b> The overview's file index shows {@value #PAGE} files at a time, with a pager above the
 * sections and below them (files per page: {@value #PAGE}, 100 or all); below the index come the sections of the
 * files on the index's page, in its order, so that filtering or sorting the index (by confidence, say) chooses the
 * sections shown. A link to a file's section ({@code #file-12}) turns to its page. The other sections are in the
 * page but not displayed, so a browser lays out and paints a page's worth; sections shown together are laid out
 * only when scrolled to ({@code content-visibility}), players load nothing until played, and charts are SVG of a
 * few kilobytes. Without a script every section is shown, as on one long page.
 */
public final class Report {
    /** The {@code generator} meta tag that marks a page as an Auralis report, so that it can be appended to. */
    public static final String GENERATOR = "<meta name=\"generator\" content=\"Auralis HTML report 1\">";

    /** Files per page of the index, and sections shown at once. */
    public static final int PAGE = 25;

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
        .pager{display:none;align-items:center;flex-wrap:wrap;gap:6px 12px;margin:12px 0;font-size:14px}
        .js .pager{display:flex}.pager span{min-width:190px;text-align:center}.pager label{margin-left:auto}
        .pager button{font:inherit;padding:3px 12px;cursor:pointer}
        .js section.file{display:none}.js section.file.shown{display:block}
        .model p{margin:0}.model p+p{margin-top:4px}.about{color:var(--muted);margin:-8px 0 14px}
        """;

    private static final String SCRIPT = """
        document.documentElement.classList.add('js');
        document.addEventListener('DOMContentLoaded',function(){
        function each(list,f){Array.prototype.forEach.call(list,f);}
        function num(td){var v=td?td.getAttribute('data-v'):null;return v===null?Infinity:parseFloat(v);}
        var files=document.querySelector('table.files'),holder=document.getElementById('files'),
          pagers=document.querySelectorAll('nav.pager'),size=PAGE_SIZE,page=0,shown=[];
        function sort(th){var t=th.closest('table'),heads=th.parentNode.cells,i=th.cellIndex,body=t.tBodies[0];
          var up=th.getAttribute('aria-sort')!=='ascending',n=th.hasAttribute('data-sort');
          each(heads,function(h){h.removeAttribute('aria-sort');});
          th.setAttribute('aria-sort',up?'ascending':'descending');
          var rows=Array.prototype.slice.call(body.rows);
          rows.sort(function(a,b){var x=a.cells[i],y=b.cells[i];
            var d=n?num(x)-num(y):(x?x.textContent:'').localeCompare(y?y.textContent:'');return up?d:-d;});
          var f=document.createDocumentFragment();each(rows,function(r){f.appendChild(r);});body.appendChild(f);
          if(t===files)show(0);}
        function filter(e){var box=e.target.closest('.filter'),t=box&&box.nextElementSibling;
          if(!t||!t.tBodies)return;
          var input=box.querySelector('input'),select=box.querySelector('select'),
            q=input.value.toLowerCase(),o=select?select.value:'';
          each(t.tBodies[0].rows,function(r){var m=(!o||r.cells[2].textContent===o)
            &&(!q||r.textContent.toLowerCase().indexOf(q)>=0);
            if(t===files)r.classList.toggle('out',!m);else r.hidden=!m;});
          if(t===files)show(0);}
        function matching(){return Array.prototype.filter.call(files.tBodies[0].rows,
          function(r){return !r.classList.contains('out');});}
        function show(p){var rows=matching(),per=size||rows.length||1,pages=Math.max(1,Math.ceil(rows.length/per));
          page=Math.max(0,Math.min(p,pages-1));
          var from=page*per,to=Math.min(rows.length,from+per),total=files.tBodies[0].rows.length;
          each(files.tBodies[0].rows,function(r){r.hidden=true;});
          each(shown,function(s){s.classList.remove('shown');});shown=[];
          for(var k=from;k<to;k++){rows[k].hidden=false;
            var s=document.getElementById(rows[k].getAttribute('data-s'));
            if(s){s.classList.add('shown');holder.appendChild(s);shown.push(s);}}
          var text=rows.length?'Files '+(from+1)+'\\u2013'+to+' of '+rows.length:'No file matches';
          if(rows.length<total)text+=' (of '+total+')';
          each(pagers,function(n){n.querySelector('span').textContent=text;
            n.querySelector('[data-go="-1"]').disabled=page===0;n.querySelector('[data-go="1"]').disabled=page>=pages-1;
            n.querySelector('select').value=String(size);});}
        function reveal(){var id=decodeURIComponent(location.hash.slice(1)),s=id&&document.getElementById(id);
          if(!s||!s.classList.contains('file'))return;
          if(!s.classList.contains('shown')){var r=files.querySelector('tr[data-s="'+id+'"]');if(!r)return;
            if(r.classList.contains('out')){files.previousElementSibling.querySelector('input').value='';
              each(files.tBodies[0].rows,function(x){x.classList.remove('out');});}
            show(size?Math.floor(matching().indexOf(r)/size):0);}
          s.scrollIntoView();}
        function play(section,t){var a=section&&section.querySelector('audio');
          if(a&&isFinite(t)){a.currentTime=t;a.play();}}
        document.addEventListener('click',function(e){
          var th=e.target.closest('table.sortable thead th');if(th){sort(th);return;}
          var go=e.target.closest('nav.pager button');
          if(go){show(page+parseInt(go.getAttribute('data-go'),10));
            if(go.closest('nav.pager.bottom')&&shown.length)shown[0].scrollIntoView();return;}
          var row=e.target.closest('table.segments tbody tr');
          if(row){play(row.closest('section'),parseFloat(row.getAttribute('data-t')));return;}
          var svg=e.target.closest('svg.timeline');if(!svg)return;
          var r=svg.getBoundingClientRect(),x=(e.clientX-r.left)*svg.viewBox.baseVal.width/r.width,
            x0=+svg.dataset.x0,x1=+svg.dataset.x1;
          if(x>=x0&&x<=x1)play(svg.closest('section'),(x-x0)/(x1-x0)*svg.dataset.seconds);});
        document.addEventListener('input',filter);
        document.addEventListener('change',function(e){
          if(e.target.closest('nav.pager')){size=parseInt(e.target.value,10);show(0);}else filter(e);});
        document.addEventListener('timeupdate',function(e){var a=e.target,section=a.closest&&a.closest('section.file'),
          svg=section&&section.querySelector('svg.timeline'),p=svg&&svg.querySelector('.playhead');
          if(!p)return;var x0=+svg.dataset.x0,x1=+svg.dataset.x1;
          p.setAttribute('transform','translate('+(x0+(x1-x0)*Math.min(1,a.currentTime/svg.dataset.seconds))+' 0)');
          p.setAttribute('visibility','visible');},true);
        try{if(files&&holder){show(0);reveal();window.addEventListener('hashchange',reveal);}
          else document.documentElement.classList.remove('js');}
        catch(err){document.documentElement.classList.remove('js');throw err;}
        });
        """.replace("PAGE_SIZE", String.valueOf(PAGE));

    private Report() {
    }

    /**
     * The page's title: the workflow and what it ran over, such as {@code emotion-timeline: calls}. The workflow is
     * the one the host names; a run it does not describe is named by what it computed ({@code Emotion timeline},
     * {@code Speech features}). What it ran over is the inputs as named (their last names, the first three and a
     * count of the others), or, when the host does not say, the folder the files share.
     *
     * @param run the run
     * @param files the files' summaries
     * @return the title
     */
    public static String title(Run run, Collection<FileSummary> files) {
        RunInfo info = run.info();
        String what = info.workflow != null && !info.workflow.isBlank() ? info.workflow
            : run.emotions() ? "Emotion timeline" : "Speech features";
        String corpus = info.inputs == null || info.inputs.isEmpty() ? corpus(files) : inputs(info.inputs);
        return corpus == null ? what : what + ": " + corpus;
    }

    /** Inputs as named, by their last names: {@code calls, more, x.wav and 4 more}. */
    private static String inputs(List<String> inputs) {
        List<String> names = new ArrayList<>();
        for (String input : inputs.subList(0, Math.min(3, inputs.size()))) {
            String name = input;
            try {
                Path path = Path.of(input).normalize().getFileName();
                name = path == null || path.toString().isEmpty() ? input : path.toString();
            } catch (InvalidPathException e) {
                // Shown as typed.
            }
            names.add(name);
        }
        String shown = String.join(", ", names);
        return inputs.size() <= 3 ? shown : shown + " and " + (inputs.size() - 3) + " more";
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
     * Writes the start of the page, up to where the overview goes: the head holds the style sheet and the page's
     * one script, which marks the page as scripted at once, so that the sections it pages are never laid out.
     *
     * @param out where to write
     * @param title the page title
     * @throws IOException if writing fails
     */
    public static void begin(Writer out, String title) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write(GENERATOR + "\n");
        out.write("<title>" + Html.escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n<script>\n" + SCRIPT
            + "</script>\n</head>\n<body>\n<main>\n");
    }

    /**
     * Writes the corpus overview: the title, the workflow's description, the models behind the labels, counts,
     * total duration, the dominant emotions and speech shares as charts, and the file index linking to each file's
     * section with its pager; then opens the element that holds the file sections, which {@link #end} closes.
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
        RunInfo info = run.info();
        out.write("<section id=\"overview\">\n<h1>" + Html.escape(title) + "</h1>\n");
        out.write("<p class=\"sub\">" + Html.count(files.size(), "file", "files")
            + " · written " + Html.escape(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm",
                Locale.ROOT))) + " by Auralis"
            + (info.auralisVersion == null ? "" : " " + Html.escape(info.auralisVersion)) + "</p>\n");
        if (info.description != null && !info.description.isBlank()) {
            out.write("<p class=\"about\">" + Html.escape(info.description) + "</p>\n");
        }
        if (run.emotions()) {
            models(out, info.models, run.classes());
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
            out.write("</section>\n<div id=\"files\">\n");
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
        out.write("</section>\n<div id=\"files\">\n");
    }

    /**
     * The models behind the labels, as the run names them: each with its version and its figure on unseen corpora,
     * then a one-line caveat.
     */
    private static void models(Writer out, List<ModelDescriptor> models, List<String> classes) throws IOException {
        StringBuilder b = new StringBuilder("<div class=\"model\">");
        String chance = Html.percent(1.0 / Math.max(1, classes.isEmpty() ? 4 : classes.size()));
        if (models == null || models.isEmpty()) {
            b.append("<p><b>Model:</b> not named: the run did not say which model gave the labels.</p>");
        }
        for (ModelDescriptor m : models == null ? List.<ModelDescriptor>of() : models) {
            b.append("<p><b>Model:</b> ").append(Html.escape(m.name == null ? "unnamed" : m.name));
            List<String> about = new ArrayList<>();
            if (m.architecture != null) {
                about.add(m.architecture);
            }
            about.add(m.version == null ? "version not stated" : "version " + m.version);
            b.append(" (").append(Html.escape(String.join(", ", about))).append(")");
            b.append(" · cross-corpus accuracy <b>").append(m.crossCorpusAccuracy != null
                ? String.format(Locale.ROOT, "%.1f %%", m.crossCorpusAccuracy * 100) : "not stated").append("</b>")
                .append(" (mean unweighted accuracy on corpora it never heard, from its card; chance ")
                .append(chance).append(")");
            if (m.testAccuracy != null) {
                b.append(" · ").append(String.format(Locale.ROOT, "%.1f %%", m.testAccuracy * 100))
                    .append(" on unseen speakers of its training corpora");
            }
            b.append(".</p>");
        }
        b.append("<span class=\"caveat\">Caveat: labels are a weak model's best guesses; confidences are its own "
            + "probabilities, not certainty. Read trends over many segments, not a verdict on one.</span></div>\n");
        out.write(b.toString());
    }

    /**
     * Writes the end of the page: closes the file sections, with the pager below them.
     *
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void end(Writer out) throws IOException {
        out.write("</div>\n" + pager("bottom") + "</main>\n</body>\n</html>\n");
    }

    /** The pager's controls; the script fills in which files are shown, and without a script it is not shown. */
    private static String pager(String where) {
        return "<nav class=\"pager " + where + "\" aria-label=\"Pages of files\"><button type=\"button\" "
            + "data-go=\"-1\">‹ Previous</button><span></span><button type=\"button\" data-go=\"1\">Next ›</button>"
            + "<label>Files per page <select><option>" + PAGE + "</option><option>100</option>"
            + "<option value=\"0\">all</option></select></label></nav>\n";
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
            row.append("<tr data-s=\"").append(f.anchor()).append("\"><td class=\"num\" data-v=\"")
                .append(f.sequence).append("\">").append(f.sequence).append("</td><td class=\"name\"><a href=\"#")
                .append(f.anchor()).append("\">")
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
        out.write("</tbody>\n</table>\n" + pager("top"));
    }

    private static String cell(double v, String text) {
        return Double.isFinite(v) ? "<td class=\"num\" data-v=\"" + String.format(Locale.ROOT, "%.4f", v) + "\">"
            + text + "</td>" : "<td class=\"num\">" + text + "</td>";
    }
}
