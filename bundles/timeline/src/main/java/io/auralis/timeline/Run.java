package io.auralis.timeline;

/**
 * A stretch of time carrying one emotion label: first a run of consecutive equally labelled windows, later an
 * output segment that may have absorbed shorter runs of other labels.
 *
 * <p>The distribution accumulates only the windows that carry the run's own label, so that the segment's mean
 * distribution always has that label as its most probable class: time absorbed from a short run of another
 * label lengthens the segment but does not dilute its distribution.
 */
final class Run {
    /** Index of the label in the input's class order. */
    final int label;
    double start;
    double end;
    /** Seconds covered by windows, without the gaps bridged between them. */
    double speech;
    /** Span-weighted sum of the distributions of the windows labelled {@link #label}. */
    final double[] sum;
    double weight;

    Run(int label, double start, double end, int classes) {
        this.label = label;
        this.start = start;
        this.end = end;
        this.sum = new double[classes];
    }

    double duration() {
        return end - start;
    }

    /**
     * Adds a window's share of time.
     *
     * @param spanStart where the window's share begins
     * @param spanEnd where it ends
     * @param distribution its smoothed distribution
     * @param windowLabel its label
     */
    void addWindow(double spanStart, double spanEnd, double[] distribution, int windowLabel) {
        double span = spanEnd - spanStart;
        start = Math.min(start, spanStart);
        end = Math.max(end, spanEnd);
        speech += span;
        if (windowLabel == label) {
            // A tiny floor keeps windows without duration from vanishing: a run made only of them gets their
            // plain mean, and otherwise they weigh nothing.
            double w = span + 1e-9;
            for (int i = 0; i < sum.length; i++) {
                sum[i] += w * distribution[i];
            }
            weight += w;
        }
    }

    /**
     * Takes over another run's time, and its distribution when it has the same label.
     *
     * @param other a run before or after this one
     */
    void absorb(Run other) {
        start = Math.min(start, other.start);
        end = Math.max(end, other.end);
        speech += other.speech;
        if (other.label == label) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += other.sum[i];
            }
            weight += other.weight;
        }
    }

    /**
     * The mean distribution of the windows carrying this run's label.
     *
     * @return one probability per class
     */
    float[] meanDistribution() {
        float[] mean = new float[sum.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = weight > 0 ? (float) (sum[i] / weight) : 0f;
        }
        return mean;
    }

    @Override
    public String toString() {
        return "Run[" + label + " " + start + ".." + end + " speech " + speech + "]";
    }
}
