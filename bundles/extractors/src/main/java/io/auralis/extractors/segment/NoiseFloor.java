package io.auralis.extractors.segment;

import io.auralis.extractors.loudness.Decibels;

/**
 * The background level, estimated as a low quantile of the frame levels in a sliding window (quantile-based noise
 * estimation): speech leaves pauses and closures, so the quietest few percent of some seconds of audio are
 * background even while someone talks, and the estimate follows the background when it changes. A histogram of
 * half-decibel bins makes each update and query constant-time, and memory is two bytes per frame in the window.
 */
final class NoiseFloor {
    private static final double BIN_DB = 0.5;
    private static final double LOWEST_DB = Decibels.FLOOR_DB;
    private static final double HIGHEST_DB = 20;
    private static final int BINS = (int) ((HIGHEST_DB - LOWEST_DB) / BIN_DB) + 1;

    private final int[] counts = new int[BINS];
    private final short[] window;
    private final double quantile;
    private long added;

    /**
     * Creates the estimator.
     *
     * @param windowFrames how many of the most recent frames the estimate covers
     * @param quantile the quantile taken, 0..1
     */
    NoiseFloor(int windowFrames, double quantile) {
        this.window = new short[Math.max(1, windowFrames)];
        this.quantile = quantile;
    }

    /**
     * Adds the next frame, forgetting the oldest one when the window is full.
     *
     * @param db the frame's level in dBFS
     */
    void add(double db) {
        int bin = (int) Math.floor((db - LOWEST_DB) / BIN_DB);
        bin = Math.max(0, Math.min(BINS - 1, bin));
        int slot = (int) (added % window.length);
        if (added >= window.length) {
            counts[window[slot]]--;
        }
        window[slot] = (short) bin;
        counts[bin]++;
        added++;
    }

    /**
     * The current estimate.
     *
     * @return the lower edge of the bin holding the quantile, in dBFS; {@link Decibels#FLOOR_DB} before any frame
     */
    double level() {
        long n = Math.min(added, window.length);
        long target = Math.max(1, (long) Math.ceil(quantile * n));
        long seen = 0;
        for (int bin = 0; bin < BINS; bin++) {
            seen += counts[bin];
            if (seen >= target) {
                return LOWEST_DB + bin * BIN_DB;
            }
        }
        return LOWEST_DB;
    }
}
