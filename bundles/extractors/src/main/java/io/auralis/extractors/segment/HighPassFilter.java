package io.auralis.extractors.segment;

/**
 * A second-order Butterworth high-pass filter (the RBJ audio-EQ-cookbook biquad, transposed direct form II, in
 * double precision). It keeps DC offsets, rumble and most mains hum out of the frame energies, which would
 * otherwise lift the level of every frame and hide pauses.
 */
final class HighPassFilter {
    private final double b0;
    private final double b1;
    private final double b2;
    private final double a1;
    private final double a2;
    private double z1;
    private double z2;

    /**
     * Creates the filter.
     *
     * @param cutoff the -3 dB frequency in Hz
     * @param sampleRate the sample rate in Hz
     */
    HighPassFilter(double cutoff, double sampleRate) {
        double w0 = 2 * Math.PI * Math.min(cutoff, 0.45 * sampleRate) / sampleRate;
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * Math.sqrt(0.5));
        double a0 = 1 + alpha;
        b0 = (1 + cos) / 2 / a0;
        b1 = -(1 + cos) / a0;
        b2 = (1 + cos) / 2 / a0;
        a1 = -2 * cos / a0;
        a2 = (1 - alpha) / a0;
    }

    /**
     * Filters the next sample.
     *
     * @param x the input sample
     * @return the output sample
     */
    double apply(double x) {
        double y = b0 * x + z1;
        z1 = b1 * x - a1 * y + z2;
        z2 = b2 * x - a2 * y;
        return y;
    }
}
