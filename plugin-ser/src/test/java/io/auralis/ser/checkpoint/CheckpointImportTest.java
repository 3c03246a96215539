package io.auralis.ser.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.auralis.ser.inference.EmotionModel;
import io.auralis.ser.model.CnnGruBlock;
import io.auralis.ser.model.ModelConfig;
import io.auralis.ser.model.ModelDirectory;
import io.auralis.ser.model.SignalFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java import of reference PyTorch checkpoints gives PyTorch's log-probabilities (fixtures/README.md). */
class CheckpointImportTest {

    private static final float TOLERANCE = 1e-4f;
    private static final JsonNode EXPECTED = Fixtures.expected();

    @TempDir
    Path dir;

    static ModelConfig config(String arch, int hidden, int layers, boolean temporal) {
        ModelConfig c = new ModelConfig();
        c.name = arch + "-fixture";
        c.architecture = arch;
        c.classes = new ArrayList<>();
        EXPECTED.get("classes").forEach(n -> c.classes.add(n.asText()));
        c.hidden = hidden;
        c.layers = layers;
        c.temporal = temporal;
        return c;
    }

    private void assertImportMatchesPyTorch(String arch, String outputs, boolean temporal) throws Exception {
        JsonNode e = EXPECTED.get(arch);
        ModelDirectory written = CheckpointImporter.importCheckpoint(Fixtures.file(e.get("checkpoint").asText()),
            config(arch, e.get("hidden").asInt(), e.get("layers").asInt(), temporal), dir.resolve(arch));
        try (EmotionModel model = EmotionModel.load(ModelDirectory.open(written.path()), "cpu")) {
            int k = 0;
            for (JsonNode length : e.get("lengths")) {
                int n = length.asInt();
                float[] expected = Fixtures.floats(e.get(outputs).get(String.valueOf(n)));
                float[] actual = model.predict(SignalFixture.signal(n, k++)).logProbabilities();
                assertArrayEquals(expected, actual, TOLERANCE, arch + " " + outputs + " at " + n + " samples");
            }
        }
    }

    @Test
    void cnn3gruBareStateDictGivesPyTorchLogProbabilities() throws Exception {
        assertImportMatchesPyTorch("cnn3gru", "logprobs", false);
    }

    @Test
    void cnn11gruTrainingCheckpointWithTwoGruLayersAndTheBn1QuirkGivesPyTorchLogProbabilities() throws Exception {
        assertImportMatchesPyTorch("cnn11gru", "logprobs", false);
    }

    @Test
    void temporalVariantGivesPyTorchLogProbabilitiesOfTheGruOverTime() throws Exception {
        assertImportMatchesPyTorch("cnn3gru", "temporal", true);
    }

    @Test
    void trainingModeUsesBatchStatisticsAndInferenceUsesRunningStatistics() throws Exception {
        JsonNode train = EXPECTED.get("cnn3gru").get("trainMode");
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock block = config("cnn3gru", 64, 1, false).newBlock();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 3000));
            CheckpointImporter.load(TorchCheckpoint.read(Fixtures.file("cnn3gru.pth")), block);
            float[] a = SignalFixture.signal(3000, 0);
            float[] b = SignalFixture.signal(3000, 1);
            float[] both = new float[6000];
            System.arraycopy(a, 0, both, 0, 3000);
            System.arraycopy(b, 0, both, 3000, 3000);
            NDArray input = manager.create(both, new Shape(2, 1, 3000));
            float[] inference = block.forward(new ParameterStore(manager, false), new NDList(input), false)
                .head().toFloatArray();
            float[] training = block.forward(new ParameterStore(manager, false), new NDList(input), true)
                .head().toFloatArray();
            List<Float> expected = new ArrayList<>();
            train.get("logprobs").forEach(row -> row.forEach(v -> expected.add((float) v.asDouble())));
            float[] exp = new float[expected.size()];
            for (int i = 0; i < exp.length; i++) {
                exp[i] = expected.get(i);
            }
            assertArrayEquals(exp, training, TOLERANCE, "training-mode output matches PyTorch's train()");
            double diff = 0;
            for (int i = 0; i < exp.length; i++) {
                diff = Math.max(diff, Math.abs(inference[i] - training[i]));
            }
            assertTrue(diff > 0.05, "inference must normalise with running statistics, not the batch's: " + diff);
        }
    }

    @Test
    void importWritesAModelDirectoryThatNamesItsSource() throws Exception {
        ModelDirectory written = CheckpointImporter.importCheckpoint(Fixtures.file("cnn11gru.pth"),
            config("cnn11gru", 32, 2, false), dir.resolve("m"));
        ModelDirectory reopened = ModelDirectory.open(written.path());
        assertEquals("cnn11gru", reopened.config().architecture);
        assertEquals(7, reopened.config().classes.size());
        assertTrue(reopened.config().source.contains("cnn11gru.pth"), reopened.config().source);
        assertTrue(reopened.config().source.contains("'module.' prefix removed"), reopened.config().source);
        String card = Files.readString(written.path().resolve(ModelDirectory.CARD));
        assertTrue(card.contains("cnn11gru") && card.contains("angry, disgust, fear"), card);
    }
}
