package io.auralis.ser.augmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class AugmentationTest {

    private static float[] tone(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 200 * i / 16000.0));
        }
        return x;
    }

    @Test
    void theSameSeedEpochAndDrawGiveTheSameClipAndAnotherDrawAnother() {
        Augmentation a = Augmentation.standard(16_000);
        float[] clip = tone(40_000);

        float[] first = a.apply(clip, Augmentation.random(7, 3, 11), i -> tone(9000), 5, 1180);
        float[] again = a.apply(clip, Augmentation.random(7, 3, 11), i -> tone(9000), 5, 1180);
        float[] otherDraw = a.apply(clip, Augmentation.random(7, 3, 12), i -> tone(9000), 5, 1180);
        float[] otherEpoch = a.apply(clip, Augmentation.random(7, 4, 11), i -> tone(9000), 5, 1180);

        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, otherDraw));
        assertFalse(Arrays.equals(first, otherEpoch));
        assertEquals(40_000, clip.length, "the input is not changed");
    }

    @Test
    void cropsAreWindowsOfTheClipAndShortClipsStayWhole() {
        float[] clip = new float[50_000];
        for (int i = 0; i < clip.length; i++) {
            clip[i] = i;
        }
        Random random = new Random(1);
        for (int k = 0; k < 20; k++) {
            float[] c = Augmentation.crop(clip, 16_000, random);
            assertEquals(16_000, c.length);
            for (int i = 1; i < c.length; i++) {
                assertEquals(c[0] + i, c[i], "a contiguous window");
            }
        }
        assertEquals(9000, Augmentation.crop(new float[9000], 16_000, random).length);
    }

    @Test
    void speedChangesTheLengthByTheFactorAndKeepsTheWaveform() {
        float[] clip = tone(16_000);

        float[] faster = Augmentation.speed(clip, 1.1);
        float[] slower = Augmentation.speed(clip, 0.9);

        assertEquals(14_545, faster.length);
        assertEquals(17_777, slower.length);
        assertEquals(clip[1100], faster[1000], 0.01, "sample 1000 of the faster clip is sample 1100 of the clip");
    }

    @Test
    void noiseIsAddedAtTheRequestedSignalToNoiseRatio() {
        for (double snr : new double[] {0, 10, 25}) {
            float[] clip = tone(32_000);
            float[] clean = clip.clone();
            float[] noise = Augmentation.pink(clip.length, new Random(3));
            Augmentation.addAtSnr(clip, noise, snr);
            float[] added = new float[clip.length];
            for (int i = 0; i < clip.length; i++) {
                added[i] = clip[i] - clean[i];
            }
            double measured = 10 * Math.log10(Augmentation.power(clean) / Augmentation.power(added));
            assertEquals(snr, measured, 1e-3);
        }
    }

    @Test
    void whiteNoiseIsZeroMeanAndFillsItsRange() {
        float[] w = Augmentation.white(100_000, new Random(5));
        double mean = 0;
        float min = 1;
        float max = -1;
        for (float v : w) {
            mean += v / w.length;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0, mean, 0.01);
        assertTrue(min >= -1 && min < -0.99 && max < 1 && max > 0.99, min + " .. " + max);
    }

    @Test
    void aSpeedUpThatWouldMakeTheClipTooShortForTheNetworkIsSkipped() {
        Augmentation a = new Augmentation();
        a.speedMin = 1.1;
        a.speedMax = 1.1;
        float[] clip = tone(1180);

        assertEquals(1180, a.apply(clip, new Random(1), i -> clip, 1, 1180).length);
        assertEquals(1072, a.apply(clip, new Random(1), i -> clip, 1, 220).length);
    }

    @Test
    void badSettingsAreNamed() {
        Augmentation a = new Augmentation();
        a.speedMin = 1.2;
        a.speedMax = 1.0;
        a.noiseProbability = 2;
        assertEquals(2, a.problems().size(), a.problems().toString());
        assertTrue(Augmentation.standard(48_000).problems().isEmpty());
        assertEquals("random crops of at most 3.0 s, speed 0.90-1.10, white, pink or babble noise on 50 % of "
            + "clips at 5-30 dB SNR, gain +-6 dB", Augmentation.standard(48_000).describe(16_000));
    }

    @Test
    void aSimulatedRoomLeavesATailThatDecaysAtItsReverberationTimeAndKeepsThePower() {
        float[] impulse = new float[16_000];
        impulse[0] = 1;

        float[] shortRoom = Augmentation.reverberate(impulse, 16_000, 0.3, 0, new Random(1));
        float[] longRoom = Augmentation.reverberate(impulse, 16_000, 0.9, 0, new Random(1));

        assertEquals(16_000, shortRoom.length);
        assertEquals(Augmentation.power(impulse), Augmentation.power(shortRoom), 1e-6, "the power is kept");
        // 60 dB in RT60 seconds: the 0.3 s room is far quieter 0.3-0.4 s after the impulse than the 0.9 s room.
        double shortTail = energy(shortRoom, 4800, 6400);
        double longTail = energy(longRoom, 4800, 6400);
        double early = energy(shortRoom, 480, 2080);
        assertTrue(shortTail > 0, "a tail exists");
        assertTrue(10 * Math.log10(early / shortTail) > 30, "the 0.3 s room falls by 30 dB or more in 0.27 s");
        assertTrue(longTail > 100 * shortTail, "the longer room rings longer");
    }

    @Test
    void reverberationIsDrawnOnlyWhenAskedAndIsReproducible() {
        Augmentation a = new Augmentation();
        a.reverbProbability = 1;
        float[] clip = tone(16_000);

        float[] first = a.apply(clip, Augmentation.random(3, 0, 0), i -> clip, 1, 1180);
        float[] again = a.apply(clip, Augmentation.random(3, 0, 0), i -> clip, 1, 1180);

        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(clip, first), "the clip went through a room");
        assertTrue(a.perturbs());
        assertTrue(a.describe(16_000).contains("simulated room"), a.describe(16_000));
        a.reverbProbability = 1.5;
        assertFalse(a.problems().isEmpty());
    }

    @Test
    void aChannelPassesItsBandCutsAboveAndBelowItAndKeepsThePower() {
        // a telephone-like band, no tilt or peak: 1 kHz passes, 6 kHz (past the 3.4 kHz edge) and 60 Hz (below the
        // 300 Hz edge) are cut; after the power is restored the pass tone carries nearly all of it
        Augmentation.Channel phone = new Augmentation.Channel(300, 3400, 0, 1000, 0, 1);
        float[] pass = Augmentation.colour(sine(1000, 16_000), 16_000, phone);
        float[] mixed = new float[16_000];
        float[] low = sine(60, 16_000);
        float[] high = sine(6000, 16_000);
        float[] mid = sine(1000, 16_000);
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = (low[i] + mid[i] + high[i]) / 3;
        }
        float[] coloured = Augmentation.colour(mixed, 16_000, phone);

        assertEquals(Augmentation.power(sine(1000, 16_000)), Augmentation.power(pass), 1e-6, "the power is kept");
        assertEquals(Augmentation.power(mixed), Augmentation.power(coloured), 1e-6, "the power is kept");
        // what is left of the mix, past the filters' onset, is the 1 kHz tone: it holds nearly all the power
        double share = Math.pow(amplitude(coloured, 1000), 2) / 2 / secondHalfPower(coloured);
        assertTrue(share > 0.9, "the band keeps the 1 kHz tone and cuts 60 Hz and 6 kHz: " + share);
    }

    @Test
    void aPeakRaisesItsFrequencyAgainstTheRest() {
        float[] mix = new float[16_000];
        float[] a = sine(500, 16_000);
        float[] b = sine(2000, 16_000);
        for (int i = 0; i < mix.length; i++) {
            mix[i] = (a[i] + b[i]) / 2;
        }
        // a full band, no tilt, +10 dB at 2 kHz
        float[] out = Augmentation.colour(mix, 16_000, new Augmentation.Channel(20, 8000, 0, 2000, 10, 2));
        double at500 = amplitude(out, 500);
        double at2000 = amplitude(out, 2000);
        assertEquals(10, 20 * Math.log10(at2000 / at500), 1.0, "2 kHz over 500 Hz, dB");
    }

    @Test
    void channelsAreDrawnOnlyWhenAskedAndAreReproducible() {
        Augmentation none = new Augmentation();
        float[] clip = tone(16_000);
        assertArrayEquals(clip, none.apply(clip, Augmentation.random(3, 0, 0), i -> clip, 1, 1180),
            "no channel unless asked, and the draws of other recipes are unchanged");
        Augmentation a = new Augmentation();
        a.channelProbability = 1;

        float[] first = a.apply(clip, Augmentation.random(3, 0, 0), i -> clip, 1, 1180);
        float[] again = a.apply(clip, Augmentation.random(3, 0, 0), i -> clip, 1, 1180);
        float[] other = a.apply(clip, Augmentation.random(3, 0, 1), i -> clip, 1, 1180);

        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, other), "another draw, another channel");
        assertFalse(Arrays.equals(clip, first), "the clip went through a channel");
        assertTrue(a.perturbs());
        assertTrue(a.describe(16_000).contains("microphone and channel"), a.describe(16_000));
        a.channelProbability = -0.1;
        assertFalse(a.problems().isEmpty());
    }

    private static float[] sine(double hz, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / 16000.0));
        }
        return x;
    }

    /** The amplitude at {@code hz} over the second half of {@code x}, past the filters' onset, whatever its phase. */
    private static double amplitude(float[] x, double hz) {
        double s = 0;
        double c = 0;
        int n = 0;
        for (int i = x.length / 2; i < x.length; i++, n++) {
            s += x[i] * Math.sin(2 * Math.PI * hz * i / 16000.0);
            c += x[i] * Math.cos(2 * Math.PI * hz * i / 16000.0);
        }
        return 2 * Math.hypot(s, c) / n;
    }

    private static double secondHalfPower(float[] x) {
        double sum = 0;
        for (int i = x.length / 2; i < x.length; i++) {
            sum += (double) x[i] * x[i];
        }
        return sum / (x.length - x.length / 2);
    }

    private static double energy(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return sum;
    }
}
