package io.auralis.ser.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import io.auralis.ser.data.Corpus;
import io.auralis.ser.data.ManifestDataset;
import io.auralis.ser.data.SyntheticAudio;
import io.auralis.ser.evaluation.DatasetEvaluator;
import io.auralis.ser.evaluation.EvaluationReport;
import io.auralis.ser.inference.EmotionModel;
import io.auralis.ser.model.CnnGruBlock;
import io.auralis.ser.model.ModelConfig;
import io.auralis.ser.model.ModelDirectory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingJobTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private static TrainingOptions options(int epochs) {
        TrainingOptions options = new TrainingOptions();
        options.architecture = "cnn3gru";
        options.epochs = epochs;
        options.batchSize = 8;
        // Ten times the published rate: the generated classes are easy, and the test must stay short.
        options.learningRate = 0.01;
        options.device = "cpu";
        return options;
    }

    private TrainingJob.Builder job(Path manifest, Path out) {
        return TrainingJob.builder().setCorpus(Corpus.CSV).setData(manifest).setDecoder(SyntheticAudio.decoder())
            .setOutput(out).optLog(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    void aSmallNetworkLearnsGeneratedClassesWellAboveChanceAndWritesAModelFolder() throws Exception {
        Path manifest = ToneCorpus.write(dir.resolve("data"), 30, 1);
        Path out = dir.resolve("tones");

        TrainingOutcome outcome = job(manifest, out).setOptions(options(6)).build().run();

        EvaluationReport test = outcome.test();
        assertEquals(9, test.clips);
        assertTrue(test.accuracy > 0.5, "chance is 1/3:\n" + test.toTable() + log);
        assertEquals(6, outcome.state().completedEpochs);
        for (String f : List.of("model.json", "weights.params", "README.md", "split.json", "history.csv",
            "training_curves.png", "metrics.json", "confusion_matrix.csv", "confusion_matrix.png", "predictions.csv")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertEquals(7, Files.readAllLines(out.resolve("history.csv")).size());

        ModelConfig config = ModelDirectory.open(out).config();
        assertEquals(List.of("high", "low", "noise"), config.classes);
        assertEquals("cnn3gru", config.architecture);
        assertEquals(test.accuracy, ((Number) config.metrics.get("accuracy")).doubleValue(), 1e-4);
        assertEquals(42L, config.training.seed);
        assertTrue(config.training.protocol.contains("lr 0.01"), config.training.protocol);
        String card = Files.readString(out.resolve("README.md"));
        assertTrue(card.contains("## Test results") && card.contains("| high |"), card);

        // The folder is a model like any other: it loads, and classifies 30 fresh clips well above chance.
        Path fresh = ToneCorpus.write(dir.resolve("fresh"), 10, 99);
        ManifestDataset unseen = ManifestDataset.builder().setRoot(fresh).setDecoder(SyntheticAudio.decoder())
            .optClasses(config.classes).build();
        try (EmotionModel model = EmotionModel.load(ModelDirectory.open(out), "cpu")) {
            EvaluationReport heldOut = DatasetEvaluator.evaluate(model, unseen, null).report();
            assertTrue(heldOut.accuracy >= 0.8, "chance is 1/3:\n" + heldOut.toTable() + log);
        }
    }

    @Test
    void aResumedRunContinuesExactlyAsAnUninterruptedOne() throws Exception {
        Path manifest = ToneCorpus.write(dir.resolve("data"), 12, 2);
        Path straight = dir.resolve("straight");
        Path resumed = dir.resolve("resumed");

        CheckpointState uninterrupted = job(manifest, straight).setOptions(options(3)).build().run().state();
        job(manifest, resumed).setOptions(options(2)).build().run();
        CheckpointState continued = job(null, resumed).resume(3, null).build().run().state();

        assertTrue(log.toString(StandardCharsets.UTF_8).contains("resuming after epoch 2 of 3"), log.toString());
        assertEquals(3, continued.completedEpochs);
        assertEquals(3, continued.history.size());
        assertEquals(uninterrupted.updates, continued.updates);
        for (int e = 0; e < 3; e++) {
            EpochRecord a = uninterrupted.history.get(e);
            EpochRecord b = continued.history.get(e);
            assertEquals(a.trainLoss(), b.trainLoss(), 1e-5, "train loss of epoch " + (e + 1));
            assertEquals(a.validationLoss(), b.validationLoss(), 1e-5, "validation loss of epoch " + (e + 1));
        }
        assertEquals(4, Files.readAllLines(resumed.resolve("history.csv")).size());
    }

    @Test
    void averagingMakesTheModelTheMeanOfTheLastEpochsWithBatchNormReestimated() throws Exception {
        Path manifest = ToneCorpus.write(dir.resolve("data"), 12, 4);
        Path out = dir.resolve("averaged");
        TrainingOptions options = options(4);
        options.averageFrom = 3;

        TrainingOutcome outcome = job(manifest, out).setOptions(options).build().run();

        CheckpointState state = outcome.state();
        assertEquals(List.of("weights-0003.params", "weights-0004.params"), state.averagedWeights);
        Checkpoint checkpoint = new Checkpoint(out);
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock third = TrainerFactory.block(options, 3);
            CnnGruBlock fourth = TrainerFactory.block(options, 3);
            checkpoint.loadWeights(third, manager, state.averagedWeights.get(0));
            checkpoint.loadWeights(fourth, manager, state.averagedWeights.get(1));
            CnnGruBlock model = ModelDirectory.open(out).loadBlock(manager);
            var mean = model.getParameters();
            var a = third.getParameters();
            var b = fourth.getParameters();
            boolean statisticsMoved = false;
            for (int i = 0; i < mean.size(); i++) {
                NDArray expected = a.valueAt(i).getArray().add(b.valueAt(i).getArray()).div(2);
                NDArray actual = mean.valueAt(i).getArray();
                String name = mean.keyAt(i);
                if (name.contains("running")) {
                    statisticsMoved |= !expected.allClose(actual, 1e-4, 1e-5, false);
                } else {
                    assertTrue(expected.allClose(actual, 1e-5, 1e-6, false), name + " is not the mean of epochs 3, 4");
                }
            }
            assertTrue(statisticsMoved, "batch-norm statistics were not re-estimated");
        }
        ModelConfig config = ModelDirectory.open(out).config();
        assertEquals("3-4", config.training.other().get("averagedEpochs"));
        assertTrue(config.training.protocol.contains("epochs 3-4 averaged"), config.training.protocol);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("validation loss of the averaged weights"),
            log.toString());
    }

    @Test
    void anAveragingRunResumedMidWindowGivesTheUninterruptedModel() throws Exception {
        Path manifest = ToneCorpus.write(dir.resolve("data"), 12, 5);
        TrainingOptions options = options(4);
        options.averageFrom = 2;
        Path straight = dir.resolve("straight");
        Path resumed = dir.resolve("resumed");

        job(manifest, straight).setOptions(options).build().run();
        TrainingOptions first = options(3);
        first.averageFrom = 2;
        job(manifest, resumed).setOptions(first).build().run();
        CheckpointState continued = job(null, resumed).resume(4, null).build().run().state();

        assertEquals(List.of("weights-0002.params", "weights-0003.params", "weights-0004.params"),
            continued.averagedWeights);
        try (NDManager manager = NDManager.newBaseManager()) {
            var a = ModelDirectory.open(straight).loadBlock(manager).getParameters();
            var b = ModelDirectory.open(resumed).loadBlock(manager).getParameters();
            for (int i = 0; i < a.size(); i++) {
                assertTrue(a.valueAt(i).getArray().allClose(b.valueAt(i).getArray(), 1e-4, 1e-5, false),
                    a.keyAt(i));
            }
        }
    }

    @Test
    void anAverageStartingAfterTheLastEpochIsRefused() {
        TrainingOptions options = options(4);
        options.averageFrom = 5;
        assertTrue(options.problems().contains("--average-from must be an epoch from 1 to --epochs (4), got 5"),
            options.problems().toString());
    }

    @Test
    void resumingNeedsACheckpointAndMoreEpochsThanDone() throws Exception {
        Path manifest = ToneCorpus.write(dir.resolve("data"), 6, 3);
        IOException none = assertThrows(IOException.class,
            () -> job(null, dir.resolve("empty")).resume(5, null).build().run());
        assertTrue(none.getMessage().contains("no checkpoint to resume from"), none.getMessage());

        Path out = dir.resolve("m");
        job(manifest, out).setOptions(options(1)).build().run();
        IllegalArgumentException done = assertThrows(IllegalArgumentException.class,
            () -> job(null, out).resume(1, null).build().run());
        assertTrue(done.getMessage().endsWith("already trained 1 epochs of 1; pass a larger --epochs to train on"),
            done.getMessage());
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
            () -> job(manifest, out).setOptions(options(1)).build().run());
        assertTrue(again.getMessage().contains("already holds a model or a checkpoint; pass --resume"),
            again.getMessage());
        // A crash after the last checkpoint but before the model was written: resuming only writes the model.
        Files.delete(out.resolve("model.json"));
        TrainingOutcome finished = job(null, out).resume(null, null).build().run();
        assertEquals(1, finished.state().completedEpochs);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("all 1 epochs were trained; writing the model"));
        assertTrue(Files.isRegularFile(out.resolve("model.json")));
    }

    @Test
    void badOptionsFailBeforeAnythingIsWritten() {
        TrainingOptions zero = options(0);
        Path out = dir.resolve("never");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> job(dir.resolve("data/manifest.csv"), out).setOptions(zero).build().run());
        assertEquals("--epochs must be at least 1, got 0", e.getMessage());
        assertTrue(!Files.exists(out), "nothing may be written for bad options");
    }
}
