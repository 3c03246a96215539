package io.auralis.report;

import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.output.OutputWriter;
import io.auralis.api.output.RecordSink;
import io.auralis.api.output.RunInfo;
import io.auralis.report.store.PartsFile;
import io.auralis.report.store.ReportEntries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code html} format: one self-contained HTML page per run, which opens from disk in any browser without a
 * network. At the top, the title from the workflow and its inputs, the workflow's description, the models behind
 * the emotion labels with their version, their accuracy on unseen corpora and a caveat (all as the host describes
 * the run, {@link RunInfo}: the report reads no model files), and a corpus overview (files analysed and failed, total
 * audio, bar charts of the dominant emotions and of the share of speech time per emotion, a sortable, filterable
 * index of the files, {@value io.auralis.report.html.Report#PAGE} to a page); then the sections of the files on the
 * index's page, each with its emotion summary (dominant emotion and the model's confidence, share of speech time per
 * emotion, number of changes), a player for its audio, a timeline chart (markers for every output placed at
 * arbitrary times, emotion segments with their confidence, probabilities as stacked areas, loudness and pitch, on
 * one time axis) and a sortable, filterable table of its segments; clicking a segment or the chart plays from there.
 * Failed files show their error. Charts are inline SVG ({@link io.auralis.report.chart.TimelineChart} says why not
 * JFreeChart); {@link io.auralis.report.html.Report} says how a report of a thousand files stays usable.
 *
 * <p><b>Files.</b> Writing {@code report.html} uses two files beside it: {@code report.html.parts} holds each
 * file's rendered section and summary while the run is under way (records are never kept in memory, only a
 * summary of a few hundred bytes per file), and at {@link RecordSink#close()} the page is written to
 * {@code report.html.tmp} and moved over {@code report.html}, which therefore is either the previous report or
 * the complete new one, never half written. The parts file is deleted once the report is in place.
 *
 * <p><b>Resume and append.</b> Records in the parts file survive a crash (a torn last entry is cut off when the
 * file is next read). {@link #completed(Path)} lists the files in the parts file when there is one, since it
 * belongs to the run that was interrupted; otherwise those of the finished report, whose sections carry their
 * summaries in comment markers. {@link #open open} with {@code append} continues the parts file, or, when there
 * is none, starts one from the finished report's sections; so a resumed run, or a run appending to an earlier
 * report, ends with one report holding every file. A file recorded twice appears once, as recorded last.
 */
@Component(service = OutputWriter.class)
public class HtmlReportWriter implements OutputWriter {

    /** The format name, for workflows and {@code --format}. */
    public static final String FORMAT = "html";

    /** Creates the writer; it holds nothing, each output is its own sink. */
    public HtmlReportWriter() {
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "One self-contained HTML page: a corpus overview and, per file, emotion timelines over loudness and "
            + "pitch, markers for any plugin's intervals, segment tables with confidences and audio playback.";
    }

    /** A report of a run the host does not describe: titled from its outputs and files, its model not named. */
    @Override
    public RecordSink open(Path target, Map<String, OutputDescriptor> outputs, boolean append) throws IOException {
        return open(target, outputs, append, new RunInfo());
    }

    /** A report titled from the workflow and its inputs, with the models the run names in its model box. */
    @Override
    public RecordSink open(Path target, Map<String, OutputDescriptor> outputs, boolean append, RunInfo run)
            throws IOException {
        return new HtmlReportSink(target, outputs, append, run);
    }

    @Override
    public Set<String> completed(Path target) throws IOException {
        Set<String> files = new LinkedHashSet<>();
        Path parts = PartsFile.of(target.toAbsolutePath());
        if (Files.exists(parts)) {
            PartsFile.read(parts, (s, section) -> files.add(s.file), false);
        } else if (Files.exists(target)) {
            ReportEntries.read(target, (s, section) -> files.add(s.file), false);
        }
        return files;
    }
}
