package io.auralis.ser.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EmotionLabelsTest {

    @Test
    void corpusSynonymsMapToTheSharedVocabulary() {
        assertEquals(Optional.of("angry"), EmotionLabels.canonical("Anger"));
        assertEquals(Optional.of("fear"), EmotionLabels.canonical("fearful"));
        assertEquals(Optional.of("surprise"), EmotionLabels.canonical("ps"));
        assertEquals(Optional.of("surprise"), EmotionLabels.canonical("pleasant_surprised"));
        assertEquals(Optional.of("happy"), EmotionLabels.canonical("hap"));
        assertEquals(Optional.of("calm"), EmotionLabels.canonical("calm"));
        assertTrue(EmotionLabels.canonical("frustrated").isEmpty());
    }

    @Test
    void customLabelsAreKeptLowerCasedButMustBeWords() {
        assertEquals("frustrated", EmotionLabels.normalise(" Frustrated "));
        assertEquals("sad", EmotionLabels.normalise("SADNESS"));
        assertThrows(IllegalArgumentException.class, () -> EmotionLabels.normalise(""));
        assertThrows(IllegalArgumentException.class, () -> EmotionLabels.normalise("very angry"));
    }

    @Test
    void classesAreNumberedInVocabularyOrderThenAlphabetically() {
        assertEquals(List.of("angry", "neutral", "sad", "boredom", "amused", "frustrated"),
            EmotionLabels.order(Set.of("sad", "frustrated", "boredom", "neutral", "amused", "angry")));
    }

    @Test
    void arousalLevelsAreTheirOwnAndEmotionsMapOntoThemExceptDisgust() {
        assertEquals(List.of(0, 1, 2), EmotionLabels.AROUSAL_LEVELS.stream().map(EmotionLabels::arousal).toList());
        assertEquals(2, EmotionLabels.arousal("angry"));
        assertEquals(2, EmotionLabels.arousal("happy"));
        assertEquals(1, EmotionLabels.arousal("neutral"));
        assertEquals(0, EmotionLabels.arousal("sad"));
        assertEquals(-1, EmotionLabels.arousal("disgust"));
        assertEquals(-1, EmotionLabels.arousal("sarcastic"));
        assertTrue(EmotionLabels.isArousalLevel("arousal_high"));
        assertTrue(!EmotionLabels.isArousalLevel("angry"));
    }
}
