package io.auralis.ser.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auralis.ser.model.Architecture;
import io.auralis.ser.runtime.ModelService;
import io.auralis.ser.runtime.TestModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real, tiny run on the CPU engine: every figure is there and positive, and the outputs carry them. */
class SerBenchmarkTest {
    @TempDir
    static Path work;
    static ModelService models;
    static SerBenchResult result;
    static String log;

    @BeforeAll
    static void run() throws Exception {
        Path folder = Files.createDirectories(work.resolve("models"));
        TestModels.write(folder, "tiny", List.of("calm", "angry", "sad"));
        models = TestModels.service(folder);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SerBenchOptions options = new SerBenchOptions(List.of(Architecture.CNN3, Architecture.CNN5), null, 0.5,
            List.of(1, 3), 2, 1, 0.01, null, false);
        result = new SerBenchmark(models, work, new PrintStream(err, true, StandardCharsets.UTF_8)).run(options);
        log = err.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void close() {
        models.close();
    }

    @Test
    void everyArchitectureGetsAPositiveFigurePerBatchSizeAndForTraining() {
        assertEquals("cpu", result.device());
        assertEquals(List.of("cnn3gru", "cnn5gru"), result.architectures().stream()
            .map(SerBenchResult.Network::architecture).toList());
        for (SerBenchResult.Network n : result.architectures()) {
            assertEquals("random weights", n.model());
            assertTrue(n.parameters() > 100, n.architecture() + " has parameters: " + n.parameters());
            assertEquals(List.of(1, 3), n.inference().stream().map(SerBenchResult.Pass::batch).toList());
            for (SerBenchResult.Pass p : n.inference()) {
                assertTrue(p.passes() >= 1 && p.wallSeconds() > 0 && p.realTimeFactor() > 0, p.toString());
                assertEquals(p.passes() * p.batch() * 0.5, p.audioSeconds(), 1e-9);
            }
            assertEquals(1, n.smallestBatch().batch());
            assertTrue(n.inference().contains(n.bestBatch()));
            assertEquals(2, n.training().batch());
            assertEquals(1, n.training().passes());
            assertEquals(1.0, n.training().audioSeconds(), 1e-9);
            assertTrue(n.training().realTimeFactor() > 0);
        }
        assertTrue(log.contains("cnn5gru training, batch 2"), log);
    }

    @Test
    void aNamedModelIsMeasuredWithItsOwnArchitecture() throws Exception {
        SerBenchOptions options = new SerBenchOptions(List.of(), "tiny", 0.5, List.of(2), 16, 0, 0.01, null, false);
        SerBenchResult r = new SerBenchmark(models, work, new PrintStream(new ByteArrayOutputStream())).run(options);
        SerBenchResult.Network n = r.architectures().get(0);
        assertEquals("cnn3gru", n.architecture());
        assertEquals("tiny", n.model());
        assertEquals(null, n.training());
        assertTrue(n.parameters() > 0);
    }

    @Test
    void theJsonHoldsEveryFigureTheHostReads() throws Exception {
        JsonNode json = new ObjectMapper().readTree(SerBenchReport.json(result));
        assertEquals("cpu", json.get("device").asText());
        assertTrue(json.get("pytorchThreads").asInt() >= 1, json.toString());
        for (JsonNode a : json.get("architectures")) {
            assertTrue(a.get("realTimeFactorBatch1").asDouble() > 0, a.toString());
            assertTrue(a.get("realTimeFactorBestBatch").asDouble() >= a.get("realTimeFactorBatch1").asDouble());
            assertTrue(List.of(1, 3).contains(a.get("bestBatch").asInt()));
            assertTrue(a.get("training").get("audioSecondsPerSecond").asDouble() > 0);
            // known, not positive: ProcessHandle counts in clock ticks (10 ms), and a tiny pass may take none
            JsonNode cpu = a.get("training").get("cpuSeconds");
            assertTrue(cpu.isNumber() && cpu.asDouble() >= 0, "the process's CPU time is known: " + cpu);
            assertEquals(2, a.get("inference").size());
        }
    }

    @Test
    void theTableHasARowPerArchitectureAndItsBatches() {
        String table = SerBenchReport.table(result);
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(0).startsWith("Speech emotion networks on cpu (PyTorch threads: "), table);
        assertTrue(lines.get(1).startsWith("architecture  weights "), table);
        assertTrue(lines.get(2).startsWith("cnn3gru       random weights"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("cnn5gru  b1: ") && l.contains("b3: ")), table);
        assertTrue(table.lines().noneMatch(l -> l.endsWith(" ")), "no trailing blanks");
    }
}
