package io.auralis.ser.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    /** Clips whose true class is drawn from softmax(z), where the model reports softmax(z * sharpness). */
    private static void simulate(double sharpness, List<float[]> logProbabilities, int[] labels, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < labels.length; i++) {
            double[] z = new double[4];
            for (int k = 0; k < 4; k++) {
                z[k] = random.nextGaussian() * 1.5;
            }
            double[] p = softmax(z, 1);
            double u = random.nextDouble();
            int label = 0;
            for (double c = p[0]; c < u && label < 3; c += p[++label]) {
                // walk the cumulative distribution
            }
            labels[i] = label;
            double[] reported = softmax(z, sharpness);
            float[] lp = new float[4];
            for (int k = 0; k < 4; k++) {
                lp[k] = (float) Math.log(reported[k]);
            }
            logProbabilities.add(lp);
        }
    }

    private static double[] softmax(double[] z, double scale) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v * scale);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            p[k] = Math.exp(z[k] * scale - max);
            sum += p[k];
        }
        for (int k = 0; k < z.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    @Test
    void anOverconfidentModelGetsATemperatureAboveOneThatLowersItsCalibrationError() {
        List<float[]> lp = new ArrayList<>();
        int[] labels = new int[4000];
        simulate(3, lp, labels, 1);

        double t = Calibration.fitTemperature(lp, labels);

        assertEquals(3, t, 0.3, "the model is three times too sharp");
        double before = Calibration.expectedCalibrationError(lp, labels, 1);
        double after = Calibration.expectedCalibrationError(lp, labels, t);
        assertTrue(before > 0.1 && after < 0.03, "ECE " + before + " -> " + after);
        assertTrue(Calibration.nll(lp, labels, t) < Calibration.nll(lp, labels, 1));
    }

    @Test
    void anUnderconfidentModelGetsATemperatureBelowOne() {
        List<float[]> lp = new ArrayList<>();
        int[] labels = new int[4000];
        simulate(0.5, lp, labels, 2);

        assertEquals(0.5, Calibration.fitTemperature(lp, labels), 0.08);
    }

    @Test
    void noClipsMeanNoChange() {
        assertEquals(1, Calibration.fitTemperature(List.of(), new int[0]));
        assertEquals(0, Calibration.expectedCalibrationError(List.of(), new int[0], 1));
    }
}
