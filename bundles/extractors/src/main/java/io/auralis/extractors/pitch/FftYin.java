package io.auralis.extractors.pitch;

import be.tarsos.dsp.pitch.PitchDetectionResult;
import be.tarsos.dsp.pitch.PitchDetector;
import be.tarsos.dsp.util.fft.FloatFFT;

/**
 * YIN (de Cheveign&eacute; and Kawahara 2002) with the autocorrelation part of the difference function computed
 * through an FFT, for windows of exactly one length.
 *
 * <p>It replaces TarsosDSP 2.4's {@code FastYin}, which finds no pitch at all in a noise-free tone whose period
 * is a whole number of samples (200 Hz at 16 kHz, as a 24-bit or resampled file gives): there the difference
 * {@code d(T)} is exactly 0, float round-off in the FFT makes it slightly negative, the frame's probability
 * {@code 1 - d'(T)} comes out above 1, and {@code FastYin} discards any frame whose probability exceeds 1. The
 * difference is a sum of squares, so it is clamped at 0 here. {@code FastYin} also slides its energy window one
 * sample too far; the energies here are exact running sums in double precision.
 */
final class FftYin implements PitchDetector {
    private final float sampleRate;
    private final double threshold;
    /** Half the window: the lags searched and the length of the summed segment. */
    private final int half;
    private final FloatFFT fft;
    private final float[] signal;
    private final float[] kernel;
    /** d(tau), then d'(tau), for tau in [0, half). */
    private final float[] yin;
    private final double[] energy;
    private final PitchDetectionResult result = new PitchDetectionResult();

    /**
     * Creates a detector.
     *
     * @param sampleRate the rate of the samples, Hz
     * @param windowSize the length of every array passed to {@link #getPitch}
     * @param threshold the largest normalised difference accepted as periodic, 0..1
     */
    FftYin(float sampleRate, int windowSize, double threshold) {
        this.sampleRate = sampleRate;
        this.threshold = threshold;
        this.half = windowSize / 2;
        this.fft = new FloatFFT(windowSize);
        this.signal = new float[2 * windowSize];
        this.kernel = new float[2 * windowSize];
        this.yin = new float[half];
        this.energy = new double[half];
    }

    @Override
    public PitchDetectionResult getPitch(float[] audio) {
        difference(audio);
        normalise();
        int tau = absoluteThreshold();
        if (tau < 0) {
            result.setPitch(-1);
            result.setProbability(0);
            result.setPitched(false);
        } else {
            result.setPitch(sampleRate / parabolicInterpolation(tau));
            result.setProbability(1 - yin[tau]);
            result.setPitched(true);
        }
        return result;
    }

    /** d(tau) = sum over j < half of (x[j] - x[j + tau])^2 = e(0) + e(tau) - 2 r(tau). */
    private void difference(float[] x) {
        int n = signal.length / 2;
        // e(tau): energy of x[tau .. tau + half - 1].
        double e = 0;
        for (int j = 0; j < half; j++) {
            e += (double) x[j] * x[j];
        }
        energy[0] = e;
        for (int tau = 1; tau < half; tau++) {
            e += (double) x[tau + half - 1] * x[tau + half - 1] - (double) x[tau - 1] * x[tau - 1];
            energy[tau] = e;
        }
        // r(tau) = sum over j < half of x[j] x[j + tau]: x convolved with its reversed first half; the kernel is half
        // as long as the window, so the lags read below never wrap around.
        for (int j = 0; j < n; j++) {
            signal[2 * j] = x[j];
            signal[2 * j + 1] = 0;
            kernel[2 * j] = j < half ? x[half - 1 - j] : 0;
            kernel[2 * j + 1] = 0;
        }
        fft.complexForward(signal);
        fft.complexForward(kernel);
        for (int j = 0; j < n; j++) {
            float re = signal[2 * j] * kernel[2 * j] - signal[2 * j + 1] * kernel[2 * j + 1];
            float im = signal[2 * j + 1] * kernel[2 * j] + signal[2 * j] * kernel[2 * j + 1];
            signal[2 * j] = re;
            signal[2 * j + 1] = im;
        }
        fft.complexInverse(signal, true);
        for (int tau = 0; tau < half; tau++) {
            double r = signal[2 * (half - 1 + tau)];
            // A sum of squares: a negative value is FFT round-off around an exact period.
            yin[tau] = (float) Math.max(0, energy[0] + energy[tau] - 2 * r);
        }
    }

    /** d'(tau) = d(tau) / mean of d(1..tau); 1 where that mean is 0 (silence), which YIN treats as aperiodic. */
    private void normalise() {
        yin[0] = 1;
        double sum = 0;
        for (int tau = 1; tau < half; tau++) {
            sum += yin[tau];
            yin[tau] = sum > 0 ? (float) (yin[tau] * tau / sum) : 1;
        }
    }

    /** The first lag under the threshold, moved on to the bottom of its dip; -1 if none. */
    private int absoluteThreshold() {
        for (int tau = 2; tau < half; tau++) {
            if (yin[tau] < threshold) {
                while (tau + 1 < half && yin[tau + 1] < yin[tau]) {
                    tau++;
                }
                return tau;
            }
        }
        return -1;
    }

    /** The lag at the vertex of the parabola through d'(tau - 1), d'(tau), d'(tau + 1). */
    private float parabolicInterpolation(int tau) {
        if (tau + 1 >= half) {
            return yin[tau - 1] < yin[tau] ? tau - 1 : tau;
        }
        float s0 = yin[tau - 1];
        float s1 = yin[tau];
        float s2 = yin[tau + 1];
        float curvature = 2 * s1 - s2 - s0;
        // Flat around tau (only for degenerate input): keep the whole lag rather than divide by zero.
        return curvature == 0 ? tau : tau + (s2 - s0) / (2 * curvature);
    }
}
