package io.auralis.host.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static BenchResult result(boolean withSer, List<String> problems) throws Exception {
        Machine machine = new Machine("AMD EPYC", 2, 2L << 30, "Linux 6.1 amd64", "Debian OpenJDK 17.0.15");
        ChildRun cold = new ChildRun("cold start", 0, 12.5, 10.25, 9.5, 400 * 1024, "");
        ChildRun warm = new ChildRun("warm start", 0, 2.5, 2.0, Double.NaN, -1, "");
        BenchResult.Throughput t = new BenchResult.Throughput("default", "cnn5gru", "/data/tess", 2800, 2, 5760, 20,
            new ChildRun("analyze with default", 1, 24, 3, 40, 800 * 1024, ""));
        BenchResult.LongRecording hour = new BenchResult.LongRecording(3600, 950, 948,
            new ChildRun("emotion-timeline on 1 h", 0, 30, 30, 55, 500 * 1024, ""));
        JsonNode ser = JSON.readTree("{\"device\":\"cpu\",\"pytorchThreads\":2,\"cores\":2,\"clipSeconds\":3.0,"
            + "\"architectures\":[{\"architecture\":\"cnn18gru\",\"weights\":\"random weights\",\"parameters\":"
            + "123456,\"inference\":[{\"batch\":1,\"audioSecondsPerSecond\":150.5},{\"batch\":32,"
            + "\"audioSecondsPerSecond\":610.2,\"audioSeconds\":192,\"cpuSeconds\":0.64}],\"realTimeFactorBatch1\":150.5,\"bestBatch\":32,"
            + "\"realTimeFactorBestBatch\":610.2,\"training\":{\"batch\":16,\"audioSecondsPerSecond\":240.4}}]}");
        return new BenchResult(machine, "2026-11-25T08:00:00Z", "0.10 0.20 0.30", "1.10 0.90 0.50",
            "/home/samples/welcome.wav", cold, warm, List.of(t), List.of(hour),
            withSer ? new BenchResult.SerBench(new ChildRun("ser bench", 0, 60, Double.NaN, 100, 700 * 1024, ""), ser)
                : null, List.of(reference()), problems);
    }

    private static BenchResult.Reference reference() {
        return new BenchResult.Reference("cnn18gru-tess", "cnn18gru", "/data/emodb48", 535, 1487.0,
            List.of(new ChildRun("ser predict", 0, 9.0, 2.5, 15, 400 * 1024, ""),
                new ChildRun("ser predict", 0, 11.0, 2.5, 15, 400 * 1024, "")),
            List.of(new ChildRun("reference", 0, 30.0, Double.NaN, 30, 300 * 1024, ""),
                new ChildRun("reference", 0, 30.0, Double.NaN, 30, 300 * 1024, "")),
            List.of(new ChildRun("analyze", 0, 12.0, 2.0, 16, 450 * 1024, ""),
                new ChildRun("analyze", 0, 12.0, 2.0, 16, 450 * 1024, "")));
    }

    @Test
    void theReferenceComparisonShowsEachRunAndTheRatioOfMedianWalls() throws Exception {
        String table = Report.table(result(true, List.of()));
        assertTrue(table.contains("Against the PyTorch reference"), table);
        assertTrue(table.contains("9.00 s / 11.0 s"), table);
        // 30 s median against 10 s and 12 s
        assertTrue(table.contains("3.0x") && table.contains("2.5x"), table);
        JsonNode json = new ObjectMapper().readTree(Report.json(result(true, List.of())));
        assertEquals(3.0, json.path("reference").get(0).path("predictSpeedup").asDouble(), 1e-9);
        assertEquals(2, json.path("reference").get(0).path("reference").size());
    }

    @Test
    void theTableShowsEveryFigureWithUnitsAndNaForTheUnknown() throws Exception {
        String table = Report.table(result(true, List.of()));
        assertTrue(table.contains("Machine: AMD EPYC, 2 cores, 2.0 GiB, Linux 6.1 amd64, Debian OpenJDK 17.0.15"),
            table);
        assertTrue(table.contains("Load average (1, 5, 15 min): 0.10 0.20 0.30 at start, 1.10 0.90 0.50 at end"));
        assertTrue(table.lines().anyMatch(l -> l.matches("cold start +10\\.3 s +12\\.5 s +9\\.50 s +400 MiB")),
            table);
        assertTrue(table.lines().anyMatch(l -> l.matches("warm start +2\\.00 s +2\\.50 s +n/a +n/a")), table);
        // 2800 files in 24 s: 116.7 files/s, 240 audio s/s; 5760 s in the 20 s of analysis: 288
        assertTrue(table.lines().anyMatch(l -> l.matches("default \\(cnn5gru\\) +2800 +2 +1\\.60 h +24\\.0 s +116\\.7 "
            + "+240\\.0 +288\\.0 +40\\.0 s +800 MiB +/data/tess")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("1 h +950 +948 +30\\.0 s +120\\.0 +55\\.0 s +500 MiB")),
            table);
        // 192 audio seconds in 0.64 CPU seconds at the best batch; no CPU time for training
        assertTrue(table.lines().anyMatch(l -> l.matches("cnn18gru +123456 +151x +32 +610x +300 audio s +240 audio "
            + "s/s \\(batch 16\\) +n/a +1: 151x, 32: 610x")), table);
        assertTrue(table.lines().noneMatch(l -> l.endsWith(" ")), "no trailing blanks");
        assertTrue(!table.contains("Failed runs"), table);
    }

    @Test
    void failedRunsAreListedAndMissingPartsLeftOut() throws Exception {
        String table = Report.table(result(false, List.of("ser bench: exit code 3: boom")));
        assertTrue(table.endsWith("Failed runs:\n  ser bench: exit code 3: boom\n"), table);
        assertTrue(!table.contains("Speech emotion networks"), table);
    }

    @Test
    void theJsonHasEveryFigureAndNullForTheUnknown() throws Exception {
        JsonNode j = JSON.readTree(Report.json(result(true, List.of())));
        assertEquals(2, j.get("machine").get("cores").asInt());
        assertEquals(2L << 30, j.get("machine").get("memoryBytes").asLong());
        assertEquals("0.10 0.20 0.30", j.get("loadAverage").get("start").asText());
        JsonNode cold = j.get("startup").get("cold");
        assertEquals(10.25, cold.get("firstRecordSeconds").asDouble());
        assertEquals(400L * 1024 * 1024, cold.get("peakRssBytes").asLong());
        assertTrue(j.get("startup").get("warm").get("cpuSeconds").isNull());
        assertTrue(j.get("startup").get("warm").get("peakRssBytes").isNull());
        JsonNode t = j.get("throughput").get(0);
        assertEquals(240.0, t.get("audioSecondsPerSecond").asDouble(), 1e-9);
        assertEquals(116.667, t.get("filesPerSecond").asDouble(), 1e-9);
        assertEquals(288.0, t.get("analysisAudioSecondsPerSecond").asDouble(), 1e-9);
        assertEquals(1, t.get("run").get("exitCode").asInt());
        assertEquals(950, j.get("longRecordings").get(0).get("speechSegments").asInt());
        assertEquals(610.2, j.get("ser").get("figures").get("architectures").get(0).get("realTimeFactorBestBatch")
            .asDouble());
        assertEquals(0, j.get("problems").size());
    }

    @Test
    void lengthsAndTimesReadNaturally() {
        assertEquals("45 s", Report.length(45));
        assertEquals("1 min", Report.length(60));
        assertEquals("1.5 min", Report.length(90));
        assertEquals("1 h", Report.length(3600));
        assertEquals("1.60 h", Report.length(5760));
        assertEquals("n/a", Report.seconds(Double.NaN));
        assertEquals("0.25 s", Report.seconds(0.25));
        assertEquals("120 s", Report.seconds(120.2));
        assertEquals("n/a", Report.mib(-1));
    }
}
