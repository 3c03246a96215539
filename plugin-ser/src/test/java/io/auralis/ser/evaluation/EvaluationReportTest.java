package io.auralis.ser.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportTest {

    @Test
    void theJsonReportReadsBackWithEveryFigure(@TempDir Path dir) throws IOException {
        EvaluationReport report = EvaluationReport.of(ClassificationMetricsTest.handComputed());
        report.model = "m";
        report.dataset = "emodb";
        report.split = "test";
        Path file = dir.resolve("metrics.json");

        report.write(file);
        EvaluationReport read = EvaluationReport.read(file);

        assertEquals(0.75, read.accuracy, 1e-12);
        assertEquals(report.macroF1, read.macroF1, 1e-12);
        assertEquals(report.weightedF1, read.weightedF1, 1e-12);
        assertEquals(5, read.perClass.size());
        assertEquals(5.0 / 7, read.perClass.get(0).precision, 1e-12);
        assertEquals(16, read.clips);
        assertArrayEquals(ClassificationMetricsTest.handComputed().counts()[1], read.matrix().counts()[1]);
        assertEquals(0.75, read.summary().get("accuracy"));
    }

    @Test
    void theTableShowsHeadlineFiguresPerClassRowsAndTheMatrix() {
        EvaluationReport report = EvaluationReport.of(ClassificationMetricsTest.handComputed());
        report.model = "m";
        report.dataset = "emodb";
        report.split = "test";

        String table = report.toTable();

        assertTrue(table.startsWith("m on emodb (test): 16 clips"), table);
        assertTrue(table.contains("accuracy            75.00 %"), table);
        assertTrue(table.contains("  a           0.7143    0.8333    0.7692        6"), table);
        assertTrue(table.contains("  b            2     3     0     0     1"), table);
    }
}
