package io.auralis.timeline;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Stage three: makes every segment last at least {@code minDuration}, by hysteresis. A change of label is
 * accepted only when the new label lasts {@code minDuration}; a shorter run is absorbed by the segment before it
 * (so A, short b, A becomes one A segment, and A, short b, C becomes A then C with A ending where C begins).
 * Short runs at the start of an island, before any run is long enough, are absorbed by the first one that is.
 * An island (speech with no gap longer than {@code maxGap}) in which no run is long enough becomes one segment
 * labelled with the class that holds most of its speech time if the island lasts {@code minDuration}, and is
 * dropped otherwise.
 *
 * <p>Memory is bounded: one open segment, and for the short runs at the start of an island one aggregate per
 * class.
 */
final class MinimumDurationFilter {
    private final double minDuration;
    private final Queue<Run> ready = new ArrayDeque<>();

    /** The segment being extended; {@code null} until a long enough run has started one in this island. */
    private Run current;
    /** Short runs before {@link #current} exists, merged per label; {@code null} entries for absent labels. */
    private final Run[] leading;
    private boolean hasLeading;

    MinimumDurationFilter(int classes, double minDuration) {
        this.minDuration = minDuration;
        this.leading = new Run[classes];
    }

    /**
     * Takes the next run of the current island.
     *
     * @param run a run whose label differs from the previous run's
     */
    void accept(Run run) {
        boolean longEnough = run.duration() >= minDuration;
        if (current == null && !longEnough) {
            if (leading[run.label] == null) {
                leading[run.label] = run;
            } else {
                leading[run.label].absorb(run);
            }
            hasLeading = true;
        } else if (current == null) {
            current = run;
            takeLeading(current);
        } else if (!longEnough || run.label == current.label) {
            current.absorb(run);
        } else {
            ready.add(current);
            current = run;
        }
    }

    /** Ends the island: the open segment is final, or the island's short runs become one segment or none. */
    void endIsland() {
        if (current != null) {
            ready.add(current);
            current = null;
        } else if (hasLeading) {
            Run winner = null;
            for (Run r : leading) {
                if (r != null && (winner == null || r.speech > winner.speech)) {
                    winner = r;
                }
            }
            takeLeading(winner);
            if (winner.duration() >= minDuration) {
                ready.add(winner);
            }
        }
    }

    /**
     * Segments that are final, in time order; the caller removes them.
     *
     * @return the queue of finished segments
     */
    Queue<Run> ready() {
        return ready;
    }

    private void takeLeading(Run into) {
        for (int i = 0; i < leading.length; i++) {
            if (leading[i] != null && leading[i] != into) {
                into.absorb(leading[i]);
            }
            leading[i] = null;
        }
        hasLeading = false;
    }
}
