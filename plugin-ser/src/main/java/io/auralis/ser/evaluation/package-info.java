/**
 * Evaluating a model on a dataset: the confusion matrix, scikit-learn-compatible metrics, the {@code metrics.json}
 * report, and JFreeChart heat maps and training curves.
 */
package io.auralis.ser.evaluation;
