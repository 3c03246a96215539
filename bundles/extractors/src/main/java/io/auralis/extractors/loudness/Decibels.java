package io.auralis.extractors.loudness;

/**
 * Levels of sample blocks relative to digital full scale, shared by the extractors of this bundle so that they all
 * measure level the same way.
 *
 * <p>A full-scale square wave reads 0 dBFS and a full-scale sine -3.01 dBFS: the level is {@code 20 log10(rms)}
 * with no AES17 sine correction. Levels never go below {@link #FLOOR_DB}, so digital silence gives a finite number
 * that JSON can carry.
 */
public final class Decibels {

    /** The lowest level reported, for digital silence and anything quieter: below 24-bit dither. */
    public static final double FLOOR_DB = -120.0;

    /** The mean square that corresponds to {@link #FLOOR_DB}. */
    private static final double FLOOR_POWER = Math.pow(10, FLOOR_DB / 10);

    private Decibels() {
    }

    /**
     * The mean square of part of an array.
     *
     * @param samples the samples
     * @param from the first index
     * @param to one past the last index
     * @return the mean of the squared samples, 0 for an empty range
     */
    public static double meanSquare(float[] samples, int from, int to) {
        if (to <= from) {
            return 0;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            double x = samples[i];
            sum += x * x;
        }
        return sum / (to - from);
    }

    /**
     * Converts a mean square (power) to a level.
     *
     * @param meanSquare a mean of squared samples, in full-scale units
     * @return {@code 10 log10(meanSquare)}, at least {@link #FLOOR_DB}
     */
    public static double powerToDb(double meanSquare) {
        // NaN fails the comparison as well, so corrupt input lands on the floor rather than in the output.
        if (!(meanSquare > FLOOR_POWER)) {
            return FLOOR_DB;
        }
        return 10 * Math.log10(meanSquare);
    }
}
