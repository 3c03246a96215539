package io.auralis.extractors.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.extractors.Signals;

import be.tarsos.dsp.pitch.PitchDetectionResult;
import be.tarsos.dsp.pitch.Yin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

class FftYinTest {
    private static final int RATE = 16000;
    private static final int WINDOW = 1024;

    @Test
    void silenceIsUnpitchedWithoutNaN() {
        // The level gate normally keeps silence away; the detector must still not divide 0 by 0 into a pitch.
        PitchDetectionResult r = new FftYin(RATE, WINDOW, 0.2).getPitch(new float[WINDOW]);
        assertFalse(r.isPitched());
        assertEquals(0f, r.getProbability());
        assertEquals(-1f, r.getPitch());
    }

    @ParameterizedTest
    @ValueSource(doubles = {100, 200, 400})
    void toneWithAWholeNumberPeriodHasProbabilityOneAtMost(double frequency) {
        // Periods of 160, 80 and 40 samples: d(T) is exactly 0, and FFT round-off must not push it below.
        FftYin yin = new FftYin(RATE, WINDOW, 0.2);
        float[] audio = Signals.sine(frequency, 0.5, 1.0, RATE);
        for (int start = 0; start + WINDOW <= audio.length; start += 512) {
            PitchDetectionResult r = yin.getPitch(Arrays.copyOfRange(audio, start, start + WINDOW));
            assertTrue(r.isPitched(), "unpitched at sample " + start);
            assertTrue(r.getProbability() > 0.99f && r.getProbability() <= 1f, "probability " + r.getProbability());
            assertEquals(frequency, r.getPitch(), frequency * 0.001, "pitch at sample " + start);
        }
    }

    @Test
    void estimatesMatchTimeDomainYinOnANoisyHarmonicTone() {
        float[] audio = Signals.harmonic(147, 0.3, 1.0, RATE, 10);
        Signals.mix(audio, Signals.noise(0.03, 1.0, RATE, 11), 0, RATE);
        FftYin fast = new FftYin(RATE, WINDOW, 0.2);
        Yin slow = new Yin(RATE, WINDOW, 0.2);
        int compared = 0;
        for (int start = 0; start + WINDOW <= audio.length; start += 512) {
            float[] frame = Arrays.copyOfRange(audio, start, start + WINDOW);
            PitchDetectionResult a = fast.getPitch(frame);
            float fastPitch = a.getPitch();
            float fastProbability = a.getProbability();
            PitchDetectionResult b = slow.getPitch(frame);
            assertEquals(b.isPitched(), a.isPitched(), "pitched at sample " + start);
            if (b.isPitched()) {
                assertEquals(b.getPitch(), fastPitch, b.getPitch() * 1e-3, "pitch at sample " + start);
                assertEquals(b.getProbability(), fastProbability, 1e-3, "probability at sample " + start);
                compared++;
            }
        }
        assertTrue(compared > 20, compared + " frames pitched");
    }
}
