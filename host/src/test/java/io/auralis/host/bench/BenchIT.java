package io.auralis.host.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code auralis bench --quick --long --json} on the built distribution (failsafe, after {@code mvn package}): every
 * figure is there and positive. Speeds are not judged: they depend on the machine and what else runs on it.
 */
class BenchIT {
    @TempDir
    Path tmp;

    private static void positive(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        assertTrue(v != null && v.isNumber() && v.asDouble() > 0, field + " is a positive number in " + parent);
    }

    private static void childRun(JsonNode run, boolean firstRecord) {
        assertEquals(0, run.get("exitCode").asInt(), run.toString());
        positive(run, "wallSeconds");
        if (firstRecord) {
            positive(run, "firstRecordSeconds");
            assertTrue(run.get("firstRecordSeconds").asDouble() <= run.get("wallSeconds").asDouble(), run.toString());
        }
        if (ProcStats.available()) {
            positive(run, "cpuSeconds");
            // a JVM with the platform started: tens of MiB at the very least
            assertTrue(run.get("peakRssBytes").asLong() > 32L << 20, run.toString());
        }
    }

    @Test
    void aQuickRunReportsEveryFigure() throws Exception {
        Path dist = Path.of(System.getProperty("auralis.dist"));
        ProcessBuilder builder = new ProcessBuilder(dist.resolve("bin/auralis").toString(), "bench", "--quick",
            "--long", "--json").directory(tmp.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("AURALIS_STATE", tmp.resolve("unused-state").toString());
        builder.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "auralis bench --quick finished");
        String err = Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), err);
        List<String> lines = Files.readAllLines(tmp.resolve("out.txt"), StandardCharsets.UTF_8);
        assertEquals(1, lines.size(), "one JSON object: " + lines);
        JsonNode r = new ObjectMapper().readTree(lines.get(0));

        assertEquals(0, r.get("problems").size(), r.get("problems").toString());
        positive(r.get("machine"), "cores");
        assertTrue(!r.get("machine").get("java").asText().isBlank());
        assertTrue(!r.get("loadAverage").get("start").asText().isBlank());
        assertTrue(!r.get("loadAverage").get("end").asText().isBlank());

        assertTrue(r.get("startup").get("file").asText().endsWith(".wav"));
        childRun(r.get("startup").get("cold"), true);
        childRun(r.get("startup").get("warm"), true);

        JsonNode throughput = r.get("throughput");
        assertEquals(1, throughput.size(), "quick: the default model alone");
        JsonNode t = throughput.get(0);
        assertEquals("default", t.get("model").asText());
        assertEquals(3, t.get("files").asInt(), "the three samples");
        assertEquals(0, t.get("failed").asInt());
        for (String f : List.of("audioSeconds", "filesPerSecond", "audioSecondsPerSecond", "analysisSeconds",
            "analysisAudioSecondsPerSecond")) {
            positive(t, f);
        }
        childRun(t.get("run"), true);

        JsonNode recordings = r.get("longRecordings");
        assertEquals(2, recordings.size());
        for (JsonNode l : recordings) {
            positive(l, "seconds");
            positive(l, "speechSegments");
            positive(l, "emotions");
            positive(l, "audioSecondsPerSecond");
            childRun(l.get("run"), false);
        }
        assertTrue(recordings.get(1).get("seconds").asDouble() > recordings.get(0).get("seconds").asDouble());

        JsonNode ser = r.get("ser");
        childRun(ser.get("run"), false);
        JsonNode figures = ser.get("figures");
        assertEquals("cpu", figures.get("device").asText());
        positive(figures, "pytorchThreads");
        JsonNode arch = figures.get("architectures").get(0);
        assertEquals("cnn3gru", arch.get("architecture").asText());
        positive(arch, "parameters");
        positive(arch, "realTimeFactorBatch1");
        positive(arch, "bestBatch");
        positive(arch, "realTimeFactorBestBatch");
        positive(arch.get("training"), "audioSecondsPerSecond");
        assertTrue(err.contains("auralis: bench: cold start"), "progress on standard error: " + err);
        // the launcher script may keep its class-data archive there for the bench process itself; nothing else
        try (var entries = Files.list(tmp.resolve("unused-state"))) {
            assertEquals(List.of("cds"), entries.map(p -> p.getFileName().toString()).toList(),
                "children use the benchmark's own state folder");
        } catch (java.nio.file.NoSuchFileException e) {
            // no archive either
        }
    }
}
