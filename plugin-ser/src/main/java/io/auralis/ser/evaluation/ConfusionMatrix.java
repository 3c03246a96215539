package io.auralis.ser.evaluation;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Counts of (true class, predicted class) pairs: rows are the true classes, columns the predictions, in the
 * model's class order.
 */
public final class ConfusionMatrix {

    private final List<String> classes;
    private final long[][] counts;

    /**
     * Creates an empty matrix.
     *
     * @param classes the class names in index order
     */
    public ConfusionMatrix(List<String> classes) {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a confusion matrix needs at least one class");
        }
        this.classes = List.copyOf(classes);
        this.counts = new long[classes.size()][classes.size()];
    }

    /**
     * Creates a matrix from counts.
     *
     * @param classes the class names in index order
     * @param counts {@code counts[true][predicted]}, square, of the classes' size; copied
     * @return the matrix
     */
    public static ConfusionMatrix of(List<String> classes, long[][] counts) {
        ConfusionMatrix m = new ConfusionMatrix(classes);
        if (counts.length != classes.size()) {
            throw new IllegalArgumentException(counts.length + " rows for " + classes.size() + " classes");
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != classes.size()) {
                throw new IllegalArgumentException("row " + i + " has " + counts[i].length + " columns for "
                    + classes.size() + " classes");
            }
            for (int j = 0; j < counts[i].length; j++) {
                if (counts[i][j] < 0) {
                    throw new IllegalArgumentException("negative count at row " + i + ", column " + j);
                }
                m.counts[i][j] = counts[i][j];
            }
        }
        return m;
    }

    /**
     * Counts one prediction.
     *
     * @param truth the true class index
     * @param predicted the predicted class index
     */
    public void add(int truth, int predicted) {
        counts[truth][predicted]++;
    }

    /**
     * The class names.
     *
     * @return names in index order
     */
    public List<String> classes() {
        return classes;
    }

    /**
     * One count.
     *
     * @param truth the true class index
     * @param predicted the predicted class index
     * @return how many clips of class {@code truth} were predicted as {@code predicted}
     */
    public long count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    /**
     * All counts.
     *
     * @return a copy, {@code [true][predicted]}
     */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /**
     * Clips of one true class (the row sum).
     *
     * @param truth the class index
     * @return the support
     */
    public long support(int truth) {
        long sum = 0;
        for (long c : counts[truth]) {
            sum += c;
        }
        return sum;
    }

    /**
     * Clips predicted as one class (the column sum).
     *
     * @param predicted the class index
     * @return the number of predictions
     */
    public long predicted(int predicted) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[predicted];
        }
        return sum;
    }

    /**
     * All clips counted.
     *
     * @return the total
     */
    public long total() {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += support(i);
        }
        return sum;
    }

    /**
     * Clips predicted correctly (the diagonal).
     *
     * @return the count
     */
    public long correct() {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i][i];
        }
        return sum;
    }

    /**
     * Writes the matrix as CSV: a header {@code true\predicted,<classes...>}, then one row per true class.
     *
     * @param file where to write
     * @throws IOException if it cannot be written
     */
    public void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("true\\predicted");
            for (String c : classes) {
                w.write(',');
                w.write(c);
            }
            w.write('\n');
            for (int i = 0; i < classes.size(); i++) {
                w.write(classes.get(i));
                for (int j = 0; j < classes.size(); j++) {
                    w.write(',');
                    w.write(Long.toString(counts[i][j]));
                }
                w.write('\n');
            }
        }
    }
}
