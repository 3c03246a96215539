package io.auralis.ser.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassificationMetricsTest {

    private static final double EXACT = 1e-12;

    /**
     * Rows true, columns predicted; "d" is a model class absent from the data and never predicted, "e" is absent
     * from the data but predicted once.
     */
    static ConfusionMatrix handComputed() {
        return ConfusionMatrix.of(List.of("a", "b", "c", "d", "e"), new long[][] {
            {5, 1, 0, 0, 0},
            {2, 3, 0, 0, 1},
            {0, 0, 4, 0, 0},
            {0, 0, 0, 0, 0},
            {0, 0, 0, 0, 0},
        });
    }

    @Test
    void metricsMatchTheHandComputedValues() {
        ClassificationMetrics m = ClassificationMetrics.of(handComputed());

        // 12 of 16 correct.
        assertEquals(12.0 / 16, m.accuracy(), EXACT);
        // Recall a 5/6, b 3/6, c 4/4; d and e have no clips and do not count.
        assertEquals((5.0 / 6 + 3.0 / 6 + 1) / 3, m.balancedAccuracy(), EXACT);
        // Precision a 5/7, b 3/4, c 4/4, e 0/1. F1 a = 10/13, b = 3/5, c = 1, e = 0; d is neither true nor predicted.
        double f1a = 10.0 / 13;
        double f1b = 3.0 / 5;
        assertEquals((f1a + f1b + 1 + 0) / 4, m.macroF1(), EXACT);
        assertEquals((6 * f1a + 6 * f1b + 4 * 1.0) / 16, m.weightedF1(), EXACT);

        ClassificationMetrics.ClassMetrics a = m.perClass().get(0);
        assertEquals("a", a.name());
        assertEquals(5.0 / 7, a.precision(), EXACT);
        assertEquals(5.0 / 6, a.recall(), EXACT);
        assertEquals(f1a, a.f1(), EXACT);
        assertEquals(6, a.support());
        assertEquals(7, a.predicted());
        ClassificationMetrics.ClassMetrics e = m.perClass().get(4);
        assertEquals(0, e.precision(), EXACT);
        assertEquals(0, e.recall(), EXACT);
        assertEquals(1, e.predicted());
    }

    @Test
    void aPerfectClassifierScoresOneAndAnEmptyMatrixZero() {
        ClassificationMetrics perfect = ClassificationMetrics.of(ConfusionMatrix.of(List.of("x", "y"),
            new long[][] {{3, 0}, {0, 9}}));
        assertEquals(1, perfect.accuracy(), EXACT);
        assertEquals(1, perfect.balancedAccuracy(), EXACT);
        assertEquals(1, perfect.macroF1(), EXACT);
        assertEquals(1, perfect.weightedF1(), EXACT);

        ClassificationMetrics empty = ClassificationMetrics.of(new ConfusionMatrix(List.of("x", "y")));
        assertEquals(0, empty.accuracy(), EXACT);
        assertEquals(0, empty.macroF1(), EXACT);
    }

    @Test
    void malformedCountsAreRejected() {
        assertThrows(IllegalArgumentException.class,
            () -> ConfusionMatrix.of(List.of("x", "y"), new long[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class,
            () -> ConfusionMatrix.of(List.of("x", "y"), new long[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class,
            () -> ConfusionMatrix.of(List.of("x", "y"), new long[][] {{1, -2}, {3, 4}}));
    }

    @Test
    void theMatrixIsWrittenAsCsvWithTrueClassesAsRows(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("confusion_matrix.csv");
        handComputed().writeCsv(csv);
        assertEquals(List.of("true\\predicted,a,b,c,d,e", "a,5,1,0,0,0", "b,2,3,0,0,1", "c,0,0,4,0,0", "d,0,0,0,0,0",
            "e,0,0,0,0,0"), Files.readAllLines(csv));
    }
}
