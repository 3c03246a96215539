package io.auralis.ser.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Accuracy, balanced accuracy, macro and weighted F1 and per-class precision, recall and F1 from a
 * {@link ConfusionMatrix}, with scikit-learn's conventions so results compare with published ones:
 * <ul>
 *   <li>a ratio whose denominator is 0 (precision of a class never predicted, recall of a class absent from the
 *       data) is 0;</li>
 *   <li>macro F1 averages over the classes that occur in the data or the predictions; a class in neither (a model
 *       class the test corpus lacks, never predicted) does not count;</li>
 *   <li>balanced accuracy is the mean recall over the classes that occur in the data;</li>
 *   <li>weighted F1 weights each class's F1 by its support.</li>
 * </ul>
 *
 * @param accuracy correct predictions over all clips
 * @param balancedAccuracy the unweighted mean of per-class recall
 * @param macroF1 the unweighted mean of per-class F1
 * @param weightedF1 the support-weighted mean of per-class F1
 * @param perClass one entry per class, in class order
 */
public record ClassificationMetrics(double accuracy, double balancedAccuracy, double macroF1, double weightedF1,
                                    List<ClassMetrics> perClass) {

    /**
     * One class's figures.
     *
     * @param name the class
     * @param precision correct predictions of the class over all predictions of it
     * @param recall correct predictions of the class over its clips
     * @param f1 the harmonic mean of precision and recall
     * @param support clips of the class in the data
     * @param predicted predictions of the class
     */
    public record ClassMetrics(String name, double precision, double recall, double f1, long support,
                               long predicted) {
    }

    /**
     * Computes the metrics.
     *
     * @param m the confusion matrix
     * @return the metrics; all 0 for an empty matrix
     */
    public static ClassificationMetrics of(ConfusionMatrix m) {
        int n = m.classes().size();
        long total = m.total();
        List<ClassMetrics> perClass = new ArrayList<>(n);
        double recallSum = 0;
        int recallCount = 0;
        double f1Sum = 0;
        int f1Count = 0;
        double weightedSum = 0;
        for (int c = 0; c < n; c++) {
            long tp = m.count(c, c);
            long support = m.support(c);
            long predicted = m.predicted(c);
            double precision = ratio(tp, predicted);
            double recall = ratio(tp, support);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.add(new ClassMetrics(m.classes().get(c), precision, recall, f1, support, predicted));
            if (support > 0) {
                recallSum += recall;
                recallCount++;
            }
            if (support > 0 || predicted > 0) {
                f1Sum += f1;
                f1Count++;
            }
            weightedSum += f1 * support;
        }
        return new ClassificationMetrics(ratio(m.correct(), total), recallCount == 0 ? 0 : recallSum / recallCount,
            f1Count == 0 ? 0 : f1Sum / f1Count, total == 0 ? 0 : weightedSum / total, List.copyOf(perClass));
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : numerator / (double) denominator;
    }
}
