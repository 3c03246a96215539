package io.auralis.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auralis.host.distribution.GeneratedWav;
import io.auralis.host.distribution.InstalledAuralis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --summary} and {@code --format csv-wide} end to end through the real launcher, decoder and
 * extractors: the summaries must be the statistics of the record's own features, the frame table must hold every
 * frame of the record at its time.
 */
class OutputLayoutsIT {
    private static final List<String> STATISTICS = List.of("count", "minimum", "maximum", "mean", "median", "sd");

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();

    private InstalledAuralis auralis() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        GeneratedWav.write(corpus.resolve("low.wav"), 16000, 1, 16, 2.5, GeneratedWav.voice(150, 0.5, 2.0, 1));
        GeneratedWav.write(corpus.resolve("high.wav"), 44100, 2, 16, 2.0, GeneratedWav.voice(220, 0.4, 1.6, 2));
        GeneratedWav.write(corpus.resolve("silent.wav"), 16000, 1, 16, 1.5, t -> 0);
        Files.write(corpus.resolve("empty.wav"), new byte[0]);
        // The default workflow without its emotion model: segments, pitch and loudness.
        Files.writeString(tmp.resolve("speech.json"), ("{'name': 'speech', 'steps': ["
            + "{'id': 'segments', 'extractor': 'auralis.segmenter'}, {'id': 'pitch', 'extractor': 'auralis.pitch'}, "
            + "{'id': 'loudness', 'extractor': 'auralis.loudness', 'blockSize': 1600, 'stepSize': 1600}], "
            + "'outputs': ['segments.speech', 'pitch.f0', 'loudness.dbfs']}").replace('\'', '"'));
        return new InstalledAuralis(shared.resolve("state"), tmp);
    }

    private Map<String, JsonNode> records(Path jsonl) throws IOException {
        Map<String, JsonNode> records = new LinkedHashMap<>();
        for (String line : Files.readAllLines(jsonl)) {
            JsonNode r = json.readTree(line);
            records.put(Path.of(r.get("file").asText()).getFileName().toString(), r);
        }
        return records;
    }

    /**
     * The values of one bin of an output, of the features whose time falls inside the segments (all, without them),
     * times compared in microseconds as the records print them.
     */
    private static double[] values(JsonNode record, String output, String bin, JsonNode segments) {
        List<Double> values = new ArrayList<>();
        for (JsonNode f : record.get("outputs").get(output)) {
            long t = Math.round(f.get("time").asDouble() * 1e6);
            boolean inside = segments == null;
            for (int i = 0; segments != null && i < segments.size() && !inside; i++) {
                double start = segments.get(i).get("time").asDouble();
                double end = start + segments.get(i).get("duration").asDouble();
                inside = Math.round(start * 1e6) <= t && t < Math.round(end * 1e6);
            }
            if (inside && !f.get(bin).isNull()) {
                values.add(f.get(bin).asDouble());
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Count, minimum, maximum, mean, median and population sd, as numpy computes them. */
    private static double[] expected(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        if (n == 0) {
            return new double[] {0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        double mean = Arrays.stream(s).sum() / n;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        double variance = Arrays.stream(s).map(x -> (x - mean) * (x - mean)).sum() / n;
        return new double[] {n, s[0], s[n - 1], mean, median, Math.sqrt(variance)};
    }

    private static void assertSummary(JsonNode record, String output, String bin, JsonNode segments, String what) {
        double[] want = expected(values(record, output, bin, segments));
        JsonNode summary = record.get("outputs").get(output + ":summary");
        assertEquals(STATISTICS.size(), summary.size(), what);
        for (int i = 0; i < STATISTICS.size(); i++) {
            JsonNode f = summary.get(i);
            assertEquals(STATISTICS.get(i), f.get("label").asText(), what);
            assertEquals(0.0, f.get("time").asDouble(), what);
            assertEquals(record.get("duration").asDouble(), f.get("duration").asDouble(), what);
            if (Double.isNaN(want[i])) {
                assertTrue(f.get(bin).isNull(), what + " " + STATISTICS.get(i) + " is null, not NaN: " + f);
            } else {
                assertEquals(want[i], f.get(bin).asDouble(), Math.abs(want[i]) * 1e-5 + 1e-5,
                    what + " " + STATISTICS.get(i));
            }
        }
    }

    @Test
    void summariesAreTheStatisticsOfTheRecordsOwnFeaturesOverTheFileOrItsSpeech() throws Exception {
        InstalledAuralis auralis = auralis();
        InstalledAuralis.Run file = auralis.run("analyze", "-w", "speech.json", "--summary", "file", "-o",
            "file.jsonl", "corpus");
        assertEquals(1, file.code(), "the empty file fails\n" + file.err());
        InstalledAuralis.Run speech = auralis.run("analyze", "-w", "speech.json", "--summary", "segments", "-o",
            "speech.jsonl", "corpus");
        assertEquals(1, speech.code(), speech.err());

        Map<String, JsonNode> whole = records(tmp.resolve("file.jsonl"));
        Map<String, JsonNode> inSpeech = records(tmp.resolve("speech.jsonl"));
        for (String name : List.of("low.wav", "high.wav", "silent.wav")) {
            JsonNode r = whole.get(name);
            assertSummary(r, "pitch.f0", "f0", null, name + " over the file");
            assertSummary(r, "loudness.dbfs", "dbfs", null, name + " over the file");
            assertSummary(r, "segments.speech", "level", null, name + " over the file");
            JsonNode s = inSpeech.get(name);
            JsonNode segments = s.get("outputs").get("segments.speech");
            assertSummary(s, "pitch.f0", "f0", segments, name + " over speech");
            assertSummary(s, "loudness.dbfs", "dbfs", segments, name + " over speech");
        }
        // The voices' pitch, and the quiet noise around them that only the whole file's loudness counts.
        double low = inSpeech.get("low.wav").get("outputs").get("pitch.f0:summary").get(4).get("f0").asDouble();
        assertEquals(150, low, 15, "median f0 of the 150 Hz voice");
        double high = inSpeech.get("high.wav").get("outputs").get("pitch.f0:summary").get(4).get("f0").asDouble();
        assertEquals(220, high, 22, "median f0 of the 220 Hz voice");
        JsonNode fileLevel = whole.get("low.wav").get("outputs").get("loudness.dbfs:summary");
        JsonNode speechLevel = inSpeech.get("low.wav").get("outputs").get("loudness.dbfs:summary");
        assertTrue(speechLevel.get(0).get("dbfs").asInt() < fileLevel.get(0).get("dbfs").asInt(), "fewer blocks");
        assertTrue(speechLevel.get(3).get("dbfs").asDouble() > fileLevel.get(3).get("dbfs").asDouble() + 3,
            "speech is louder on average than the file with its pauses");
        assertEquals(0, inSpeech.get("silent.wav").get("outputs").get("loudness.dbfs:summary").get(0).get("dbfs")
            .asInt(), "no speech, nothing counted");
        assertEquals(0, whole.get("empty.wav").get("outputs").size(), "a failed file carries no summaries");
    }

    @Test
    void theFrameTableHoldsEveryFrameOfTheRecordsAtItsTimeAndTheLongTableTheSummaries() throws Exception {
        InstalledAuralis auralis = auralis();
        assertEquals(1, auralis.run("analyze", "-w", "speech.json", "-o", "r.jsonl", "corpus").code());
        InstalledAuralis.Run wide = auralis.run("analyze", "-w", "speech.json", "--format", "csv-wide", "-o",
            "frames.csv", "corpus");
        assertEquals(1, wide.code(), wide.err());
        InstalledAuralis.Run csv = auralis.run("analyze", "-w", "speech.json", "--summary", "file", "-o", "long.csv",
            "corpus");
        assertEquals(1, csv.code(), csv.err());

        List<String> rows = Files.readAllLines(tmp.resolve("frames.csv"));
        assertEquals("file,time,f0,dbfs,error", rows.get(0));
        Map<String, TreeMap<Double, Float>> f0 = new LinkedHashMap<>();
        Map<String, TreeMap<Double, Float>> dbfs = new LinkedHashMap<>();
        Map<String, Double> last = new LinkedHashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            assertEquals(5, cells.length, row);
            String name = Path.of(cells[0]).getFileName().toString();
            if (!cells[4].isEmpty()) {
                assertEquals("empty.wav", name, row);
                assertTrue(cells[1].isEmpty() && cells[2].isEmpty() && cells[3].isEmpty(), row);
                continue;
            }
            double time = Double.parseDouble(cells[1]);
            assertTrue(time > last.getOrDefault(name, -1.0), "times rise within a file: " + row);
            last.put(name, time);
            if (!cells[2].isEmpty()) {
                f0.computeIfAbsent(name, k -> new TreeMap<>()).put(time, Float.parseFloat(cells[2]));
            }
            if (!cells[3].isEmpty()) {
                dbfs.computeIfAbsent(name, k -> new TreeMap<>()).put(time, Float.parseFloat(cells[3]));
            }
            assertTrue(!cells[2].isEmpty() || !cells[3].isEmpty(), "a row without any value: " + row);
        }
        Map<String, JsonNode> records = records(tmp.resolve("r.jsonl"));
        for (String name : List.of("low.wav", "high.wav", "silent.wav")) {
            assertEquals(frames(records.get(name), "pitch.f0", "f0"), f0.getOrDefault(name, new TreeMap<>()),
                name + " f0");
            assertEquals(frames(records.get(name), "loudness.dbfs", "dbfs"), dbfs.get(name), name + " dbfs");
        }
        assertTrue(f0.get("low.wav").size() > 20, "the voice is voiced");
        assertTrue(!f0.containsKey("silent.wav"), "silence has no f0");

        String longTable = Files.readString(tmp.resolve("long.csv"));
        for (String statistic : STATISTICS) {
            assertTrue(longTable.contains(",pitch.f0:summary,0.0,2.5," + statistic + ","), statistic);
        }
    }

    /** An output's values by time, as the JSON Lines writer printed them, read back as the floats they are. */
    private static TreeMap<Double, Float> frames(JsonNode record, String output, String bin) {
        TreeMap<Double, Float> frames = new TreeMap<>();
        for (JsonNode f : record.get("outputs").get(output)) {
            frames.put(f.get("time").asDouble(), Float.parseFloat(f.get(bin).asText()));
        }
        return frames;
    }
}
