package io.auralis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.ModelDescriptor;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.output.FileRecord;
import io.auralis.api.output.RecordSink;
import io.auralis.api.output.RunInfo;
import io.auralis.api.output.SummaryFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a call analyst looks for in a report: the segment table with confidences, the model with its cross-corpus
 * accuracy and a caveat, markers for a plugin's intervals that the report knows only from their descriptor, and
 * playback. The report is written for an escalation-like plugin output, a per-file count and a run description
 * naming the model, as the platform would hand them over.
 */
class AnalystReportTest {
    static final String ESCALATIONS = "watch.alarms";
    static final String CHANGES = "timeline.changes";

    @TempDir
    static Path dir;

    static Path target;
    static String html;

    /** The outputs of {@link Records#outputs()} and two more: a plugin's intervals and a count for the whole file. */
    static Map<String, OutputDescriptor> outputs() {
        Map<String, OutputDescriptor> outputs = new LinkedHashMap<>(Records.outputs());
        // A kind the report has never heard of: only the descriptor says these are intervals with two values.
        OutputDescriptor alarms = new OutputDescriptor("alarms", "Alarms", "made-up-kind", null, 2,
            SampleType.VARIABLE, true);
        alarms.binNames = List.of("peakProbability", "riseDb");
        outputs.put(ESCALATIONS, alarms);
        OutputDescriptor changes = new OutputDescriptor("changes", "Emotion changes", "count", null, 1,
            SampleType.VARIABLE, true);
        changes.binNames = List.of("changes");
        outputs.put(CHANGES, changes);
        return outputs;
    }

    /** A record of {@link #outputs()}: speech with two alarms and a count of changes spanning the file. */
    static FileRecord call(String file) {
        FileRecord r = Records.withSegments(Records.speech(file, 40, 3, "angry", "neutral"));
        r.outputs.put(ESCALATIONS, List.of(new Feature(6.5, 4.0, new float[] {0.82f, 4.1f}, "escalation"),
            new Feature(22.0, 3.0, new float[] {0.71f, 3.4f}, "escalation")));
        r.outputs.put(CHANGES, List.of(new Feature(0, 40, new float[] {5}, null)));
        return r;
    }

    /** The run as a host describes it: the workflow, the folder of calls, and the model with its card's figures. */
    static RunInfo run() {
        ModelDescriptor model = new ModelDescriptor();
        model.name = "default";
        model.version = "2026-12-01";
        model.architecture = "cnn5gru";
        model.crossCorpusAccuracy = 0.415;
        model.testAccuracy = 0.3893;
        RunInfo run = new RunInfo();
        run.workflow = "emotion-timeline";
        run.description = "Speech segments & the emotion of each.";
        run.inputs = List.of("/data/calls");
        run.models = List.of(model);
        run.auralisVersion = "0.1.0";
        return run;
    }

    @BeforeAll
    static void writeReport() throws IOException {
        Path clips = Files.createDirectories(dir.resolve("calls"));
        target = dir.resolve("out/report.html");
        try (RecordSink sink = new HtmlReportWriter().open(target, outputs(), false, run())) {
            sink.write(call(clips.resolve("first call.wav").toString()));
            sink.write(Records.speech(clips.resolve("short.wav").toString(), 3.0, 9, "sad"));
        }
        html = Files.readString(target);
    }

    @Test
    void eachFileHasASortableFilterableSegmentTableWithConfidenceLevelAndPitch() {
        String section = Pages.section(html, 1);
        assertTrue(section.contains("<table class=\"segments sortable\">"), "no segment table");
        for (String column : List.of("Start (s)", "End (s)", "Output", "Label", "Confidence", "Values",
                "Level (dBFS)", "Pitch (Hz)")) {
            assertTrue(section.contains(">" + column + "</th>"), "no column " + column);
        }
        assertTrue(section.contains("<input type=\"search\""), "no filter");
        assertTrue(section.contains("<option>" + Records.EMOTION + "</option>"), "no filter by output");
        // An emotion row: its start, the label, and the confidence as a number of two decimals.
        Matcher row = Pattern.compile("<tr data-t=\"[0-9.]+\"><td class=\"num\" data-v=\"[0-9.]+\">[0-9.]+</td>"
            + "<td class=\"num\" data-v=\"[0-9.]+\">[0-9.]+</td><td>" + Pattern.quote(Records.EMOTION) + "</td><td>"
            + "<span class=\"chip\"[^>]*></span>[a-z]+</td><td class=\"num\" data-v=\"[0-9.]+\">0\\.\\d\\d</td>")
            .matcher(section);
        assertTrue(row.find(), "no emotion row with a confidence");
        assertTrue(section.contains("<script") == false, "script belongs to the page, not to a section");
        assertTrue(html.contains("table.sortable"), "the page's script does not sort tables");
    }

    @Test
    void confidenceIsShownWhereverALabelIs() {
        String section = Pages.section(html, 1);
        assertTrue(section.matches("(?s).*<th>Dominant emotion</th><td>.*?confidence 0\\.\\d\\d</span></td>.*"),
            "dominant emotion without its confidence");
        // The strip's boxes carry the label and the confidence.
        assertTrue(Pattern.compile("<title>[a-z]+, confidence 0\\.\\d\\d, ").matcher(section).find(),
            "strip box without a confidence");
        String overview = html.substring(0, html.indexOf("<section class=\"file\""));
        assertTrue(overview.contains("<th class=\"num\" data-sort=\"n\">Confidence</th>"), "files table");
        assertTrue(overview.contains("<th class=\"num\" data-sort=\"n\">Share of speech time</th>"),
            "the share column must be named as such");
    }

    @Test
    void modelCrossCorpusAccuracyAndCaveatAreAtTheTop() {
        int model = html.indexOf("<div class=\"model\">");
        assertTrue(model > 0 && model < html.indexOf("<section class=\"file\""), "no model card at the top");
        String card = html.substring(model, html.indexOf("</div>", model));
        assertTrue(card.contains("<b>Model:</b> default (cnn5gru, version 2026-12-01)"), card);
        assertTrue(card.contains("cross-corpus accuracy <b>41.5 %</b>"), card);
        assertTrue(card.contains("chance 13%"), "chance for eight classes (12.5 %): " + card);
        assertTrue(card.contains("38.9 % on unseen speakers"), card);
        assertTrue(card.contains("<span class=\"caveat\">Caveat: "), card);
    }

    @Test
    void titleAndHeadingNameTheWorkflowAndItsInputsWithItsDescriptionAndTheAuralisVersion() {
        assertTrue(html.contains("<title>emotion-timeline: calls</title>"), "title");
        assertTrue(html.contains("<h1>emotion-timeline: calls</h1>"), "heading");
        assertTrue(html.contains("<p class=\"about\">Speech segments &amp; the emotion of each.</p>"), "description");
        assertTrue(html.contains(" by Auralis 0.1.0</p>"), "version");
    }

    @Test
    void aPluginsIntervalsAreMarkedOnTheTimelineAndListedInTheTableFromTheirDescriptor() {
        String section = Pages.section(html, 1);
        String timeline = Pages.svgs(section).get(0);
        assertTrue(timeline.contains("<title>" + ESCALATIONS + " escalation 6.50–10.50 s: peakProbability 0.82, "
            + "riseDb 4.10</title>"), "no marker for the first interval");
        assertTrue(timeline.contains(">" + ESCALATIONS + "</text>"), "the marker band is not named");
        assertTrue(section.contains("<td>" + ESCALATIONS + "</td><td>escalation</td><td class=\"num\">–</td>"
            + "<td>peakProbability 0.82, riseDb 4.10</td>"), "the interval is not in the table");
        assertTrue(section.contains("Markers: " + ESCALATIONS + " (2 features)."), "caption");
    }

    @Test
    void aValueForTheWholeFileIsAFactNotAMarker() {
        String section = Pages.section(html, 1);
        assertTrue(section.contains("<tr><th>Emotion changes</th><td>5</td></tr>"), "count not in the facts");
        assertFalse(section.contains("<td>" + CHANGES + "</td>"), "the count is listed as a segment");
        assertFalse(section.contains(">" + CHANGES + "</text>"), "the count is drawn as a marker");
    }

    @Test
    void perFileSummariesAreATableOfTheirStatisticsNotMarkersOrSegments() throws IOException {
        Map<String, OutputDescriptor> outputs = new LinkedHashMap<>(Records.outputs());
        String key = SummaryFeatures.key(Records.PITCH);
        outputs.put(key, SummaryFeatures.output(Records.PITCH, outputs.get(Records.PITCH), "the file"));
        FileRecord r = Records.speech("summarised.wav", 10, 4, "sad");
        List<Feature> summary = new java.util.ArrayList<>();
        float[] values = {80, 95.5f, 310, 180.25f, 176, 41.125f};
        for (int i = 0; i < values.length; i++) {
            summary.add(new Feature(0, 10, new float[] {values[i]}, SummaryFeatures.STATISTICS.get(i)));
        }
        r.outputs.put(key, summary);
        FileRecord silent = Records.speech("silent.wav", 10, 5, "sad");
        silent.outputs.put(key, List.of(new Feature(0, 10, new float[] {0}, SummaryFeatures.COUNT),
            new Feature(0, 10, new float[] {Float.NaN}, SummaryFeatures.MEAN)));
        Path page = dir.resolve("summaries.html");
        try (RecordSink sink = new HtmlReportWriter().open(page, outputs, false)) {
            sink.write(r);
            sink.write(silent);
        }
        String section = Pages.section(Files.readString(page), 1);
        assertTrue(section.contains("<summary>Summaries of 1 output</summary>"), "no summaries");
        assertTrue(section.contains("<th>Output</th><th>Value</th><th class=\"num\" data-sort=\"n\">count</th>"),
            "no statistics header");
        assertTrue(section.contains("<td>" + key + "</td><td>f0 (Hz)</td><td class=\"num\" data-v=\"80.0000\">80</td>"
            + "<td class=\"num\" data-v=\"95.5000\">95.5</td><td class=\"num\" data-v=\"310.000\">310</td>"),
            "no row of f0's statistics: " + section.substring(section.indexOf("Summaries")));
        assertFalse(section.contains("<td>" + key + "</td><td>mean</td>"), "a statistic listed as a segment");
        assertFalse(Pages.svgs(section).get(0).contains(key), "a statistic drawn as a marker");
        String other = Pages.section(Files.readString(page), 2);
        assertTrue(other.contains("<td>f0 (Hz)</td><td class=\"num\" data-v=\"0.00000\">0</td>"
            + "<td class=\"num\">–</td><td class=\"num\">–</td><td class=\"num\">–</td>"),
            "missing and NaN statistics are dashes: " + other.substring(other.indexOf("Summaries")));
    }

    @Test
    void eachFileHasAPlayerLinkedRelativeToTheReport() {
        assertTrue(Pages.section(html, 1).contains(
            "<audio controls preload=\"none\" src=\"../calls/first%20call.wav\"></audio>"), "player of the first call");
        assertTrue(html.contains("a.currentTime=t;a.play()"), "clicking a segment does not play from its start");
    }

    @Test
    void countsAgreeWithTheirNouns() {
        String short_ = Pages.section(html, 2);
        // 3 s of audio: a single window of 2 s, and the strip still drawn for it.
        assertTrue(short_.contains("(1 result)"), "one result");
        assertFalse(html.contains("1 results"), "1 results");
        assertTrue(short_.contains("Strip: the segments of " + Records.EMOTION), "no strip for a single segment");
    }

    @Test
    void aWorkflowWithoutEmotionsHasNoEmotionCardsOrModel() throws IOException {
        Map<String, OutputDescriptor> outputs = new LinkedHashMap<>();
        outputs.put(Records.LOUDNESS, Records.outputs().get(Records.LOUDNESS));
        outputs.put(Records.PITCH, Records.outputs().get(Records.PITCH));
        FileRecord r = Records.speech("features.wav", 10, 2, "sad");
        r.outputs.remove(Records.EMOTION);
        Path page = dir.resolve("features.html");
        try (RecordSink sink = new HtmlReportWriter().open(page, outputs, false)) {
            sink.write(r);
        }
        String features = Files.readString(page);
        assertFalse(features.contains("emotion"), "an emotion card, column or note: "
            + features.substring(features.indexOf("<main>")));
        assertFalse(features.contains("<div class=\"model\">"), "a model card");
        assertTrue(features.contains("<title>Speech features"), "title");
        assertEquals(1, Pages.svgs(features).size(), "its timeline");
    }

    @Test
    void aRunThatNamesNoModelSaysSoAndKeepsTheCaveat() throws IOException {
        Path page = dir.resolve("unknown.html");
        try (RecordSink sink = new HtmlReportWriter().open(page, outputs(), false)) {
            sink.write(call("x.wav"));
        }
        String unknown = Files.readString(page);
        assertTrue(unknown.contains("<b>Model:</b> not named"), "model");
        assertTrue(unknown.contains("<span class=\"caveat\">Caveat: "), "caveat");
        assertTrue(unknown.contains("<title>Emotion timeline"), "a title from what was computed");
    }
}
