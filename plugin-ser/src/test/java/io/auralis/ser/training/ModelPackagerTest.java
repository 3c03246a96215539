package io.auralis.ser.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.ser.data.Corpus;
import io.auralis.ser.data.SyntheticAudio;
import io.auralis.ser.model.ModelConfig;
import io.auralis.ser.model.ModelDirectory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPackagerTest {

    @TempDir
    Path dir;

    private static final List<String> PACKAGED = List.of("model.json", "weights.params", "README.md",
        "training_curves.png", "metrics.json", "confusion_matrix.csv", "confusion_matrix.png", "predictions.csv");

    @Test
    void packagingATrainedRunAgainWritesTheSameModelFromTheCheckpointAlone() throws Exception {
        Path manifest = ToneCorpus.write(dir.resolve("data"), 6, 5);
        Path out = dir.resolve("m");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
        TrainingOptions options = new TrainingOptions();
        options.architecture = "cnn3gru";
        options.epochs = 2;
        options.batchSize = 8;
        options.device = "cpu";
        TrainingJob.builder().setCorpus(Corpus.CSV).setData(manifest).setDecoder(SyntheticAudio.decoder())
            .setOutput(out).setOptions(options).optLog(logStream).build().run();
        byte[] weights = Files.readAllBytes(out.resolve("weights.params"));
        ModelConfig trained = ModelDirectory.open(out).config();
        for (String f : PACKAGED) {
            Files.delete(out.resolve(f));
        }

        TrainingRun run = TrainingJob.builder().setDecoder(SyntheticAudio.decoder()).setOutput(out).resume(null, null)
            .optLog(logStream).build().prepare();
        TrainingOutcome outcome = new ModelPackager(logStream, null).write(run, 1234);

        for (String f : PACKAGED) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertFalse(Files.exists(out.resolve("model.json.tmp")));
        assertArrayEquals(weights, Files.readAllBytes(out.resolve("weights.params")),
            "the kept epoch's weights, as training wrote them");
        ModelConfig config = ModelDirectory.open(out).config();
        assertEquals(trained.classes, config.classes);
        assertEquals(trained.temperature, config.temperature);
        assertEquals(trained.metrics, config.metrics);
        assertEquals(trained.training.data, config.training.data);
        assertEquals(trained.training.optimizer, config.training.optimizer);
        assertEquals(run.state().bestEpoch, ((Number) config.training.other().get("keptEpoch")).intValue());
        assertEquals(1234, ((Number) config.training.other().get("audioSecondsPerSecond")).intValue());
        assertEquals(run.state().bestEpoch, outcome.state().bestEpoch);
        assertEquals(1234, outcome.audioSecondsPerSecond());
        assertEquals(outcome.test().accuracy, ((Number) config.metrics.get("accuracy")).doubleValue(), 1e-4);
        assertTrue(Files.readString(out.resolve("README.md")).contains("## Test results"));
    }
}
