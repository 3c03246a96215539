package com.example.zcr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.Feature;
import io.auralis.testkit.ExtractorHarness;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tests a plugin without OSGi, through the Auralis test kit: {@link ExtractorHarness} runs the extractor with the
 * host's own engine, so parameters are checked and completed, and blocks framed, exactly as {@code auralis analyze}
 * does, and every feature is checked against the descriptor.
 */
class ZeroCrossingRateTest {
    private static final int RATE = 16000;

    /** Runs the extractor over some audio in the blocks its descriptor asks for, as the host would. */
    private static List<Feature> run(float[] audio, double deadBand) throws ExtractionException {
        return ExtractorHarness.of(new ZeroCrossingRate()).with(ZeroCrossingRate.DEAD_BAND, deadBand).run(audio)
            .get("zcr");
    }

    private static float[] sine(double hz, double amplitude, double seconds) {
        float[] x = new float[(int) (seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE + 0.1));
        }
        return x;
    }

    @Test
    void aSineCrossesZeroTwicePerCycle() throws Exception {
        List<Feature> features = run(sine(440, 0.5, 1.0), 0);

        Feature full = features.get(3);
        // 1024 samples hold 28.16 cycles: 56 or 57 crossings, 875 or 891 per second.
        assertEquals(880, full.values[0], 16);
        assertEquals(1024.0 / RATE, full.duration, 1e-9);
    }

    @Test
    void hissCrossesZeroFarMoreOftenThanAVoicedTone() throws Exception {
        Random random = new Random(1);
        float[] noise = new float[RATE];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.3 * random.nextGaussian());
        }
        assertTrue(run(noise, 0).get(3).values[0] > 5 * run(sine(200, 0.5, 1.0), 0).get(3).values[0]);
    }

    @Test
    void theDeadBandIgnoresNoiseAroundZeroButNotTheSignal() throws Exception {
        Random random = new Random(2);
        float[] quiet = new float[RATE];
        for (int i = 0; i < quiet.length; i++) {
            quiet[i] = (float) (0.001 * random.nextGaussian());
        }
        assertTrue(run(quiet, 0).get(3).values[0] > 1000, "without a dead band, faint noise counts");
        assertEquals(0, run(quiet, 0.01).get(3).values[0], "within the dead band it does not");
        assertEquals(880, run(sine(440, 0.5, 1.0), 0.01).get(3).values[0], 16);
    }

    @Test
    void everyBlockGivesOneFeatureStampedWithItsStart() throws Exception {
        List<Feature> features = run(new float[RATE], 0);

        assertEquals(31, features.size(), "16000 samples in blocks of 1024 every 512, the last one shorter");
        assertEquals(512.0 / RATE, features.get(1).time, 1e-9);
        assertEquals(0, features.get(1).values[0], "silence never crosses");
    }

    @Test
    void theDeadBandOutsideItsRangeIsRefused() {
        // The host refuses such a value before opening; the extractor checks it too, for callers that bypass it.
        ExtractionException e = assertThrows(ExtractionException.class,
            () -> ExtractorHarness.of(new ZeroCrossingRate()).withUnchecked(ZeroCrossingRate.DEAD_BAND, 0.7).open());
        assertTrue(e.getMessage().startsWith("example.zcr: parameter 'deadBand'"), e.getMessage());
    }
}
