package io.auralis.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.Parameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The timeline's emotion outputs name the classes of whatever emotion output feeds it, so writers can decode them. */
class TimelineOutputsTest {
    private static final Parameters NO_PARAMETERS = new Parameters(Map.of());

    @Test
    void segmentsAndSummaryTakeTheUpstreamClassNames() {
        List<String> classes = List.of("angry", "happy", "neutral", "sad");
        OutputDescriptor upstream = EmotionFeatures.output("emotion", "Emotion", classes);

        List<OutputDescriptor> outputs =
            new EmotionTimeline().outputs(Map.of(EmotionTimeline.EMOTION, upstream), NO_PARAMETERS);

        OutputDescriptor segments = outputs.get(0);
        assertEquals(EmotionTimeline.SEGMENTS, segments.id);
        assertEquals(classes, segments.binNames);
        assertEquals(4, segments.binCount);
        assertEquals(classes, outputs.get(1).binNames, "summary shares are in the same class order");
        assertEquals(List.of("changes"), outputs.get(2).binNames, "the change count keeps its own bin");
    }

    @Test
    void unboundInputLeavesTheClassesOpen() {
        List<OutputDescriptor> outputs = new EmotionTimeline().outputs(Map.of(), NO_PARAMETERS);
        assertNull(outputs.get(0).binNames);
        assertEquals(-1, outputs.get(0).binCount);
    }
}
