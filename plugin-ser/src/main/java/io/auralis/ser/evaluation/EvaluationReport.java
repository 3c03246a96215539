package io.auralis.ser.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The results of evaluating a model on a dataset, as written to {@code metrics.json}: plain data (public fields)
 * for Jackson, with {@link #toTable()} for people.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"model", "architecture", "dataset", "data", "split", "splitDescription", "clips", "audioSeconds",
    "skippedFiles", "leftOutByLabel", "accuracy", "balancedAccuracy", "macroF1", "weightedF1", "perClass",
    "confusionMatrix", "date"})
public class EvaluationReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The model's name or folder. */
    public String model;
    /** The model's architecture, such as {@code cnn18gru}. */
    public String architecture;
    /** The corpus, as {@code --dataset} names it. */
    public String dataset;
    /** Where the corpus was read from. */
    public String data;
    /** Which part was evaluated: {@code test}, {@code validation} or {@code all}. */
    public String split;
    /** How the split was made, from {@code split.json}. */
    public String splitDescription;
    /** Clips evaluated. */
    public long clips;
    /** Their total duration in seconds. */
    public double audioSeconds;
    /** Files of the part that could not be used (unreadable, too short, missing). */
    public int skippedFiles;
    /** Clips of the part whose labels the model does not know, per label; they are not evaluated. */
    public Map<String, Integer> leftOutByLabel;
    /** Correct predictions over all clips. */
    public double accuracy;
    /** Mean per-class recall over the classes present (unweighted accuracy). */
    public double balancedAccuracy;
    /** Mean per-class F1. */
    public double macroF1;
    /** Support-weighted mean per-class F1. */
    public double weightedF1;
    /** Per-class figures, in the model's class order. */
    public List<ClassEntry> perClass = new ArrayList<>();
    /**
     * For a combined dataset, each corpus's headline figures apart ({@link #summary()} of its clips), by corpus;
     * {@code null} for one corpus.
     */
    public Map<String, Map<String, Object>> perCorpus;
    /**
     * Calibration of the confidences: the temperature and the expected calibration error before and after it, on
     * the validation part (where it was fitted) and on this part; {@code null} when not measured.
     */
    public Map<String, Object> calibration;
    /** The confusion matrix. */
    public Matrix confusionMatrix;
    /** When the evaluation ran (ISO-8601). */
    public String date;

    /** One class's figures. */
    @JsonPropertyOrder({"name", "precision", "recall", "f1", "support", "predicted"})
    public static class ClassEntry {
        /** The class. */
        public String name;
        /** Precision. */
        public double precision;
        /** Recall. */
        public double recall;
        /** F1. */
        public double f1;
        /** Clips of the class. */
        public long support;
        /** Predictions of the class. */
        public long predicted;
    }

    /** A confusion matrix as JSON: rows true classes, columns predictions. */
    public static class Matrix {
        /** Class names, in row and column order. */
        public List<String> classes;
        /** {@code counts[true][predicted]}. */
        public long[][] counts;
    }

    /** Creates an empty report for Jackson. */
    public EvaluationReport() {
    }

    /**
     * Fills the figures from a confusion matrix.
     *
     * @param matrix the counts
     * @return a report with the metrics set and the context fields empty
     */
    public static EvaluationReport of(ConfusionMatrix matrix) {
        ClassificationMetrics metrics = ClassificationMetrics.of(matrix);
        EvaluationReport r = new EvaluationReport();
        r.clips = matrix.total();
        r.accuracy = metrics.accuracy();
        r.balancedAccuracy = metrics.balancedAccuracy();
        r.macroF1 = metrics.macroF1();
        r.weightedF1 = metrics.weightedF1();
        for (ClassificationMetrics.ClassMetrics c : metrics.perClass()) {
            ClassEntry e = new ClassEntry();
            e.name = c.name();
            e.precision = c.precision();
            e.recall = c.recall();
            e.f1 = c.f1();
            e.support = c.support();
            e.predicted = c.predicted();
            r.perClass.add(e);
        }
        r.confusionMatrix = new Matrix();
        r.confusionMatrix.classes = matrix.classes();
        r.confusionMatrix.counts = matrix.counts();
        return r;
    }

    /**
     * The confusion matrix this report holds.
     *
     * @return the matrix
     */
    public ConfusionMatrix matrix() {
        return ConfusionMatrix.of(confusionMatrix.classes, confusionMatrix.counts);
    }

    /**
     * The headline figures, for {@code model.json}'s metrics.
     *
     * @return accuracy, balancedAccuracy, macroF1 and weightedF1 (rounded to 4 places), the part and the clip count
     */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("split", split);
        m.put("clips", clips);
        m.put("accuracy", round(accuracy));
        m.put("balancedAccuracy", round(balancedAccuracy));
        m.put("macroF1", round(macroF1));
        m.put("weightedF1", round(weightedF1));
        return m;
    }

    /**
     * Writes the report as JSON.
     *
     * @param file where to write, usually {@code metrics.json}
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    /**
     * Reads a report written by {@link #write}.
     *
     * @param file the JSON file
     * @return the report
     * @throws IOException if it cannot be read or parsed
     */
    public static EvaluationReport read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), EvaluationReport.class);
    }

    /**
     * The report as a table for a terminal: headline figures, per-class figures, the confusion matrix.
     *
     * @return several lines, ending in a newline
     */
    public String toTable() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s on %s%s: %d clips, %.1f s of audio%n",
            model == null ? "model" : model, dataset == null ? "data" : dataset,
            split == null ? "" : " (" + split + ")", clips, audioSeconds));
        s.append(String.format(Locale.ROOT, "  accuracy           %6.2f %%%n", 100 * accuracy));
        s.append(String.format(Locale.ROOT, "  balanced accuracy  %6.2f %%%n", 100 * balancedAccuracy));
        s.append(String.format(Locale.ROOT, "  macro F1           %6.2f %%%n", 100 * macroF1));
        s.append(String.format(Locale.ROOT, "  weighted F1        %6.2f %%%n", 100 * weightedF1));
        if (perCorpus != null && !perCorpus.isEmpty()) {
            s.append(String.format(Locale.ROOT, "%n  %-12s %7s %9s %9s %9s%n", "corpus", "clips", "UA", "WA", "macro F1"));
            perCorpus.forEach((corpus, m) -> s.append(String.format(Locale.ROOT, "  %-12s %7d %8.2f%% %8.2f%% %8.2f%%%n",
                corpus, ((Number) m.get("clips")).longValue(), 100 * ((Number) m.get("balancedAccuracy")).doubleValue(),
                100 * ((Number) m.get("accuracy")).doubleValue(), 100 * ((Number) m.get("macroF1")).doubleValue())));
        }
        if (calibration != null) {
            s.append(String.format(Locale.ROOT, "%n  calibration        temperature %s, ECE %s%n",
                calibration.get("temperature"), calibration.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("ece"))
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        }
        int width = Math.max(8, perClass.stream().mapToInt(c -> c.name.length()).max().orElse(5) + 1);
        s.append('\n').append(String.format(Locale.ROOT, "  %-" + width + "s %9s %9s %9s %8s%n", "class", "precision",
            "recall", "F1", "support"));
        for (ClassEntry c : perClass) {
            s.append(String.format(Locale.ROOT, "  %-" + width + "s %9.4f %9.4f %9.4f %8d%n", c.name, c.precision,
                c.recall, c.f1, c.support));
        }
        if (confusionMatrix != null) {
            s.append('\n').append("  confusion matrix (rows: true class, columns: predicted)\n");
            int cell = 6;
            for (String c : confusionMatrix.classes) {
                cell = Math.max(cell, Math.min(c.length(), 8) + 1);
            }
            s.append(String.format(Locale.ROOT, "  %-" + width + "s", ""));
            for (String c : confusionMatrix.classes) {
                s.append(String.format(Locale.ROOT, "%" + cell + "s", c.length() > 8 ? c.substring(0, 8) : c));
            }
            s.append('\n');
            for (int i = 0; i < confusionMatrix.classes.size(); i++) {
                s.append(String.format(Locale.ROOT, "  %-" + width + "s", confusionMatrix.classes.get(i)));
                for (long v : confusionMatrix.counts[i]) {
                    s.append(String.format(Locale.ROOT, "%" + cell + "d", v));
                }
                s.append('\n');
            }
        }
        return s.toString();
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
