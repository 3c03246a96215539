package io.auralis.ser.evaluation;

import io.auralis.ser.inference.EmotionTranslator;

import java.util.List;

/**
 * Temperature scaling (Guo et al. 2017, "On Calibration of Modern Neural Networks"): one number {@code T} that the
 * network's log-probabilities are divided by, fitted by minimising the negative log-likelihood of held-out clips,
 * so that a confidence of 0.8 is right about 80 % of the time. It never changes which class wins, only how sure
 * the model says it is. The expected calibration error (ECE) measures the gap: the clip-weighted mean, over 15
 * equal-width confidence bins, of |accuracy - mean confidence|.
 */
public final class Calibration {

    /** Bins of the expected calibration error, as in Guo et al. */
    public static final int ECE_BINS = 15;
    private static final double MIN_LOG_T = Math.log(0.05);
    private static final double MAX_LOG_T = Math.log(20);

    private Calibration() {
    }

    /**
     * Fits the temperature that minimises the mean negative log-likelihood: a golden-section search over
     * {@code log T} in [log 0.05, log 20] (the NLL of a temperature-scaled softmax is convex in {@code 1/T}, so
     * unimodal there).
     *
     * @param logProbabilities one row of natural-log probabilities per clip
     * @param labels each clip's true class index
     * @return the temperature, 1 when there are no clips
     */
    public static double fitTemperature(List<float[]> logProbabilities, int[] labels) {
        if (logProbabilities.isEmpty()) {
            return 1;
        }
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = MIN_LOG_T;
        double b = MAX_LOG_T;
        double c = b - phi * (b - a);
        double d = a + phi * (b - a);
        double fc = nll(logProbabilities, labels, Math.exp(c));
        double fd = nll(logProbabilities, labels, Math.exp(d));
        for (int i = 0; i < 60; i++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - phi * (b - a);
                fc = nll(logProbabilities, labels, Math.exp(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + phi * (b - a);
                fd = nll(logProbabilities, labels, Math.exp(d));
            }
        }
        return Math.exp((a + b) / 2);
    }

    /**
     * The mean negative log-likelihood of the true classes at a temperature.
     *
     * @param logProbabilities one row per clip
     * @param labels the true classes
     * @param temperature the temperature
     * @return nats per clip
     */
    public static double nll(List<float[]> logProbabilities, int[] labels, double temperature) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum -= EmotionTranslator.scale(logProbabilities.get(i), temperature)[labels[i]];
        }
        return labels.length == 0 ? 0 : sum / labels.length;
    }

    /**
     * The expected calibration error at a temperature.
     *
     * @param logProbabilities one row per clip
     * @param labels the true classes
     * @param temperature the temperature, 1 for the network as it is
     * @return in [0, 1]; 0 when there are no clips
     */
    public static double expectedCalibrationError(List<float[]> logProbabilities, int[] labels,
                                                  double temperature) {
        double[] confidence = new double[ECE_BINS];
        double[] correct = new double[ECE_BINS];
        int[] count = new int[ECE_BINS];
        for (int i = 0; i < labels.length; i++) {
            float[] scaled = EmotionTranslator.scale(logProbabilities.get(i), temperature);
            int best = 0;
            for (int k = 1; k < scaled.length; k++) {
                if (scaled[k] > scaled[best]) {
                    best = k;
                }
            }
            double p = Math.exp(scaled[best]);
            int bin = Math.min(ECE_BINS - 1, (int) (p * ECE_BINS));
            confidence[bin] += p;
            correct[bin] += best == labels[i] ? 1 : 0;
            count[bin]++;
        }
        double ece = 0;
        for (int bin = 0; bin < ECE_BINS; bin++) {
            if (count[bin] > 0) {
                ece += Math.abs(correct[bin] - confidence[bin]) / labels.length;
            }
        }
        return labels.length == 0 ? 0 : ece;
    }
}
