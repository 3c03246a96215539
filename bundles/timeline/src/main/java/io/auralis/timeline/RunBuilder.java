package io.auralis.timeline;

/**
 * Stage two: gives each smoothed window its share of time and merges consecutive windows with the same label
 * into runs.
 *
 * <p>Sliding windows overlap, so a window's share ends half-way through its overlap with the next window (for
 * equal windows: half-way between their centres); windows that do not overlap keep their own span, and the gap
 * to the next window (at most {@code maxGap}, or the smoother would have ended the island) is bridged by the
 * run. A window's share is known only once the next window arrives, so one window is held back.
 */
final class RunBuilder {
    private final int classes;
    private final MinimumDurationFilter next;

    private boolean holding;
    private double heldEnd;
    private double[] heldDistribution;
    private int heldLabel;
    /** Where the held window's share begins: its start, or the boundary with the window before it. */
    private double heldShareStart;

    private Run run;

    RunBuilder(int classes, MinimumDurationFilter next) {
        this.classes = classes;
        this.next = next;
    }

    /**
     * Takes the next smoothed window.
     *
     * @param start its start in seconds
     * @param end its end in seconds
     * @param distribution its smoothed distribution
     * @param label the most probable class of that distribution
     */
    void accept(double start, double end, double[] distribution, int label) {
        double shareStart = start;
        if (holding) {
            double boundary = heldEnd;
            if (start < heldEnd) {
                // Overlap: split it in the middle, kept within both windows so that no share is negative.
                boundary = Math.max(heldShareStart, Math.min((start + heldEnd) / 2, end));
                shareStart = boundary;
            }
            addToRun(heldShareStart, Math.max(heldShareStart, boundary));
        }
        holding = true;
        heldEnd = end;
        heldDistribution = distribution;
        heldLabel = label;
        heldShareStart = Math.max(shareStart, start);
    }

    /** Ends the current island: the held window keeps its whole remaining span, and the open run is passed on. */
    void endIsland() {
        if (holding) {
            addToRun(heldShareStart, Math.max(heldShareStart, heldEnd));
            holding = false;
        }
        if (run != null) {
            next.accept(run);
            run = null;
        }
        next.endIsland();
    }

    private void addToRun(double shareStart, double shareEnd) {
        if (run != null && run.label != heldLabel) {
            next.accept(run);
            run = null;
        }
        if (run == null) {
            run = new Run(heldLabel, shareStart, shareStart, classes);
        }
        run.addWindow(shareStart, shareEnd, heldDistribution, heldLabel);
    }
}
