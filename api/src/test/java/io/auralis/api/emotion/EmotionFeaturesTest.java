package io.auralis.api.emotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmotionFeaturesTest {
    private static final List<String> CLASSES = List.of("angry", "happy", "neutral", "sad");

    @Test
    void anEmotionSurvivesTheTripThroughAFeature() {
        EmotionResult r = new EmotionResult();
        r.time = 1.5;
        r.duration = 2.25;
        r.label = "happy";
        r.confidence = 0.7;
        r.distribution.putAll(Map.of("angry", 0.1, "happy", 0.7, "neutral", 0.15, "sad", 0.05));
        OutputDescriptor out = EmotionFeatures.output("emotion", "Emotion", CLASSES);

        Feature f = EmotionFeatures.toFeature(r, CLASSES);
        EmotionResult back = EmotionFeatures.fromFeature(f, out);

        assertEquals(1.5, back.time);
        assertEquals(2.25, back.duration);
        assertEquals("happy", back.label);
        assertEquals(0.7, back.confidence, 1e-6);
        assertEquals(CLASSES, List.copyOf(back.distribution.keySet()), "distribution keeps the model's class order");
        assertEquals(0.05, back.probability("sad"), 1e-6);
    }

    @Test
    void anUnlabelledFeatureTakesTheMostProbableClass() {
        OutputDescriptor out = EmotionFeatures.output("emotion", "Emotion", CLASSES);
        EmotionResult r = EmotionFeatures.fromFeature(new Feature(0, 1, new float[] {0.2f, 0.1f, 0.1f, 0.6f}, null), out);
        assertEquals("sad", r.label);
        assertEquals(0.6, r.confidence, 1e-6);
    }

    @Test
    void theOutputDescribesAVariableRateDistributionOverTheClasses() {
        OutputDescriptor out = EmotionFeatures.output("emotion", "Emotion", CLASSES);
        assertEquals(EmotionFeatures.KIND, out.kind);
        assertEquals(4, out.binCount);
        assertEquals(CLASSES, out.binNames);
        assertEquals(SampleType.VARIABLE, out.sampleType);
        assertTrue(out.hasDuration);
    }

    @Test
    void decodingRefusesOtherKindsAndMismatchedSizes() {
        OutputDescriptor pitch = new OutputDescriptor("f0", "Pitch", "pitch", "Hz", 1, SampleType.ONE_PER_BLOCK, false);
        Feature f = new Feature(0, 1, new float[] {0.5f, 0.5f}, null);
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
            () -> EmotionFeatures.fromFeature(f, pitch));
        assertTrue(kind.getMessage().contains("kind 'pitch'"), kind.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
            () -> EmotionFeatures.fromFeature(f, EmotionFeatures.output("e", "E", CLASSES)));
        assertTrue(size.getMessage().contains("2 values") && size.getMessage().contains("4 classes"), size.getMessage());
    }
}
