package io.auralis.host.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValuesAndOfAnOddCountTheMiddleOne() {
        assertEquals(2.5, Statistics.of(new double[] {4, 1, 3, 2}).median());
        assertEquals(3.0, Statistics.of(new double[] {5, 1, 3}).median());
        assertEquals(7.0, Statistics.of(new double[] {7}).median());
        assertEquals(1.5, Statistics.of(new double[] {2, 1}).median());
    }

    @Test
    void theStandardDeviationIsThePopulationOneDividedByTheCount() {
        // The textbook series: mean 5, population sd 2 (the sample sd, divided by 7, would be 2.138).
        Statistics s = Statistics.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertEquals(8, s.count());
        assertEquals(5.0, s.mean());
        assertEquals(2.0, s.sd(), 1e-12);
        assertEquals(2.0, s.minimum());
        assertEquals(9.0, s.maximum());
        assertEquals(4.5, s.median());
        assertEquals(0.0, Statistics.of(new double[] {3}).sd());
    }

    @Test
    void valuesFarFromZeroKeepTheirSpread() {
        // A running sum of squares loses this variance entirely; two passes keep it.
        double base = 1e9;
        Statistics s = Statistics.of(new double[] {base + 4, base + 7, base + 13, base + 16});
        assertEquals(base + 10, s.mean(), 1e-6);
        assertEquals(Math.sqrt(22.5), s.sd(), 1e-6);
    }

    @Test
    void nanAndInfiniteValuesAreLeftOutAndTheInputIsNotChanged() {
        double[] values = {3, Double.NaN, 1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        Statistics s = Statistics.of(values);
        assertEquals(2, s.count());
        assertEquals(1.0, s.minimum());
        assertEquals(3.0, s.maximum());
        assertEquals(2.0, s.mean());
        assertEquals(2.0, s.median());
        assertEquals(3.0, values[0]);
        assertTrue(Double.isNaN(values[1]));
    }

    @Test
    void noValuesGiveACountOfZeroAndNanForEveryOtherStatistic() {
        for (double[] none : new double[][] {{}, {Double.NaN}}) {
            Statistics s = Statistics.of(none);
            assertEquals(0, s.count());
            for (double v : new double[] {s.minimum(), s.maximum(), s.mean(), s.median(), s.sd()}) {
                assertTrue(Double.isNaN(v));
            }
        }
    }

    @Test
    void statisticsAreFoundByTheirLabels() {
        Statistics s = Statistics.of(new double[] {1, 2, 6});
        assertEquals(3.0, s.get("count"));
        assertEquals(1.0, s.get("minimum"));
        assertEquals(6.0, s.get("maximum"));
        assertEquals(3.0, s.get("mean"));
        assertEquals(2.0, s.get("median"));
        assertEquals(s.sd(), s.get("sd"));
        assertThrows(IllegalArgumentException.class, () -> s.get("mode"));
    }
}
