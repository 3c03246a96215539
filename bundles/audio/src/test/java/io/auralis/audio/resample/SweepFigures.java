package io.auralis.audio.resample;

import static io.auralis.audio.resample.Signals.db;

/**
 * What a resampler does to a linear sweep from 0 Hz to the input's Nyquist frequency, downsampled: while the sweep is
 * in the passband the output should be the sweep itself, sampled at the new rate; while it is above the new Nyquist
 * frequency the output should be silence, and whatever comes out is aliasing.
 *
 * @param passbandErrorDb the output's difference from the ideal sweep while it is below the passband edge, relative
 *     to the sweep's level
 * @param aliasDb the output's level while the sweep is above the new Nyquist frequency, relative to the sweep's
 */
record SweepFigures(double passbandErrorDb, double aliasDb) {

    /** Margin around the band edges, in Hz, for the filter's length: the sweep moves while the filter spans it. */
    private static final double GUARD = 100;

    static SweepFigures of(float[] out, int sweepRate, int sweepFrames, int rate) {
        double top = sweepRate / 2.0;
        double amplitude = 0.5;
        double level = amplitude / Math.sqrt(2);
        double passEdge = PolyphaseFilter.PASSBAND * rate / 2;
        double nyquist = rate / 2.0;
        double errorSum = 0;
        int errorCount = 0;
        double aliasSum = 0;
        int aliasCount = 0;
        double duration = sweepFrames / (double) sweepRate;
        for (int k = 0; k < out.length; k++) {
            double f = Signals.sweepFrequency(top, sweepFrames, sweepRate, k, rate);
            if (f > GUARD && f < passEdge - GUARD) {
                double t = k / (double) rate;
                double ideal = amplitude * Math.sin(Math.PI * top / duration * t * t);
                errorSum += (out[k] - ideal) * (out[k] - ideal);
                errorCount++;
            } else if (f > nyquist + GUARD && f < top - GUARD) {
                aliasSum += out[k] * (double) out[k];
                aliasCount++;
            }
        }
        return new SweepFigures(db(Math.sqrt(errorSum / errorCount) / level),
            db(Math.sqrt(aliasSum / aliasCount) / level));
    }
}
