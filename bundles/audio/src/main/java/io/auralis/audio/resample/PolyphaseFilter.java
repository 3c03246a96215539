package io.auralis.audio.resample;

/**
 * The low-pass filter of a rational rate change {@code up / down} (the two rates divided by their greatest common
 * divisor), as a bank of {@code up} phases: a Kaiser-windowed sinc designed for a flat passband up to 87.5 % of the
 * lower rate's Nyquist frequency (7 kHz of 8 for 16 kHz) and {@value #ATTENUATION_DB} dB of attenuation from that
 * Nyquist frequency on, so nothing above it aliases and nothing below 7 kHz is touched.
 *
 * <p>Phase {@code p} holds the weights of input samples {@code n - half() + 1} to {@code n + half()} for the output at
 * input time {@code n + p / up}; every phase is normalised to unit gain at 0 Hz. The window's length follows Kaiser's
 * formula for the attenuation and the transition band, so it grows with the decimation factor (276 taps for 48 to
 * 16 kHz, 92 for any upsampling from 16 kHz). Immutable and thread-safe: one instance serves every stream of a rate
 * pair.
 */
public final class PolyphaseFilter {

    /** The flat band, as a fraction of the lower Nyquist frequency. */
    static final double PASSBAND = 0.875;

    /**
     * The design attenuation in dB. Kaiser's formula reaches it at the edge of the stopband; 90 leaves room above the
     * 80 dB the tests require, at 10 % more taps than designing for 80.
     */
    static final double ATTENUATION_DB = 90;

    /**
     * The largest table of phases kept, in coefficients (16 MB). Common rate pairs need far less (160 phases of 252
     * taps for 44.1 to 16 kHz); beyond it, as for 44,101 Hz to 16 kHz, a phase is computed each time it is used.
     */
    private static final long MAX_TABLE = 1 << 22;

    private final int sourceRate;
    private final int targetRate;
    private final int up;
    private final int down;
    private final int half;
    private final int taps;
    /** The sinc's cut-off in cycles per input sample. */
    private final double cutoff;
    /** Half the window's length in input samples. */
    private final double halfWidth;
    private final double beta;
    private final double windowScale;
    /** {@code up} rows of {@code taps} coefficients, or null when they are computed as needed. */
    private final float[] table;

    private PolyphaseFilter(int sourceRate, int targetRate) {
        if (sourceRate <= 0 || targetRate <= 0) {
            throw new IllegalArgumentException("rates must be positive: " + sourceRate + " Hz to " + targetRate
                + " Hz");
        }
        this.sourceRate = sourceRate;
        this.targetRate = targetRate;
        int gcd = gcd(sourceRate, targetRate);
        this.up = targetRate / gcd;
        this.down = sourceRate / gcd;
        double nyquist = Math.min(sourceRate, targetRate) / 2.0;
        double passEdge = PASSBAND * nyquist / sourceRate;
        double stopEdge = nyquist / sourceRate;
        this.cutoff = (passEdge + stopEdge) / 2;
        // Kaiser's estimates of the length and shape for a given attenuation and transition width.
        double length = (ATTENUATION_DB - 7.95) / (14.36 * (stopEdge - passEdge));
        this.halfWidth = length / 2;
        this.beta = 0.1102 * (ATTENUATION_DB - 8.7);
        this.windowScale = 1 / besselI0(beta);
        // An even half makes the tap count a multiple of 4, which the stream's inner loop takes at a time.
        int h = (int) Math.ceil(halfWidth);
        this.half = h + (h & 1);
        this.taps = 2 * half;
        if ((long) up * taps <= MAX_TABLE) {
            table = new float[up * taps];
            float[] row = new float[taps];
            for (int p = 0; p < up; p++) {
                compute(p, row);
                System.arraycopy(row, 0, table, p * taps, taps);
            }
        } else {
            table = null;
        }
    }

    /**
     * Designs the filter for a rate pair. Takes milliseconds for common pairs; cache the result.
     *
     * @param sourceRate input rate in Hz
     * @param targetRate output rate in Hz
     * @return the filter
     * @throws IllegalArgumentException if a rate is not positive
     */
    public static PolyphaseFilter design(int sourceRate, int targetRate) {
        return new PolyphaseFilter(sourceRate, targetRate);
    }

    /**
     * The input rate.
     *
     * @return Hz
     */
    public int sourceRate() {
        return sourceRate;
    }

    /**
     * The output rate.
     *
     * @return Hz
     */
    public int targetRate() {
        return targetRate;
    }

    /**
     * The interpolation factor: the output rate over the two rates' greatest common divisor, and the number of phases.
     *
     * @return at least 1
     */
    public int up() {
        return up;
    }

    /**
     * The decimation factor: the input rate over the two rates' greatest common divisor.
     *
     * @return at least 1
     */
    public int down() {
        return down;
    }

    /**
     * Input samples on each side of an output instant that a phase weighs.
     *
     * @return an even number, half of {@link #taps()}
     */
    public int half() {
        return half;
    }

    /**
     * Coefficients per phase.
     *
     * @return a multiple of 4
     */
    public int taps() {
        return taps;
    }

    /**
     * The coefficients of one phase.
     *
     * @param phase from 0 to {@code up() - 1}
     * @param scratch room for {@link #taps()} coefficients, filled when the phases are not tabulated
     * @return an array whose {@code taps()} values from {@link #offset(int)} are the phase's weights, in input order;
     *     not to be modified
     */
    float[] row(int phase, float[] scratch) {
        if (table != null) {
            return table;
        }
        compute(phase, scratch);
        return scratch;
    }

    /**
     * Where the phase's coefficients start in the array {@link #row(int, float[])} returns.
     *
     * @param phase from 0 to {@code up() - 1}
     * @return the index of its first coefficient
     */
    int offset(int phase) {
        return table != null ? phase * taps : 0;
    }

    /** Evaluates phase {@code p}'s window-weighted sinc at its taps and normalises it to unit gain at 0 Hz. */
    private void compute(int phase, float[] row) {
        double fraction = phase / (double) up;
        double[] weights = new double[taps];
        double sum = 0;
        for (int j = 0; j < taps; j++) {
            weights[j] = kernel(j - half + 1 - fraction);
            sum += weights[j];
        }
        for (int j = 0; j < taps; j++) {
            row[j] = (float) (weights[j] / sum);
        }
    }

    /** The windowed sinc at {@code t} input samples from the output instant. */
    private double kernel(double t) {
        double x = t / halfWidth;
        if (Math.abs(x) >= 1) {
            return 0;
        }
        double arg = 2 * cutoff * t;
        double sinc = arg == 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
        return 2 * cutoff * sinc * besselI0(beta * Math.sqrt(1 - x * x)) * windowScale;
    }

    /** The modified Bessel function of the first kind, order 0, from its power series (converges for any x). */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double quarterSquare = x * x / 4;
        for (int k = 1; term > 1e-17 * sum; k++) {
            term *= quarterSquare / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
