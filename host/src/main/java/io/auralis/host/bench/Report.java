package io.auralis.host.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auralis.api.command.TextTable;
import java.util.List;
import java.util.Locale;

/**
 * Prints a {@link BenchResult}: tables for people, or one JSON object for programs. Unknown figures (CPU time and
 * peak memory off Linux) print as {@code n/a} in tables and {@code null} in JSON.
 */
final class Report {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NA = "n/a";

    private Report() {
    }

    /**
     * The figures as tables.
     *
     * @param r the figures
     * @return lines ending in line breaks
     */
    static String table(BenchResult r) {
        StringBuilder out = new StringBuilder();
        out.append("Auralis benchmark, ").append(r.started()).append('\n');
        out.append("Machine: ").append(r.machine().summary()).append('\n');
        out.append("Load average (1, 5, 15 min): ").append(r.loadAtStart()).append(" at start, ")
            .append(r.loadAtEnd()).append(" at end\n");

        if (r.cold() != null || r.warm() != null) {
            out.append("\nStart-up: analyze (default workflow) on ").append(r.startFile()).append('\n');
            TextTable rows = new TextTable(5, "run", "first record", "total", "CPU", "peak RSS");
            for (ChildRun c : new ChildRun[] {r.cold(), r.warm()}) {
                if (c != null) {
                    rows.add(c.label(), seconds(c.firstRecordSeconds()), seconds(c.wallSeconds()),
                        seconds(c.cpuSeconds()), mib(c.peakRssKib()));
                }
            }
            out.append(rows.text(0));
        }

        if (!r.throughput().isEmpty()) {
            out.append("\nThroughput: analyze over a folder, auralis.ser in clip mode (one emotion per whole file), "
                + "decoding and resampling included\n");
            TextTable rows = new TextTable(11, "model", "files", "failed", "audio", "wall", "files/s", "audio s/s",
                "analysis audio s/s", "CPU", "peak RSS", "corpus");
            for (BenchResult.Throughput t : r.throughput()) {
                ChildRun c = t.run();
                rows.add(t.model() + " (" + t.architecture() + ")", Integer.toString(t.files()),
                    Integer.toString(t.failed()), length(t.audioSeconds()), seconds(c.wallSeconds()),
                    rate(t.files() / c.wallSeconds()), rate(t.audioSeconds() / c.wallSeconds()),
                    Double.isNaN(t.analysisSeconds()) ? NA : rate(t.audioSeconds() / t.analysisSeconds()),
                    seconds(c.cpuSeconds()), mib(c.peakRssKib()), t.corpus());
            }
            out.append(rows.text(0));
            out.append("(wall, files/s and audio s/s: the whole process, start included; analysis: analyze's own "
                + "summary, from the first file to the last)\n");
        }

        if (!r.longRecordings().isEmpty()) {
            out.append("\nLong recordings: analyze --workflow emotion-timeline on generated speech-like 16 kHz "
                + "mono files\n");
            TextTable rows = new TextTable(7, "length", "speech segments", "emotions", "wall", "audio s/s", "CPU",
                "peak RSS");
            for (BenchResult.LongRecording l : r.longRecordings()) {
                ChildRun c = l.run();
                rows.add(length(l.seconds()), Integer.toString(l.speechSegments()),
                    Integer.toString(l.emotions()), seconds(c.wallSeconds()), rate(l.seconds() / c.wallSeconds()),
                    seconds(c.cpuSeconds()), mib(c.peakRssKib()));
            }
            out.append(rows.text(0));
        }

        if (r.ser() != null) {
            JsonNode f = r.ser().figures();
            out.append(String.format(Locale.ROOT, "%nSpeech emotion networks: ser bench on %s, PyTorch threads %s, "
                    + "%s s clips, random weights (wall %s, peak RSS %s)%n", f.path("device").asText("?"),
                f.path("pytorchThreads").isNull() ? "unknown" : f.path("pytorchThreads").asText(),
                f.path("clipSeconds").asText(), seconds(r.ser().run().wallSeconds()),
                mib(r.ser().run().peakRssKib())));
            TextTable rows = new TextTable(9, "architecture", "parameters", "inference batch 1", "best batch",
                "inference at best", "per CPU s", "training", "per CPU s", "by batch size (x real time)");
            for (JsonNode a : f.path("architectures")) {
                StringBuilder batches = new StringBuilder();
                for (JsonNode p : a.path("inference")) {
                    batches.append(batches.length() == 0 ? "" : ", ").append(p.path("batch").asInt()).append(": ")
                        .append(times(p.path("audioSecondsPerSecond").asDouble()));
                }
                JsonNode best = null;
                for (JsonNode p : a.path("inference")) {
                    if (p.path("batch").asInt() == a.path("bestBatch").asInt()) {
                        best = p;
                    }
                }
                JsonNode t = a.path("training");
                rows.add(a.path("architecture").asText(), a.path("parameters").asText(),
                    times(a.path("realTimeFactorBatch1").asDouble()), a.path("bestBatch").asText(),
                    times(a.path("realTimeFactorBestBatch").asDouble()), perCpuSecond(best),
                    t.isObject() ? String.format(Locale.ROOT, "%.0f audio s/s (batch %d)",
                        t.path("audioSecondsPerSecond").asDouble(), t.path("batch").asInt()) : "-",
                    t.isObject() ? perCpuSecond(t) : "-", batches.toString());
            }
            out.append(rows.text(0));
        }

        if (!r.reference().isEmpty()) {
            out.append("\nAgainst the PyTorch reference (bench/torch_reference.py: torchaudio loads and resamples each "
                + "file, the same network runs it alone), whole processes, alternating\n");
            TextTable rows = new TextTable(9, "model", "files", "audio", "ser predict", "reference", "analyze",
                "ser predict x", "analyze x", "folder");
            for (BenchResult.Reference ref : r.reference()) {
                rows.add(ref.model() + " (" + ref.architecture() + ")", Integer.toString(ref.files()),
                    length(ref.audioSeconds()), walls(ref.predict()), walls(ref.torch()), walls(ref.analyze()),
                    times(ref.speedup(ref.predict())), times(ref.speedup(ref.analyze())), ref.corpus());
            }
            out.append(rows.text(0));
            out.append("(x: the reference's median wall over the program's median wall; above 1 is faster than "
                + "the reference)\n");
        }

        if (!r.problems().isEmpty()) {
            out.append("\nFailed runs:\n");
            r.problems().forEach(p -> out.append("  ").append(p).append('\n'));
        }
        return out.toString();
    }

    /**
     * The figures as JSON.
     *
     * @param r the figures
     * @return one JSON object on one line
     */
    static String json(BenchResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("started", r.started());
        ObjectNode machine = root.putObject("machine");
        machine.put("cpu", r.machine().cpu());
        machine.put("cores", r.machine().cores());
        number(machine, "memoryBytes", r.machine().memoryBytes() < 0 ? Double.NaN : r.machine().memoryBytes());
        machine.put("os", r.machine().os());
        machine.put("java", r.machine().java().strip());
        ObjectNode load = root.putObject("loadAverage");
        load.put("start", r.loadAtStart());
        load.put("end", r.loadAtEnd());
        ObjectNode startup = root.putObject("startup");
        startup.put("file", r.startFile());
        child(startup, "cold", r.cold());
        child(startup, "warm", r.warm());
        ArrayNode throughput = root.putArray("throughput");
        for (BenchResult.Throughput t : r.throughput()) {
            ObjectNode o = throughput.addObject();
            o.put("model", t.model());
            o.put("architecture", t.architecture());
            o.put("corpus", t.corpus());
            o.put("files", t.files());
            o.put("failed", t.failed());
            number(o, "audioSeconds", t.audioSeconds());
            number(o, "filesPerSecond", t.files() / t.run().wallSeconds());
            number(o, "audioSecondsPerSecond", t.audioSeconds() / t.run().wallSeconds());
            number(o, "analysisSeconds", t.analysisSeconds());
            number(o, "analysisAudioSecondsPerSecond", t.audioSeconds() / t.analysisSeconds());
            child(o, "run", t.run());
        }
        ArrayNode recordings = root.putArray("longRecordings");
        for (BenchResult.LongRecording l : r.longRecordings()) {
            ObjectNode o = recordings.addObject();
            number(o, "seconds", l.seconds());
            o.put("speechSegments", l.speechSegments());
            o.put("emotions", l.emotions());
            number(o, "audioSecondsPerSecond", l.seconds() / l.run().wallSeconds());
            child(o, "run", l.run());
        }
        if (r.ser() == null) {
            root.putNull("ser");
        } else {
            ObjectNode ser = root.putObject("ser");
            child(ser, "run", r.ser().run());
            ser.set("figures", r.ser().figures());
        }
        ArrayNode reference = root.putArray("reference");
        for (BenchResult.Reference ref : r.reference()) {
            ObjectNode o = reference.addObject();
            o.put("model", ref.model());
            o.put("architecture", ref.architecture());
            o.put("corpus", ref.corpus());
            o.put("files", ref.files());
            number(o, "audioSeconds", ref.audioSeconds());
            number(o, "predictSpeedup", ref.speedup(ref.predict()));
            number(o, "analyzeSpeedup", ref.speedup(ref.analyze()));
            for (var runs : java.util.Map.of("predict", ref.predict(), "reference", ref.torch(), "analyze",
                    ref.analyze()).entrySet()) {
                ArrayNode list = o.putArray(runs.getKey());
                for (ChildRun c : runs.getValue()) {
                    ObjectNode run = list.addObject();
                    number(run, "wallSeconds", c.wallSeconds());
                    number(run, "cpuSeconds", c.cpuSeconds());
                    run.put("peakRssKib", c.peakRssKib());
                }
            }
        }
        ArrayNode problems = root.putArray("problems");
        r.problems().forEach(problems::add);
        return root.toString();
    }

    /** The walls of a program's runs, in the order they ran. */
    private static String walls(List<ChildRun> runs) {
        return runs.isEmpty() ? NA : String.join(" / ", runs.stream().map(c -> seconds(c.wallSeconds())).toList());
    }

    /** Audio seconds per CPU second of a ser bench figure, which other work on the machine disturbs less. */
    private static String perCpuSecond(JsonNode pass) {
        if (pass == null || !pass.path("cpuSeconds").isNumber() || pass.path("cpuSeconds").asDouble() <= 0) {
            return NA;
        }
        return String.format(Locale.ROOT, "%.0f audio s", pass.path("audioSeconds").asDouble()
            / pass.path("cpuSeconds").asDouble());
    }

    private static void child(ObjectNode parent, String name, ChildRun c) {
        if (c == null) {
            parent.putNull(name);
            return;
        }
        ObjectNode o = parent.putObject(name);
        o.put("exitCode", c.exitCode());
        number(o, "wallSeconds", c.wallSeconds());
        number(o, "firstRecordSeconds", c.firstRecordSeconds());
        number(o, "cpuSeconds", c.cpuSeconds());
        number(o, "peakRssBytes", c.peakRssKib() < 0 ? Double.NaN : c.peakRssKib() * 1024.0);
    }

    /** Puts a number rounded to a thousandth, or null when it is unknown or not finite. */
    private static void number(ObjectNode o, String name, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(name);
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            o.put(name, (long) v);
        } else {
            o.put(name, Math.round(v * 1000) / 1000.0);
        }
    }

    static String seconds(double s) {
        if (Double.isNaN(s)) {
            return NA;
        }
        return String.format(Locale.ROOT, s < 10 ? "%.2f s" : s < 100 ? "%.1f s" : "%.0f s", s);
    }

    static String mib(long kib) {
        return kib < 0 ? NA : String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }

    static String rate(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return NA;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }

    static String times(double v) {
        return Double.isNaN(v) || v <= 0 ? NA : String.format(Locale.ROOT, v < 10 ? "%.1fx" : "%.0fx", v);
    }

    /**
     * A length of audio for people.
     *
     * @param seconds the length
     * @return such as {@code 45 s}, {@code 1 min}, {@code 1 h} or {@code 1.60 h}
     */
    static String length(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 3600) {
            double min = seconds / 60;
            return min == Math.rint(min) ? String.format(Locale.ROOT, "%.0f min", min)
                : String.format(Locale.ROOT, "%.1f min", min);
        }
        double h = seconds / 3600;
        return h == Math.rint(h) ? String.format(Locale.ROOT, "%.0f h", h) : String.format(Locale.ROOT, "%.2f h", h);
    }
}
