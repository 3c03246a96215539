package io.auralis.ser.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;

/**
 * The NLL of the emotion plus, in a training step, those of the network's other heads, each against the record's
 * label of the same position: the corpus under the adversary ({@code CnnGruBlock#adversaryCorpora()}), whose
 * gradient reaches the network reversed by the block itself, so the sum is what both minimise; then the arousal
 * level under the arousal head, times its weight. With an arousal head a label may be -1 (an arousal-only clip has
 * no class, disgust no arousal); such a clip adds nothing to that head's mean. An evaluation pass returns the emotion
 * alone, so the validation loss the kept epoch is chosen on stays the emotion's.
 */
final class MultiTaskLoss extends Loss {

    private final Loss nll = new SoftmaxCrossEntropyLoss("nll", 1f, -1, true, false);
    private final boolean corpus;
    private final float arousalWeight;

    /**
     * Creates the loss of a network's heads.
     *
     * @param corpus whether the network has an adversary
     * @param arousalWeight the arousal head's weight, 0 without one
     */
    MultiTaskLoss(boolean corpus, float arousalWeight) {
        super("loss");
        this.corpus = corpus;
        this.arousalWeight = arousalWeight;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        boolean arousal = arousalWeight > 0;
        // without an arousal head every label is known: the published loss, exactly as before the option
        NDArray loss = arousal ? knownLabelNll(labels.head(), predictions.head())
            : nll.evaluate(new NDList(labels.head()), new NDList(predictions.head()));
        if (predictions.size() < 2) {
            return loss;
        }
        int expected = 1 + (corpus ? 1 : 0) + (arousal ? 1 : 0);
        if (predictions.size() != expected || labels.size() != expected) {
            throw new IllegalArgumentException("the network has " + predictions.size() + " outputs and the batch "
                + labels.size() + " labels; expected " + expected + " (emotion" + (corpus ? ", corpus" : "")
                + (arousal ? ", arousal" : "") + ")");
        }
        int next = 1;
        if (corpus) {
            loss = loss.add(nll.evaluate(new NDList(labels.get(next)), new NDList(predictions.get(next))));
            next++;
        }
        if (arousal) {
            loss = loss.add(knownLabelNll(labels.get(next), predictions.get(next)).mul(arousalWeight));
        }
        return loss;
    }

    /** The mean NLL over the clips whose label is known (>= 0); 0 when none is. */
    static NDArray knownLabelNll(NDArray label, NDArray logProbabilities) {
        NDArray index = label.toType(DataType.INT64, false).reshape(-1, 1);
        NDArray known = index.gte(0);
        NDArray picked = logProbabilities.gather(index.mul(known.toType(DataType.INT64, false)), 1).reshape(-1);
        NDArray weight = known.reshape(-1).toType(picked.getDataType(), false);
        return picked.mul(weight).sum().neg().div(weight.sum().maximum(1f));
    }
}
