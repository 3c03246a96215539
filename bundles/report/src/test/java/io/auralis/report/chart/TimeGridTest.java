package io.auralis.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Averaging intervals onto a bounded number of cells. */
class TimeGridTest {

    @Test
    void anHourGetsNoMoreCellsThanTheCap() {
        TimeGrid grid = new TimeGrid(3600, 1000, 0.02, 1);
        assertEquals(1000, grid.cells());
        assertEquals(1.8, grid.centre(0), 1e-9);
    }

    @Test
    void aShortFileGetsCellsOfTheFinestSize() {
        TimeGrid grid = new TimeGrid(2, 1000, 0.02, 1);
        assertEquals(100, grid.cells());
    }

    @Test
    void cellsAverageWhatOverlapsThemByOverlap() {
        TimeGrid grid = new TimeGrid(4, 4, 0.01, 1);
        grid.add(0, 1.5, new double[] {10});
        grid.add(1.5, 2, new double[] {20});
        assertEquals(10, grid.mean(0)[0], 1e-9);
        // Cell 1 ([1, 2)): half at 10, half at 20.
        assertEquals(15, grid.mean(1)[0], 1e-9);
        assertEquals(1, grid.coverage(1), 1e-9);
    }

    @Test
    void gapsStayEmpty() {
        TimeGrid grid = new TimeGrid(4, 4, 0.01, 2);
        grid.add(0, 1, new double[] {1, 2});
        grid.add(3.5, 4, new double[] {3, 4});
        assertEquals(0, grid.coverage(1));
        assertTrue(Double.isNaN(grid.mean(2)[1]));
        assertEquals(0.5, grid.coverage(3), 1e-9);
        assertEquals(4, grid.mean(3)[1], 1e-9);
    }
}
