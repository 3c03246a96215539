package io.auralis.extractors;

import java.util.Random;

/** Synthetic test audio, generated rather than stored so every test says what it feeds in. */
public final class Signals {
    private Signals() {
    }

    /**
     * A sine.
     *
     * @param frequency Hz
     * @param amplitude peak amplitude
     * @param seconds duration
     * @param rate sample rate
     * @return the samples
     */
    public static float[] sine(double frequency, double amplitude, double seconds, int rate) {
        float[] x = new float[(int) Math.round(seconds * rate)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
        }
        return x;
    }

    /**
     * A voice-like harmonic tone: {@code harmonics} partials with amplitudes falling as 1/k.
     *
     * @param frequency fundamental in Hz
     * @param amplitude peak amplitude of the sum, roughly
     * @param seconds duration
     * @param rate sample rate
     * @param harmonics number of partials
     * @return the samples
     */
    public static float[] harmonic(double frequency, double amplitude, double seconds, int rate, int harmonics) {
        float[] x = new float[(int) Math.round(seconds * rate)];
        double norm = 0;
        for (int k = 1; k <= harmonics; k++) {
            norm += 1.0 / k;
        }
        for (int i = 0; i < x.length; i++) {
            double v = 0;
            for (int k = 1; k <= harmonics && k * frequency < rate / 2.0; k++) {
                v += Math.sin(2 * Math.PI * k * frequency * i / rate) / k;
            }
            x[i] = (float) (amplitude * v / norm);
        }
        return x;
    }

    /**
     * Gaussian white noise.
     *
     * @param rms its RMS level
     * @param seconds duration
     * @param rate sample rate
     * @param seed random seed
     * @return the samples
     */
    public static float[] noise(double rms, double seconds, int rate, long seed) {
        Random random = new Random(seed);
        float[] x = new float[(int) Math.round(seconds * rate)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rms * random.nextGaussian());
        }
        return x;
    }

    /**
     * Adds {@code part} into {@code into} starting at a time.
     *
     * @param into the signal added to
     * @param part the signal added
     * @param seconds where it starts
     * @param rate sample rate
     */
    public static void mix(float[] into, float[] part, double seconds, int rate) {
        int at = (int) Math.round(seconds * rate);
        for (int i = 0; i < part.length && at + i < into.length; i++) {
            into[at + i] += part[i];
        }
    }

    /**
     * Converts a level to an amplitude.
     *
     * @param db dBFS
     * @return the linear amplitude
     */
    public static double amplitude(double db) {
        return Math.pow(10, db / 20);
    }
}
