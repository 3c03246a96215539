package io.auralis.ser.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LabelMapTest {

    @Test
    void theDefaultReadsCalmAsNeutralAndLeavesBoredomAlone() {
        LabelMap map = LabelMap.withDefaults(null);

        assertEquals("neutral", map.apply("calm"));
        assertEquals("boredom", map.apply("boredom"));
        assertEquals("angry", map.apply("angry"));
        assertEquals("labels renamed calm -> neutral", map.toString());
    }

    @Test
    void userEntriesAddToAndOverrideTheDefault() {
        LabelMap map = LabelMap.withDefaults("boredom=neutral, calm=calm");

        assertEquals("neutral", map.apply("boredom"));
        assertEquals("calm", map.apply("calm"));
        assertEquals(Map.of("boredom", "neutral"), map.renames());
        assertEquals("boredom=neutral", map.spec());
        assertEquals(map, LabelMap.parse(map.spec()));
        assertEquals("labels renamed calm -> neutral, arousal_neutral -> neutral",
            LabelMap.withDefaults("arousal_neutral=neutral").toString());
    }

    @Test
    void namesAreNormalisedLikeLabels() {
        assertEquals("sad", LabelMap.parse("Bored=sadness").apply("boredom"));
    }

    @Test
    void malformedEntriesAreClearErrors() {
        assertEquals("--map entry 'calm' is not from=to (e.g. calm=neutral)",
            assertThrows(IllegalArgumentException.class, () -> LabelMap.parse("calm")).getMessage());
        assertEquals("--map names 'calm' twice",
            assertThrows(IllegalArgumentException.class, () -> LabelMap.parse("calm=neutral,calm=sad")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> LabelMap.parse("calm=not a word"));
    }
}
