package io.auralis.report.chart;

import java.util.Arrays;

/**
 * Equal cells over the length of a file, onto which features are averaged before they are drawn: a chart never
 * gets more points than it has pixels to show them, however long the file (an hour of loudness every 32 ms
 * would otherwise be 112,500 points per series).
 *
 * <p>Each value spans an interval; a cell receives every value overlapping it, weighted by the overlap. A
 * cell's {@linkplain #coverage(int) coverage} says how much of it the values cover, so that gaps (silence
 * between speech segments, unvoiced stretches) stay visible.
 */
public final class TimeGrid {
    private final double cellSeconds;
    private final int cells;
    private final int width;
    private final double[] weight;
    private final double[][] sums;

    /**
     * Creates an empty grid.
     *
     * @param seconds the length to cover, from 0
     * @param maxCells the most cells; fewer when {@code seconds / minCellSeconds} is smaller
     * @param minCellSeconds the shortest cell worth drawing
     * @param width how many values each interval carries
     */
    public TimeGrid(double seconds, int maxCells, double minCellSeconds, int width) {
        double length = seconds > 0 && Double.isFinite(seconds) ? seconds : minCellSeconds;
        this.cells = (int) Math.max(1, Math.min(maxCells, Math.ceil(length / minCellSeconds)));
        this.cellSeconds = length / cells;
        this.width = width;
        this.weight = new double[cells];
        this.sums = new double[cells][width];
    }

    /**
     * Adds values that hold over an interval.
     *
     * @param start start in seconds
     * @param end end in seconds; an interval of no length counts as one cell long
     * @param values {@code width} values
     */
    public void add(double start, double end, double[] values) {
        if (!(end > start)) {
            end = start + cellSeconds;
        }
        int first = Math.max(0, (int) Math.floor(start / cellSeconds));
        int last = Math.min(cells - 1, (int) Math.floor(end / cellSeconds));
        for (int i = first; i <= last; i++) {
            double overlap = Math.min(end, (i + 1) * cellSeconds) - Math.max(start, i * cellSeconds);
            if (overlap <= 0) {
                continue;
            }
            weight[i] += overlap;
            for (int k = 0; k < width; k++) {
                sums[i][k] += overlap * values[k];
            }
        }
    }

    /**
     * The number of cells.
     *
     * @return at least 1
     */
    public int cells() {
        return cells;
    }

    /**
     * The middle of a cell.
     *
     * @param cell the cell
     * @return seconds from 0
     */
    public double centre(int cell) {
        return (cell + 0.5) * cellSeconds;
    }

    /**
     * How much of a cell the added intervals cover.
     *
     * @param cell the cell
     * @return 0 to 1 (more only where intervals overlap)
     */
    public double coverage(int cell) {
        return weight[cell] / cellSeconds;
    }

    /**
     * The overlap-weighted mean of the values added to a cell.
     *
     * @param cell the cell
     * @return {@code width} values, all NaN when nothing covers the cell
     */
    public double[] mean(int cell) {
        double[] m = new double[width];
        if (weight[cell] <= 0) {
            Arrays.fill(m, Double.NaN);
            return m;
        }
        for (int k = 0; k < width; k++) {
            m[k] = sums[cell][k] / weight[cell];
        }
        return m;
    }
}
