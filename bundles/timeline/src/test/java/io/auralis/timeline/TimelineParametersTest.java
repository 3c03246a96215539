package io.auralis.timeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.api.extractor.Parameters;
import io.auralis.api.extractor.SessionContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The descriptor, the checks of parameters against its ranges, and bad input. */
class TimelineParametersTest {

    @Test
    void everyParameterDeclaresARangeThatHoldsItsDefault() {
        ExtractorDescriptor d = new EmotionTimeline().descriptor();
        assertEquals(List.of("smoothing", "maxGap", "minDuration"), d.parameters.stream().map(p -> p.id).toList());
        for (ParameterDescriptor p : d.parameters) {
            assertNotNull(p.minValue, p.id);
            assertNotNull(p.maxValue, p.id);
            double v = ((Number) p.defaultValue).doubleValue();
            assertTrue(v >= p.minValue && v <= p.maxValue, p.id + " default outside its range");
            assertNotNull(p.description, p.id);
        }
    }

    @Test
    void theInputIsAnyEmotionOutputAndTheSegmentsAreEmotionsToo() {
        ExtractorDescriptor d = new EmotionTimeline().descriptor();
        assertEquals(1, d.inputs.size());
        assertEquals(EmotionFeatures.KIND, d.inputs.get(0).kind);
        assertTrue(d.inputs.get(0).required);
        assertEquals(List.of("segments:emotion", "summary:emotion-summary", "changes:count"),
            d.outputs.stream().map(o -> o.id + ":" + o.kind).toList());
        for (OutputDescriptor o : d.outputs) {
            assertTrue(o.hasDuration, o.id);
        }
    }

    @ParameterizedTest
    @CsvSource({"smoothing, 0", "smoothing, 101", "maxGap, -0.1", "maxGap, 61", "minDuration, -1",
        "minDuration, 601"})
    void valuesOutsideTheDeclaredRangeAreRefusedNamingTheParameter(String id, double value) {
        Object v = id.equals("smoothing") ? (Object) (long) value : (Object) value;
        ExtractionException e = assertThrows(ExtractionException.class, () -> TimelineHarness.openUnchecked(id, v));
        assertTrue(e.getMessage().startsWith("auralis.emotion-timeline: parameter '" + id + "' must be within"),
            e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"smoothing, 1", "smoothing, 99", "maxGap, 0", "maxGap, 60", "minDuration, 0", "minDuration, 600"})
    void theEndsOfEachRangeAreAccepted(String id, double value) {
        Object v = id.equals("smoothing") ? (Object) (long) value : (Object) value;
        assertDoesNotThrow(() -> TimelineHarness.open(id, v));
    }

    @Test
    void anEvenSmoothingWidthIsRefusedBecauseItCannotBeCentred() {
        ExtractionException e = assertThrows(ExtractionException.class, () -> TimelineHarness.open("smoothing", 4L));
        assertTrue(e.getMessage().contains("must be odd"), e.getMessage());
    }

    @Test
    void aFractionalSmoothingWidthIsRefused() {
        ExtractionException e = assertThrows(ExtractionException.class, () -> TimelineHarness.openUnchecked("smoothing", 3.5));
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
    }

    @Test
    void anUnboundInputIsReportedWhenTheSessionOpens() {
        SessionContext c = TimelineHarness.context();
        SessionContext unbound = new SessionContext(c.source(), c.sampleRate(), c.blockSize(), c.stepSize(),
            c.parameters(), Map.of());
        ExtractionException e = assertThrows(ExtractionException.class, () -> new EmotionTimeline().open(unbound));
        assertTrue(e.getMessage().contains("input 'emotion' is not bound"), e.getMessage());
    }

    @Test
    void anUpstreamOutputWithoutClassNamesIsRefused() {
        SessionContext c = TimelineHarness.context();
        OutputDescriptor nameless = EmotionFeatures.output("emotion", "Emotion", List.of("a", "b"));
        nameless.binNames = null;
        SessionContext bad = new SessionContext(c.source(), c.sampleRate(), c.blockSize(), c.stepSize(),
            new Parameters(c.parameters().asMap()), Map.of("emotion", nameless));
        ExtractionException e = assertThrows(ExtractionException.class, () -> new EmotionTimeline().open(bad));
        assertTrue(e.getMessage().contains("names no emotion classes"), e.getMessage());
    }

    @Test
    void aFeatureWithTheWrongNumberOfProbabilitiesFailsTheFileWithOneLine() throws Exception {
        TimelineHarness t = TimelineHarness.open();
        ExtractionException e = assertThrows(ExtractionException.class,
            () -> t.feed(new Feature(2.0, 1.0, new float[] {0.5f, 0.5f}, "angry")));
        assertEquals("auralis.emotion-timeline: emotion feature at 2.0 s has 2 values, but its output names 4 "
            + "classes", e.getMessage());
    }

    @Test
    void featuresOutOfTimeOrderAreRefused() throws Exception {
        TimelineHarness t = TimelineHarness.open().feed(TimelineHarness.window(5, 6, "sad"));
        ExtractionException e = assertThrows(ExtractionException.class,
            () -> t.feed(TimelineHarness.window(4, 5, "sad")));
        assertTrue(e.getMessage().contains("out of time order"), e.getMessage());
    }

    @Test
    void aNonFiniteProbabilityIsRefusedNamingTheClass() throws Exception {
        TimelineHarness t = TimelineHarness.open();
        ExtractionException e = assertThrows(ExtractionException.class,
            () -> t.feed(new Feature(0, 1, new float[] {Float.NaN, 0, 1, 0}, "neutral")));
        assertTrue(e.getMessage().contains("'angry'"), e.getMessage());
    }
}
