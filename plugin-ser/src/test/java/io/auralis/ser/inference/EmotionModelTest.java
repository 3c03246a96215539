package io.auralis.ser.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import io.auralis.ser.model.Architecture;
import io.auralis.ser.model.CnnGru;
import io.auralis.ser.model.CnnGruBlock;
import io.auralis.ser.model.ModelConfig;
import io.auralis.ser.model.ModelDirectory;
import io.auralis.ser.model.SignalFixture;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmotionModelTest {

    @TempDir
    static Path tmp;
    static ModelDirectory directory;
    static EmotionModel model;

    @BeforeAll
    static void writeAndLoad() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock block = CnnGru.builder().setArchitecture(Architecture.CNN5).setNumClasses(3).build();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 4000));
            directory = ModelDirectory.write(tmp.resolve("m"),
                ModelConfig.of("m", block, List.of("calm", "angry", "sad"), 0), block);
        }
        model = EmotionModel.load(ModelDirectory.open(directory.path()), "cpu", 4);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void clipsPredictTheSameAloneAndInBatchesOfMixedLengths() throws Exception {
        int[] lengths = {4000, 3000, 4000, 4000, 1180, 3000, 4000, 4000, 4000, 4000};
        List<float[]> clips = new ArrayList<>();
        for (int i = 0; i < lengths.length; i++) {
            clips.add(SignalFixture.signal(lengths[i], i));
        }
        List<EmotionPrediction> batched = model.predict(clips);
        assertEquals(clips.size(), batched.size());
        for (int i = 0; i < clips.size(); i++) {
            float[] alone = model.predict(clips.get(i)).logProbabilities();
            assertArrayEquals(alone, batched.get(i).logProbabilities(), 1e-5f, "clip " + i);
        }
    }

    @Test
    void predictionsAgreeAcrossThreadsEachUsingItsOwnPredictor() throws Exception {
        float[] clip = SignalFixture.signal(5000, 7);
        float[] expected = model.predict(clip).logProbabilities();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> model.predict(clip).logProbabilities()));
            }
            for (Future<float[]> f : futures) {
                assertArrayEquals(expected, f.get(), 1e-6f);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void predictionCarriesLabelConfidenceAndANormalisedDistribution() throws Exception {
        EmotionPrediction p = model.predict(SignalFixture.signal(4000, 1));
        double sum = p.distribution().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(1.0, sum, 1e-5);
        assertEquals(p.probability(p.label()), p.confidence(), 0f);
        assertEquals(List.of("calm", "angry", "sad"), new ArrayList<>(p.distribution().keySet()));
        assertEquals(p.label(), p.toResult(1.5, 0.25).label);
    }

    @Test
    void tooShortClipIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> model.predict(new float[1000]));
        assertEquals("clip has 1000 samples (62.5 ms); cnn5gru needs at least 1180 (73.8 ms)", e.getMessage());
    }

    @Test
    void deviceOptionsResolveOrFailClearly() {
        Engine engine = Engine.getEngine("PyTorch");
        assertEquals("cpu", model.deviceName());
        String auto = ComputeDevice.name(ComputeDevice.resolve("auto", engine));
        assertEquals(engine.getGpuCount() > 0 ? "gpu:0" : "cpu", auto);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ComputeDevice.resolve("gpu:" + engine.getGpuCount(), engine));
        assertTrue(e.getMessage().startsWith("device gpu:" + engine.getGpuCount() + " requested but"),
            e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ComputeDevice.checkSyntax("tpu"));
        assertThrows(IllegalArgumentException.class, () -> ComputeDevice.checkSyntax("gpu:x"));
    }
}
