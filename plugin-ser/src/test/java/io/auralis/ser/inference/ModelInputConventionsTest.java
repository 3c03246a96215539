package io.auralis.ser.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import io.auralis.ser.model.Architecture;
import io.auralis.ser.model.CnnGru;
import io.auralis.ser.model.CnnGruBlock;
import io.auralis.ser.model.ModelConfig;
import io.auralis.ser.model.ModelDirectory;
import io.auralis.ser.model.SignalFixture;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What model.json says about a model's input and output is applied at inference. */
class ModelInputConventionsTest {

    @TempDir
    Path tmp;

    /** Two models with the same weights, one as written, one with its configuration changed. */
    private EmotionModel[] pair(Consumer<ModelConfig> settings) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock block = CnnGru.builder().setArchitecture(Architecture.CNN5).setNumClasses(3).build();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 4000));
            ModelConfig plain = ModelConfig.of("plain", block, List.of("angry", "neutral", "sad"), 0);
            ModelDirectory.write(tmp.resolve("plain"), plain, block);
            ModelConfig changed = ModelConfig.of("changed", block, List.of("angry", "neutral", "sad"), 0);
            settings.accept(changed);
            ModelDirectory.write(tmp.resolve("changed"), changed, block);
        }
        return new EmotionModel[] {EmotionModel.load(ModelDirectory.open(tmp.resolve("plain")), "cpu"),
            EmotionModel.load(ModelDirectory.open(tmp.resolve("changed")), "cpu")};
    }

    @Test
    void aModelThatNormalisesLoudnessAnswersTheSameForAQuietAndALoudCopy() throws Exception {
        float[] clip = SignalFixture.signal(8000, 3);
        float[] quiet = clip.clone();
        for (int i = 0; i < quiet.length; i++) {
            quiet[i] *= 0.05f;
        }
        EmotionModel[] models = pair(c -> c.normalizeDbfs = -25.0);
        try (EmotionModel raw = models[0]; EmotionModel normalising = models[1]) {
            assertArrayEquals(normalising.predict(clip).logProbabilities(),
                normalising.predict(quiet).logProbabilities(), 1e-4f);
            assertNotEquals(raw.predict(clip).confidence(), raw.predict(quiet).confidence(),
                "without normalisation the level matters, or the test proves nothing");
        }
    }

    @Test
    void theCalibrationTemperatureSoftensConfidencesWithoutChangingTheLabel() throws Exception {
        float[] clip = SignalFixture.signal(8000, 4);
        EmotionModel[] models = pair(c -> c.temperature = 4.0);
        try (EmotionModel plain = models[0]; EmotionModel calibrated = models[1]) {
            EmotionPrediction p = plain.predict(clip);
            EmotionPrediction q = calibrated.predict(clip);
            assertEquals(p.label(), q.label());
            assertTrue(q.confidence() < p.confidence(), q.confidence() + " vs " + p.confidence());
            assertArrayEquals(EmotionTranslator.scale(p.logProbabilities(), 4), q.logProbabilities(), 1e-5f);
            float sum = 0;
            for (float v : q.probabilities()) {
                sum += v;
            }
            assertEquals(1, sum, 1e-5);
        }
    }
}
