package io.auralis.ser.model;

/**
 * The deterministic test waveform of {@code fixtures/make_fixtures.py} ({@code signal(n, k)}), so that Java and
 * PyTorch see the same input without storing it.
 */
public final class SignalFixture {
    private SignalFixture() {
    }

    /**
     * Computes the waveform.
     *
     * @param n samples at 16 kHz
     * @param k the variant (changes the tones and the noise)
     * @return the samples
     */
    public static float[] signal(int n, int k) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double t = i / 16000.0;
            double v = 0.5 * Math.sin(2 * Math.PI * (180 + 40 * k) * t + 3 * Math.sin(2 * Math.PI * 2.5 * t));
            v *= 0.6 + 0.4 * Math.sin(2 * Math.PI * (1.5 + k) * t);
            v += 0.08 * ((((long) i * 7919 + (long) k * 104729) % 1000) / 1000.0 - 0.5);
            out[i] = (float) v;
        }
        return out;
    }
}
