package io.auralis.ser.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.util.Pair;

/**
 * Accuracy over the clips of a batch that have a class: an arousal-only clip (class -1, see
 * {@code SpeechEmotionDataset#NO_CLASS}) counts neither as right nor as wrong. Without such clips it is DJL's
 * {@link Accuracy}.
 */
final class KnownLabelAccuracy extends Accuracy {

    KnownLabelAccuracy() {
        // classes along axis 1 of the emotion's log-probabilities
        super("accuracy", 1);
    }

    @Override
    protected Pair<Long, NDArray> accuracyHelper(NDList labels, NDList predictions) {
        NDArray label = labels.head().toType(DataType.INT64, false);
        NDArray known = label.gte(0);
        NDArray predicted = predictions.head().argMax(axis).toType(DataType.INT64, false);
        long total = known.countNonzero().getLong();
        return new Pair<>(total, label.eq(predicted).logicalAnd(known).countNonzero());
    }
}
