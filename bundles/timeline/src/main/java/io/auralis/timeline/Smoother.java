package io.auralis.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage one: a centred moving average of the class distributions over {@code width} consecutive windows.
 *
 * <p>A window's average needs the {@code width / 2} windows after it, which arrive later, so the smoother keeps
 * a buffer of at most {@code width} windows (half of them already smoothed, kept as context) and hands each
 * window on once its future neighbours are in. A gap longer than {@code maxGap} separates windows that are not
 * neighbours (different utterances): the buffer is flushed there, and averages near a gap, like those at the
 * start and end of the file, use only the neighbours that exist on the same side of it.
 */
final class Smoother {
    /** A window as received: its span and raw distribution. */
    private record Window(double start, double end, double[] distribution) {
    }

    private final int half;
    private final double maxGap;
    private final RunBuilder next;
    /** Raw windows from {@code half} before the next one to smooth to the newest. */
    private final List<Window> buffer;
    private int nextToSmooth;
    /** The latest end of any window so far, to find gaps even when nothing is buffered (width 1). */
    private double lastEnd = Double.NEGATIVE_INFINITY;

    Smoother(int width, double maxGap, RunBuilder next) {
        this.half = width / 2;
        this.maxGap = maxGap;
        this.next = next;
        this.buffer = new ArrayList<>(width + 1);
    }

    /**
     * Takes the next window.
     *
     * @param start its start in seconds, not before the previous window's
     * @param end its end in seconds
     * @param distribution its class probabilities; kept, so the caller passes a copy
     */
    void accept(double start, double end, double[] distribution) {
        if (lastEnd != Double.NEGATIVE_INFINITY && start - lastEnd > maxGap) {
            endIsland();
        }
        lastEnd = Math.max(lastEnd, end);
        buffer.add(new Window(start, end, distribution));
        while (nextToSmooth + half < buffer.size()) {
            smooth(nextToSmooth++);
        }
        while (nextToSmooth > half) {
            buffer.remove(0);
            nextToSmooth--;
        }
    }

    /** Ends the current stretch of neighbouring windows: smooths what is left and passes the break on. */
    void endIsland() {
        while (nextToSmooth < buffer.size()) {
            smooth(nextToSmooth++);
        }
        buffer.clear();
        nextToSmooth = 0;
        next.endIsland();
    }

    /** How many windows are held, for tests of the memory bound. */
    int buffered() {
        return buffer.size();
    }

    private void smooth(int index) {
        int from = Math.max(0, index - half);
        int to = Math.min(buffer.size() - 1, index + half);
        Window w = buffer.get(index);
        double[] mean = new double[w.distribution.length];
        for (int j = from; j <= to; j++) {
            double[] d = buffer.get(j).distribution;
            for (int i = 0; i < mean.length; i++) {
                mean[i] += d[i];
            }
        }
        int n = to - from + 1;
        int best = 0;
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= n;
            if (mean[i] > mean[best]) {
                best = i;
            }
        }
        next.accept(w.start, w.end, mean, best);
    }
}
