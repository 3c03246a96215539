package io.auralis.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every chart and table gives an emotion the same colour, whatever the corpus calls it. */
class EmotionPaletteTest {

    @Test
    void theCommonEmotionsHaveDistinctColours() {
        List<String> names = List.of("neutral", "calm", "happy", "sad", "angry", "fearful", "disgust", "surprised",
            "boredom");
        Set<String> colours = new HashSet<>();
        names.forEach(n -> colours.add(EmotionPalette.css(n)));
        assertEquals(names.size(), colours.size(), colours.toString());
    }

    @Test
    void spellingsOfTheCorporaShareAColour() {
        assertEquals(EmotionPalette.colour("angry"), EmotionPalette.colour("Anger"));
        assertEquals(EmotionPalette.colour("surprised"), EmotionPalette.colour("ps"));
        assertEquals(EmotionPalette.colour("fearful"), EmotionPalette.colour("fear"));
    }

    @Test
    void unknownNamesGetAStableColour() {
        assertEquals(EmotionPalette.colour("wistful"), EmotionPalette.colour("wistful"));
        assertNotEquals(EmotionPalette.colour("angry"), EmotionPalette.colour("wistful"));
        assertEquals("#d62728", EmotionPalette.css("angry"));
    }
}
