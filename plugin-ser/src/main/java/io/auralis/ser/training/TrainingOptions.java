package io.auralis.ser.training;

import io.auralis.ser.augmentation.Augmentation;
import io.auralis.ser.data.LabelMap;
import io.auralis.ser.inference.ComputeDevice;
import io.auralis.ser.model.Architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How to train: the network's shape and the optimisation protocol. The defaults are the published protocol of
 * CNN-n-GRU (Nfissi et al.): Adam with learning rate 1e-3 and weight decay 1e-5, the learning rate divided by 10
 * every 20 epochs (PyTorch's {@code StepLR(step_size=20, gamma=0.1)}), NLL loss on the network's log-probabilities,
 * batches of 32 clips zero-padded to the longest, 50 epochs, GRU hidden size 64 in one layer, no dropout, and the
 * model of the epoch with the lowest validation loss kept.
 *
 * <p>Plain data (public fields) so that a checkpoint can record the options a resumed run must keep.
 */
public class TrainingOptions {

    /** The network variant: cnn3gru, cnn5gru, cnn11gru or cnn18gru. */
    public String architecture;
    /** Epochs in all (a resumed run counts the epochs already done). */
    public int epochs = 50;
    /** Clips per batch. */
    public int batchSize = 32;
    /** Adam's initial learning rate. */
    public double learningRate = 1e-3;
    /** L2 weight decay, added to the gradient as in {@code torch.optim.Adam(weight_decay=...)}. */
    public double weightDecay = 1e-5;
    /** Epochs between learning-rate decays. */
    public int stepEpochs = 20;
    /** The factor the learning rate is multiplied by every {@link #stepEpochs}. */
    public double gamma = 0.1;
    /** GRU hidden size. */
    public int hidden = 64;
    /** Stacked GRU layers. */
    public int layers = 1;
    /** Dropout before the output layer (and between GRU layers), in training only. */
    public double dropout;
    /** Whether the GRU runs over the CNN's time steps instead of their mean. */
    public boolean temporal;
    /** Whether the first layer's output is normalised per clip and channel (instance norm). */
    public boolean instanceNorm;
    /** Whether the first layer reads the clip's log power spectrum instead of its samples. */
    public boolean logSpectrum;
    /**
     * The weight of the reversed gradient of a classifier of the training corpora ({@code --adversary}); 0 trains
     * without one.
     */
    public double adversary;
    /**
     * What the adversary of {@link #adversary} tells apart: {@link #ADVERSARY_CORPORA} (the default) or {@link
     * #ADVERSARY_SPEAKERS}, the training part's speakers, each corpus's own.
     */
    public String adversaryOf = ADVERSARY_CORPORA;
    /**
     * The weight of the arousal head's NLL ({@code --arousal}), which also trains on clips labelled with arousal
     * alone; 0 trains without one.
     */
    public double arousal;
    /** Seed of the initial weights, the split, the batch order and dropout. */
    public long seed = 42;
    /** Where to train: auto, cpu, gpu or gpu:N. */
    public String device = ComputeDevice.AUTO;
    /** Label renames applied to every corpus, as {@link LabelMap#parse} reads them; empty for none. */
    public String labelMap = "";
    /** The RMS level every clip is normalised to, recorded in the model; {@code null} for raw samples. */
    public Double normalizeDbfs;
    /** What is done to training clips each time they are drawn; {@code null} for whole clips as they are. */
    public Augmentation augmentation;
    /** Whether training draws are balanced across corpora and classes ({@code BalancedSampler}). */
    public boolean balance;
    /**
     * The first 1-based epoch whose weights are averaged into the model (stochastic weight averaging over epochs
     * {@code averageFrom..epochs}); 0 keeps the epoch with the lowest validation loss instead.
     */
    public int averageFrom;

    /** {@link #adversaryOf} for a classifier of the training corpora. */
    public static final String ADVERSARY_CORPORA = "corpus";
    /** {@link #adversaryOf} for a classifier of the training speakers. */
    public static final String ADVERSARY_SPEAKERS = "speaker";

    /** Creates the published protocol's options, with no architecture chosen. */
    public TrainingOptions() {
    }

    /**
     * The chosen architecture.
     *
     * @return the variant
     * @throws IllegalArgumentException if none or an unknown one is set
     */
    public Architecture architecture() {
        if (architecture == null) {
            throw new IllegalArgumentException("no architecture given");
        }
        return Architecture.fromId(architecture);
    }

    /**
     * Everything wrong with these options, one phrase each, naming the option as the command line does.
     *
     * @return problems; empty when the options are usable
     */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        try {
            architecture();
        } catch (IllegalArgumentException e) {
            p.add("--arch: " + e.getMessage());
        }
        if (epochs < 1) {
            p.add("--epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            p.add("--batch-size must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            p.add("--lr must be positive, got " + learningRate);
        }
        if (!(weightDecay >= 0 && Double.isFinite(weightDecay))) {
            p.add("--weight-decay must be 0 or more, got " + weightDecay);
        }
        if (stepEpochs < 1) {
            p.add("--lr-step must be at least 1, got " + stepEpochs);
        }
        if (!(gamma > 0 && gamma <= 1)) {
            p.add("--lr-gamma must be in (0, 1], got " + gamma);
        }
        if (hidden < 1) {
            p.add("--hidden must be at least 1, got " + hidden);
        }
        if (layers < 1) {
            p.add("--layers must be at least 1, got " + layers);
        }
        if (averageFrom < 0 || averageFrom > epochs) {
            p.add("--average-from must be an epoch from 1 to --epochs (" + epochs + "), got " + averageFrom);
        }
        if (!(adversary >= 0 && Double.isFinite(adversary))) {
            p.add("--adversary must be a weight of 0 or more, got " + adversary);
        }
        if (!ADVERSARY_CORPORA.equals(adversaryOf) && !ADVERSARY_SPEAKERS.equals(adversaryOf)) {
            p.add("--adversary-of must be " + ADVERSARY_CORPORA + " or " + ADVERSARY_SPEAKERS + ", got " + adversaryOf);
        }
        if (!(arousal >= 0 && Double.isFinite(arousal))) {
            p.add("--arousal must be a weight of 0 or more, got " + arousal);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            p.add("--dropout must be in [0, 1), got " + dropout);
        }
        try {
            LabelMap.parse(labelMap);
        } catch (IllegalArgumentException e) {
            p.add(e.getMessage());
        }
        if (normalizeDbfs != null && !(normalizeDbfs > -80 && normalizeDbfs <= 0)) {
            p.add("--normalize must be a level in (-80, 0] dBFS, got " + normalizeDbfs);
        }
        if (augmentation != null) {
            augmentation.problems().forEach(problem -> p.add("augmentation: " + problem));
            if (augmentation.cropSamples > 0 && p.stream().noneMatch(s -> s.startsWith("--arch"))
                && augmentation.cropSamples < architecture().minimumSamples()) {
                p.add("--crop is shorter than the " + architecture().minimumSamples() + " samples "
                    + architecture().id() + " needs");
            }
        }
        try {
            ComputeDevice.checkSyntax(device);
        } catch (IllegalArgumentException e) {
            p.add("--device: " + e.getMessage());
        }
        return p;
    }

    /**
     * Whether the adversary, if any, tells the training speakers apart rather than the corpora.
     *
     * @return true for {@code --adversary-of speaker}
     */
    public boolean adversarySpeakers() {
        return ADVERSARY_SPEAKERS.equals(adversaryOf);
    }

    /**
     * The optimisation protocol in one line, for {@code model.json} and the model card.
     *
     * @return a description such as {@code Adam lr 0.001, weight decay 1e-05, ...}
     */
    public String protocol() {
        return String.format(Locale.ROOT, "Adam (lr %s, weight decay %s), learning rate x%s every %d epochs, NLL loss, "
                + "batches of %d clips zero-padded to the longest, %d epochs, %s%s%s", trim(learningRate),
            trim(weightDecay), trim(gamma), stepEpochs, batchSize, epochs, adversary > 0
                ? "against a classifier of the training " + (adversarySpeakers() ? "speakers" : "corpora")
                    + " behind a gradient reversal of weight "
                    + trim(adversary) + ", " : "", arousal > 0
                ? "with an arousal head (low, neutral, high) of loss weight " + trim(arousal) + ", " : "",
            averageFrom > 0
                ? String.format(Locale.ROOT, "the weights of epochs %d-%d averaged and batch-norm statistics "
                    + "re-estimated on the training draws", averageFrom, epochs)
                : "the epoch with the lowest validation loss kept");
    }

    /**
     * What is done to the data, in one line, for {@code model.json} and the model card.
     *
     * @param sampleRate the clips' rate
     * @return such as {@code draws balanced across corpora and classes; random crops of at most 3.0 s, ...}
     */
    public String recipe(int sampleRate) {
        List<String> parts = new ArrayList<>();
        parts.add(balance ? "draws balanced across corpora (by the square root of their size) and classes"
            : "every training clip once per epoch");
        parts.add(augmentation == null ? "whole clips, not augmented" : augmentation.describe(sampleRate));
        parts.add(normalizeDbfs == null ? "raw levels"
            : String.format(Locale.ROOT, "each clip normalised to %s dBFS RMS", trim(normalizeDbfs)));
        LabelMap map = LabelMap.parse(labelMap);
        parts.add(map.toString());
        return String.join("; ", parts);
    }

    /**
     * A number as people write it: {@code 0.001}, {@code 1e-5}, {@code 0.1}, {@code 50}.
     *
     * @param v the number
     * @return Java's shortest form without a trailing {@code .0} and with a lower-case exponent
     */
    static String trim(double v) {
        String s = Double.toString(v);
        int e = s.indexOf('E');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return e < 0 ? mantissa : mantissa + "e" + s.substring(e + 1);
    }
}
