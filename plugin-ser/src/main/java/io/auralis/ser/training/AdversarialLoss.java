package io.auralis.ser.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;

/**
 * The NLL of the emotion and, when the network returns a second output ({@code CnnGruBlock#adversaryCorpora()} in a training
 * step), the NLL of the clip's corpus under its adversary, labelled by the record's second label. The adversary's
 * gradient reaches the network reversed by the block itself, so the sum is what both minimise. An evaluation pass
 * returns the emotion alone, so the validation loss the kept epoch is chosen on stays the emotion's.
 */
final class AdversarialLoss extends Loss {

    private final Loss nll = new SoftmaxCrossEntropyLoss("nll", 1f, -1, true, false);

    AdversarialLoss() {
        super("loss");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray emotion = nll.evaluate(new NDList(labels.head()), new NDList(predictions.head()));
        if (predictions.size() < 2) {
            return emotion;
        }
        if (labels.size() < 2) {
            throw new IllegalArgumentException("the network has a corpus classifier but the batch has no corpus "
                + "labels");
        }
        return emotion.add(nll.evaluate(new NDList(labels.get(1)), new NDList(predictions.get(1))));
    }
}
