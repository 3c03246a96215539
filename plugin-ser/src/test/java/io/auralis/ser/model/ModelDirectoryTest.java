package io.auralis.ser.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.auralis.api.extractor.ModelDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelDirectoryTest {

    private static final List<String> CLASSES = List.of("angry", "happy", "neutral", "sad");

    @TempDir
    Path tmp;

    private static CnnGruBlock randomBlock(NDManager manager) {
        CnnGruBlock block = CnnGru.builder().setArchitecture(Architecture.CNN3).setNumClasses(4).optHidden(16)
            .optLayers(2).build();
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 4000));
        return block;
    }

    private static float[] run(NDManager manager, CnnGruBlock block) {
        return block.forward(new ParameterStore(manager, false),
            new NDList(manager.create(SignalFixture.signal(4000, 2), new Shape(1, 1, 4000))), false)
            .head().toFloatArray();
    }

    private Path written(NDManager manager) throws IOException {
        ModelConfig config = ModelConfig.of("tiny", randomBlock(manager), CLASSES, 0.1);
        config.license = "CC0-1.0";
        config.training = new ModelConfig.Training();
        config.training.data = "synthetic";
        config.training.protocol = "none";
        config.metrics = Map.of("accuracy", 0.25);
        config.other("trainer", "test");
        ModelDirectory.write(tmp.resolve("tiny"), config, randomBlock(manager));
        return tmp.resolve("tiny");
    }

    @Test
    void writtenDirectoryLoadsTheSameNetworkAndKeepsEveryField() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock original = randomBlock(manager);
            ModelConfig config = ModelConfig.of("tiny", original, CLASSES, 0.1);
            config.other("trainer", "test");
            ModelDirectory.write(tmp.resolve("m"), config, original);
            ModelDirectory dir = ModelDirectory.open(tmp.resolve("m"));
            assertEquals(CLASSES, dir.config().classes);
            assertEquals(2, dir.config().layers);
            assertEquals("test", dir.config().other().get("trainer"));
            CnnGruBlock loaded = dir.loadBlock(manager);
            assertArrayEquals(run(manager, original), run(manager, loaded), 0f);
            String card = Files.readString(tmp.resolve("m").resolve(ModelDirectory.CARD));
            assertTrue(card.contains("cnn3gru") && card.contains("angry, happy, neutral, sad"), card);
        }
    }

    @ParameterizedTest
    @CsvSource({"instanceNorm, instance norm", "logSpectrum, log spectrum"})
    void aFirstLayerOptionIsRecordedInModelJsonAndTheWeightsAndSurvivesTheRoundTrip(String field, String words)
            throws IOException {
        boolean instanceNorm = field.equals("instanceNorm");
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock original = CnnGru.builder().setArchitecture(Architecture.CNN3).setNumClasses(4)
                .optInstanceNorm(instanceNorm).optLogSpectrum(!instanceNorm).build();
            original.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 4000));
            ModelDirectory.write(tmp.resolve("n"), ModelConfig.of("n", original, CLASSES, 0), original);
            Path json = tmp.resolve("n").resolve("model.json");
            assertTrue(Files.readString(json).contains("\"" + field + "\" : true"), Files.readString(json));
            ModelDirectory dir = ModelDirectory.open(tmp.resolve("n"));
            CnnGruBlock loaded = dir.loadBlock(manager);
            assertEquals(instanceNorm, loaded.instanceNorm());
            assertEquals(!instanceNorm, loaded.logSpectrum());
            assertArrayEquals(run(manager, original), run(manager, loaded), 0f);
            assertTrue(Files.readString(tmp.resolve("n").resolve(ModelDirectory.CARD)).contains(words));

            // the same weights under a model.json without the flag are another network, and say so
            Files.writeString(json, Files.readString(json).replace("\"" + field + "\" : true,", ""));
            ModelException e = assertThrows(ModelException.class, () -> ModelDirectory.open(tmp.resolve("n"))
                .loadBlock(manager));
            assertTrue(e.getMessage().contains(words), e.getMessage());
        }
    }

    @Test
    void theCorpusClassifierANetworkWasTrainedAgainstIsRecordedAndItsWeightsLoadWithIt() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock original = CnnGru.builder().setArchitecture(Architecture.CNN3).setNumClasses(4)
                .optAdversary(3, 0.5f).build();
            original.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 4000));
            ModelDirectory.write(tmp.resolve("a"), ModelConfig.of("a", original, CLASSES, 0), original);
            Path json = tmp.resolve("a").resolve("model.json");
            assertTrue(Files.readString(json).contains("\"adversaryCorpora\" : 3"), Files.readString(json));
            CnnGruBlock loaded = ModelDirectory.open(tmp.resolve("a")).loadBlock(manager);
            assertEquals(3, loaded.adversaryCorpora());
            assertEquals(0f, loaded.adversaryWeight(), "the weight is a training setting, not saved");
            assertArrayEquals(run(manager, original), run(manager, loaded), 0f);
            assertTrue(Files.readString(tmp.resolve("a").resolve(ModelDirectory.CARD)).contains("gradient reversal"));

            Files.writeString(json, Files.readString(json).replace("\"adversaryCorpora\" : 3,", ""));
            ModelException e = assertThrows(ModelException.class, () -> ModelDirectory.open(tmp.resolve("a"))
                .loadBlock(manager));
            assertTrue(e.getMessage().contains("adversary over 3 corpora"), e.getMessage());
        }
    }

    @Test
    void anArousalHeadIsRecordedItsWeightsLoadWithItAndAFileWithoutTheFlagIsAnotherNetwork() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock original = CnnGru.builder().setArchitecture(Architecture.CNN3).setNumClasses(4)
                .optArousalHead(true).build();
            original.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 4000));
            ModelDirectory.write(tmp.resolve("h"), ModelConfig.of("h", original, CLASSES, 0), original);
            Path json = tmp.resolve("h").resolve("model.json");
            assertTrue(Files.readString(json).contains("\"arousalHead\" : true"), Files.readString(json));
            CnnGruBlock loaded = ModelDirectory.open(tmp.resolve("h")).loadBlock(manager);
            assertTrue(loaded.arousalHead());
            assertTrue(original.stateDict().containsKey("aro.weight"));
            assertArrayEquals(run(manager, original), run(manager, loaded), 0f);
            assertTrue(Files.readString(tmp.resolve("h").resolve(ModelDirectory.CARD)).contains("arousal head"));

            Files.writeString(json, Files.readString(json).replace("\"arousalHead\" : true,", ""));
            ModelException e = assertThrows(ModelException.class, () -> ModelDirectory.open(tmp.resolve("h"))
                .loadBlock(manager));
            assertTrue(e.getMessage().contains("weights are for cnn3gru with 4 classes, hidden 64, 1 layer(s), "
                + "arousal head; the model was built as cnn3gru with 4 classes, hidden 64, 1 layer(s)"),
                e.getMessage());
        }
    }

    @Test
    void weightsWrittenBeforeTheFirstLayerAndAdversaryFlagsStillLoad() throws IOException {
        // the shipped cnn18gru-emodb's weights are a version 1 stream, written before any of the flags existed
        Path shipped = Path.of("..", "models", "cnn18gru-emodb").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(shipped.resolve("weights.params")));
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock block = ModelDirectory.open(shipped).loadBlock(manager);
            assertFalse(block.instanceNorm());
            assertFalse(block.logSpectrum());
            assertEquals(0, block.adversaryCorpora());
        }
    }

    @Test
    void modelCardReportsTrainingMetricsAndLicense() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            String card = Files.readString(written(manager).resolve(ModelDirectory.CARD));
            assertTrue(card.contains("| accuracy | 0.2500 |"), card);
            assertTrue(card.contains("- Data: synthetic"), card);
            assertTrue(card.contains("CC0-1.0"), card);
        }
    }

    @Test
    void descriptorNamesTheModelItsVersionAndItsCrossCorpusFigureFromModelJsonOrElseTheCard() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path dir = written(manager);
            ModelConfig config = ModelDirectory.open(dir).config();
            config.training.date = "2026-11-25";
            config.metrics = Map.of("balancedAccuracy", 0.3893);
            ModelDirectory.write(dir, config, randomBlock(manager));
            ModelDescriptor d = ModelDirectory.open(dir).descriptor();
            assertEquals("tiny", d.name);
            assertEquals("2026-11-25", d.version, "no version: the training date stands for one");
            assertEquals("cnn3gru", d.architecture);
            assertEquals(0.3893, d.testAccuracy);
            assertNull(d.crossCorpusAccuracy, "neither model.json nor the card states one");
            assertEquals(dir.toAbsolutePath().normalize().toString(), d.location);

            // A card with a leave-one-corpus-out table, as the shipped model's README has.
            Files.writeString(dir.resolve(ModelDirectory.CARD), "# tiny\n\n| held-out corpus | clips | UA |\n"
                + "| --- | ---: | ---: |\n| TESS (English) | 1600 | 47.0 % |\n| **mean** | | **41.5 %** | | |\n");
            assertEquals(0.415, ModelDirectory.open(dir).descriptor().crossCorpusAccuracy, 1e-9);

            // model.json's own version and crossCorpus object win over the date and the card.
            config.other("version", "2026-12-01");
            config.other("crossCorpus", Map.of("meanUnweightedAccuracy", 0.4, "protocol", "leave-one-corpus-out"));
            ModelDirectory.write(dir, config, randomBlock(manager));
            Files.writeString(dir.resolve(ModelDirectory.CARD), "| **mean** | | **41.5 %** |\n");
            d = ModelDirectory.open(dir).descriptor();
            assertEquals("2026-12-01", d.version);
            assertEquals(0.4, d.crossCorpusAccuracy);
            assertEquals("leave-one-corpus-out", d.crossCorpusProtocol);
        }
    }

    @Test
    void weightsForAnotherNetworkAreRefusedNamingBoth() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path dir = written(manager);
            String json = Files.readString(dir.resolve("model.json")).replace("\"hidden\" : 16", "\"hidden\" : 32");
            Files.writeString(dir.resolve("model.json"), json);
            ModelException e = assertThrows(ModelException.class, () -> ModelDirectory.open(dir).loadBlock(manager));
            assertTrue(e.getMessage().startsWith(dir.resolve("weights.params") + ": weights are for cnn3gru with 4 "
                + "classes, hidden 16"), e.getMessage());
        }
    }

    @Test
    void truncatedOrForeignWeightsAreNamed() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path dir = written(manager);
            Path weights = dir.resolve("weights.params");
            byte[] bytes = Files.readAllBytes(weights);
            Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            assertEquals(weights + ": truncated", assertThrows(ModelException.class,
                () -> ModelDirectory.open(dir).loadBlock(manager)).getMessage());
            Files.writeString(weights, "PK not weights");
            assertEquals(weights + ": not an Auralis SER weights file", assertThrows(ModelException.class,
                () -> ModelDirectory.open(dir).loadBlock(manager)).getMessage());
        }
    }

    @Test
    void brokenDirectoriesGiveOneLineEach() throws IOException {
        Path missing = tmp.resolve("nope");
        assertEquals(missing + ": no such model directory",
            assertThrows(ModelException.class, () -> ModelDirectory.open(missing)).getMessage());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(empty + ": not a model directory (no model.json)",
            assertThrows(ModelException.class, () -> ModelDirectory.open(empty)).getMessage());
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(bad.resolve("model.json"), "{\"architecture\": \"cnn7gru\", \"classes\": [\"a\", \"a\"], "
            + "\"sampleRate\": 8000}");
        String message = assertThrows(ModelException.class, () -> ModelDirectory.open(bad)).getMessage();
        assertTrue(message.contains("unknown architecture 'cnn7gru'") && message.contains("'a' appears twice")
            && message.contains("sampleRate 8000"), message);
        Files.writeString(bad.resolve("model.json"), "{\"architecture\": ");
        assertTrue(assertThrows(ModelException.class, () -> ModelDirectory.open(bad)).getMessage()
            .startsWith(bad.resolve("model.json") + ": invalid JSON"));
        Files.writeString(bad.resolve("model.json"), "{\"architecture\": \"cnn3gru\", \"classes\": [\"a\", \"b\"]}");
        assertEquals(bad + ": weights file weights.params is missing",
            assertThrows(ModelException.class, () -> ModelDirectory.open(bad)).getMessage());
    }

    @Test
    void namesResolveUnderTheModelsFolderAndPathsAgainstTheWorkingDirectory() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path models = tmp;
            written(manager);
            Path work = Files.createDirectories(tmp.resolve("work"));
            assertEquals(models.resolve("tiny"), ModelDirectory.resolve("tiny", work, models));
            assertEquals(models.resolve("tiny").normalize(), ModelDirectory.resolve("../tiny", work, models));
            ModelException e = assertThrows(ModelException.class,
                () -> ModelDirectory.resolve("default", work, models));
            assertEquals("default: no such model directory (installed models: tiny)", e.getMessage());
            assertEquals(List.of("tiny"), ModelDirectory.available(models));
        }
    }
}
