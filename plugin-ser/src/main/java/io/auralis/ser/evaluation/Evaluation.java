package io.auralis.ser.evaluation;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A model's predictions on a dataset: the confusion matrix and one result per clip.
 *
 * @param matrix the counts, in the model's class order
 * @param clips one entry per clip, in dataset order
 */
public record Evaluation(ConfusionMatrix matrix, List<ClipResult> clips) {

    /** The metrics file's name. */
    public static final String METRICS = "metrics.json";
    /** The confusion matrix CSV's name. */
    public static final String CONFUSION_CSV = "confusion_matrix.csv";
    /** The confusion heat map's name. */
    public static final String CONFUSION_PNG = "confusion_matrix.png";
    /** The per-clip predictions file's name. */
    public static final String PREDICTIONS = "predictions.csv";

    /**
     * One clip's outcome.
     *
     * @param id the clip's id in its corpus
     * @param truth its label
     * @param predicted the predicted class
     * @param confidence the predicted class's probability
     */
    public record ClipResult(String id, String truth, String predicted, double confidence) {
    }

    /**
     * The metrics, with no context filled in (model, dataset and split are the caller's to set).
     *
     * @return a new report
     */
    public EvaluationReport report() {
        return EvaluationReport.of(matrix);
    }

    /**
     * Writes {@code metrics.json}, {@code confusion_matrix.csv}, {@code confusion_matrix.png} and
     * {@code predictions.csv} into a folder.
     *
     * @param folder where to write, created if needed
     * @param report the report to write as {@code metrics.json}
     * @param title the heat map's title
     * @throws IOException if a file cannot be written
     */
    public void write(Path folder, EvaluationReport report, String title) throws IOException {
        Files.createDirectories(folder);
        report.write(folder.resolve(METRICS));
        matrix.writeCsv(folder.resolve(CONFUSION_CSV));
        ConfusionMatrixChart.writePng(matrix, title, folder.resolve(CONFUSION_PNG));
        try (Writer w = Files.newBufferedWriter(folder.resolve(PREDICTIONS), StandardCharsets.UTF_8)) {
            w.write("id,label,predicted,confidence\n");
            for (ClipResult c : clips) {
                w.write(csv(c.id()) + "," + c.truth() + "," + c.predicted() + ","
                    + String.format(Locale.ROOT, "%.4f", c.confidence()) + "\n");
            }
        }
    }

    private static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
