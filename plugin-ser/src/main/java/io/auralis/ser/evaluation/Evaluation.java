package io.auralis.ser.evaluation;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.auralis.ser.data.SpeechEmotionDataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
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
     * @param truthIndex the label's class index
     * @param logProbabilities the model's log-probabilities, for calibration
     */
    public record ClipResult(String id, String truth, String predicted, double confidence, int truthIndex,
                             float[] logProbabilities) {
    }

    /**
     * Every clip's log-probabilities, in dataset order.
     *
     * @return one row per clip
     */
    public List<float[]> logProbabilities() {
        return clips.stream().map(ClipResult::logProbabilities).toList();
    }

    /**
     * Every clip's true class index, in dataset order.
     *
     * @return one per clip
     */
    public int[] truthIndices() {
        return clips.stream().mapToInt(ClipResult::truthIndex).toArray();
    }

    /**
     * The headline figures of each corpus of a combined dataset apart, for {@link EvaluationReport#perCorpus}.
     *
     * @param data the dataset evaluated, which knows the corpus of each of its clips
     * @return corpus to {@link EvaluationReport#summary()} of its clips, sorted by corpus; {@code null} when the
     *     clips are of one corpus
     */
    public Map<String, Map<String, Object>> summaryByCorpus(SpeechEmotionDataset data) {
        Map<String, String> corpusOfId = new HashMap<>();
        data.clips().forEach(c -> corpusOfId.put(c.id(), data.corpusOf(c)));
        Map<String, Evaluation> groups = byCorpus(corpusOfId::get);
        if (groups.isEmpty()) {
            return null;
        }
        Map<String, Map<String, Object>> summaries = new LinkedHashMap<>();
        groups.forEach((corpus, e) -> summaries.put(corpus, e.report().summary()));
        return summaries;
    }

    /**
     * The results grouped by corpus.
     *
     * @param corpusOf the corpus of a clip id, or {@code null} when it has none
     * @return corpus to its own evaluation, sorted by corpus; empty when there are fewer than two corpora
     */
    private Map<String, Evaluation> byCorpus(Function<String, String> corpusOf) {
        Map<String, List<ClipResult>> groups = new TreeMap<>();
        for (ClipResult c : clips) {
            String corpus = corpusOf.apply(c.id());
            if (corpus == null) {
                return Map.of();
            }
            groups.computeIfAbsent(corpus, k -> new ArrayList<>()).add(c);
        }
        if (groups.size() < 2) {
            return Map.of();
        }
        Map<String, Evaluation> out = new LinkedHashMap<>();
        groups.forEach((corpus, results) -> {
            ConfusionMatrix m = new ConfusionMatrix(matrix.classes());
            for (ClipResult r : results) {
                m.add(r.truthIndex(), matrix.classes().indexOf(r.predicted()));
            }
            out.put(corpus, new Evaluation(m, List.copyOf(results)));
        });
        return out;
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
