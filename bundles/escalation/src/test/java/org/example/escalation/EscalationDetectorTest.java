package org.example.escalation;

import static org.example.escalation.EscalationHarness.ramp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.ParameterDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Synthetic files: twelve seconds, calm except between 3 and 9 s, with loudness frames every 50 ms.
 */
class EscalationDetectorTest {

    /** Calm, then angry from 3 to 9 s, then calm. */
    private static EscalationHarness angryFrom3To9() {
        return new EscalationHarness().emotion(0, 3, 0.05, 0.05).emotion(3, 9, 0.8, 0.1).emotion(9, 12, 0.05, 0.05);
    }

    @Test
    void anAngryIntervalThatGetsLouderIsFlaggedWithItsPeakAndRise() throws Exception {
        List<Feature> found = angryFrom3To9().loudness(12, ramp(3, 9, -30, -30, -15, -30)).run();

        assertEquals(1, found.size(), found.toString());
        Feature e = found.get(0);
        assertEquals(3.0, e.time, 1e-9);
        assertEquals(6.0, e.duration, 1e-9);
        assertEquals("escalation", e.label);
        assertEquals(0.9, e.values[0], 1e-6, "peak of angry + fear");
        assertEquals(15.0, e.values[1], 1e-3, "the trend rises 2.5 dB/s for 6 s");
    }

    @Test
    void aLoudButCalmIntervalIsNotFlagged() throws Exception {
        List<Feature> found = new EscalationHarness().emotion(0, 12, 0.05, 0.05)
            .loudness(12, ramp(3, 9, -30, -30, -15, -30)).run();

        assertEquals(List.of(), found);
    }

    @Test
    void aShortAngrySpikeIsNotFlaggedHoweverLoud() throws Exception {
        List<Feature> found = new EscalationHarness().emotion(0, 3, 0.05, 0.05).emotion(3, 4, 0.95, 0.0)
            .emotion(4, 12, 0.05, 0.05).loudness(12, ramp(3, 4, -30, -30, -5, -30)).run();

        assertEquals(List.of(), found);
    }

    @Test
    void anAngryIntervalThatGetsQuieterIsNotFlagged() throws Exception {
        List<Feature> found = angryFrom3To9().loudness(12, ramp(3, 9, -15, -15, -30, -30)).run();

        assertEquals(List.of(), found);
    }

    @Test
    void anAngryIntervalAtSteadyLoudnessIsNotFlagged() throws Exception {
        List<Feature> found = angryFrom3To9().loudness(12, t -> -20).run();

        assertEquals(List.of(), found);
    }

    @Test
    void theWatchedEmotionsAreAddedUp() throws Exception {
        EscalationHarness h = new EscalationHarness().emotion(0, 3, 0.05, 0.05).emotion(3, 9, 0.35, 0.35)
            .emotion(9, 12, 0.05, 0.05).loudness(12, ramp(3, 9, -30, -30, -15, -30));

        assertEquals(1, h.run().size(), "angry 0.35 + fear 0.35 reaches 0.6");
        assertEquals(List.of(), h.run("emotions", "angry"), "angry alone does not");
    }

    @Test
    void pausesInsideTheIntervalDoNotHideTheRise() throws Exception {
        // Every other half second is digital silence, as between words.
        List<Feature> found = angryFrom3To9()
            .loudness(12, t -> ((int) (t * 2)) % 2 == 1 ? -100 : ramp(3, 9, -30, -30, -15, -30).applyAsDouble(t))
            .run();

        assertEquals(1, found.size());
        assertEquals(15.0, found.get(0).values[1], 0.5);
    }

    @Test
    void pausesBetweenSegmentsUpToMaxGapDoNotSplitTheInterval() throws Exception {
        EscalationHarness h = new EscalationHarness().segment(3, 4.5, 0.8, 0).segment(5, 6.5, 0.8, 0)
            .segment(7, 8.5, 0.8, 0).loudness(12, ramp(3, 8.5, -30, -30, -15, -30));

        List<Feature> found = h.run();
        assertEquals(1, found.size(), found.toString());
        assertEquals(3.0, found.get(0).time, 1e-9);
        assertEquals(5.5, found.get(0).duration, 1e-9);
        assertEquals(List.of(), h.run("maxGap", 0.25), "with shorter gaps allowed, each segment is too short");
    }

    @Test
    void theResultDoesNotDependOnWhichInputArrivesFirst() throws Exception {
        EscalationHarness h = angryFrom3To9().loudness(12, ramp(3, 9, -30, -30, -15, -30));

        List<Feature> hostOrder = h.run();
        List<Feature> emotionFirst = h.runEmotionFirst();
        assertEquals(hostOrder.toString(), emotionFirst.toString());
        assertEquals(1, emotionFirst.size());
    }

    @Test
    void loudnessIsKeptOnlyAsFarBackAsAnIntervalCouldReach() throws Exception {
        EscalationHarness h = new EscalationHarness().emotion(0, 3600, 0.05, 0.05).loudness(3600, t -> -20);
        h.run();

        // One-second emotion results arrive after the loudness of their second: about 20 frames, never the hour.
        assertTrue(h.maxBufferedFrames <= 45, "held " + h.maxBufferedFrames + " frames");
    }

    @Test
    void everyNumericParameterDeclaresARangeThatHoldsItsDefault() {
        for (ParameterDescriptor p : new EscalationDetector().descriptor().parameters) {
            assertNotNull(p.description, p.id);
            if (p.defaultValue instanceof Number n) {
                assertNotNull(p.minValue, p.id);
                assertTrue(n.doubleValue() >= p.minValue && n.doubleValue() <= p.maxValue, p.id);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"confidence, -0.1", "confidence, 1.5", "minDuration, -1", "minDuration, 601", "minRiseDb, -3",
        "minRiseDb, 61", "maxGap, -1", "maxGap, 11"})
    void valuesOutsideTheDeclaredRangeAreRefusedNamingTheParameter(String id, double value) {
        ExtractionException e = assertThrows(ExtractionException.class,
            () -> new EscalationDetector().open(EscalationHarness.uncheckedContext(id, value)));
        assertTrue(e.getMessage().startsWith("example.escalation: parameter '" + id + "'"), e.getMessage());
    }

    @Test
    void anEmotionTheModelDoesNotKnowIsRefusedListingTheKnownOnes() {
        ExtractionException e = assertThrows(ExtractionException.class,
            () -> new EscalationDetector().open(EscalationHarness.context("emotions", "angry, anger")));
        assertEquals("example.escalation: emotion 'anger' is not a class of the emotion input (its classes: angry, "
            + "fear, happy, neutral, sad)", e.getMessage());
    }

    @Test
    void anEmptyListOfEmotionsIsRefused() {
        ExtractionException e = assertThrows(ExtractionException.class,
            () -> new EscalationDetector().open(EscalationHarness.context("emotions", " , ")));
        assertTrue(e.getMessage().contains("names no emotion"), e.getMessage());
    }
}
