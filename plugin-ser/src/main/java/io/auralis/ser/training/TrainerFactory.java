package io.auralis.ser.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingConfig;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.listener.DivergenceCheckTrainingListener;
import ai.djl.training.listener.EpochTrainingListener;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;

import io.auralis.ser.data.SpeechEmotionDataset;
import io.auralis.ser.model.Architecture;
import io.auralis.ser.model.CnnGru;
import io.auralis.ser.model.CnnGruBlock;

/**
 * The one place a CNN-n-GRU {@link Trainer} is put together: the network from {@link TrainingOptions}, the published
 * loss, {@link ResumableAdam} on the StepLR schedule, PyTorch's default initialisers, the accuracy evaluator and the
 * listeners every training step runs. {@code ser train} (and so every {@code ser search} trial) trains with it, and
 * {@code ser bench} times it, so the bench measures what training runs.
 */
public final class TrainerFactory {

    private TrainerFactory() {
    }

    /**
     * The network the options describe, without a corpus classifier.
     *
     * @param options the architecture, GRU size, layers, dropout and temporal flag
     * @param classes the number of classes
     * @return an uninitialised block
     */
    public static CnnGruBlock block(TrainingOptions options, int classes) {
        return block(options, classes, 0);
    }

    /**
     * The network the options describe.
     *
     * @param options the architecture, GRU size, layers, dropout, temporal flag, adversary and arousal weights
     * @param classes the number of classes
     * @param corpora the training corpora (or speakers) the adversary tells apart, or 0 for none
     * @return an uninitialised block
     */
    public static CnnGruBlock block(TrainingOptions options, int classes, int corpora) {
        return CnnGru.builder().setArchitecture(options.architecture()).setNumClasses(classes)
            .optHidden(options.hidden).optLayers(options.layers).optDropout((float) options.dropout)
            .optTemporal(options.temporal).optInstanceNorm(options.instanceNorm)
            .optLogSpectrum(options.logSpectrum).optAdversary(corpora, (float) options.adversary)
            .optArousalHead(options.arousal > 0).build();
    }

    /**
     * The published loss: NLL of the true class under the network's log-probabilities. DJL's softmax cross-entropy
     * with {@code fromLogit=false} takes its input as log-probabilities already and picks the true class's entry,
     * which is exactly {@code F.nll_loss}. A network trained with {@code --adversary} adds the NLL of the true corpus
     * in training steps, one with {@code --arousal} that of the arousal level times its weight (and then counts only
     * the clips that have a class in the emotion's); validation, which the kept epoch is chosen on, is the emotion's
     * NLL alone.
     *
     * @param options the adversary and arousal weights
     * @return the loss
     */
    public static Loss loss(TrainingOptions options) {
        return new MultiTaskLoss(options.adversary > 0, (float) options.arousal);
    }

    /**
     * Adam with the options' learning rate, StepLR schedule and weight decay.
     *
     * @param options the learning rate, its schedule and the weight decay
     * @param updatesPerEpoch batches per epoch, which the schedule's steps are counted in
     * @param updatesDone updates already applied (a resumed run), where the schedule continues from
     * @return the optimiser
     */
    public static ResumableAdam optimizer(TrainingOptions options, int updatesPerEpoch, int updatesDone) {
        return ResumableAdam.builder()
            .optLearningRateTracker(new StepLrTracker((float) options.learningRate, (float) options.gamma,
                options.stepEpochs, updatesPerEpoch))
            .optWeightDecays((float) options.weightDecay)
            .optBeginNumUpdate(updatesDone)
            .build();
    }

    /**
     * The training configuration: loss, optimiser, device, accuracy, initialisers, and DJL's per-step listeners
     * (epoch timing, loss and accuracy accumulation, divergence check) followed by the caller's.
     *
     * @param options the GRU size, which its initialiser's range depends on, and the heads the loss sums
     * @param optimizer from {@link #optimizer}
     * @param device where to train
     * @param listeners the run's own listeners, called after DJL's (they read what those accumulate)
     * @return the configuration
     */
    public static DefaultTrainingConfig config(TrainingOptions options, ResumableAdam optimizer, Device device,
                                               TrainingListener... listeners) {
        return new DefaultTrainingConfig(loss(options))
            .optOptimizer(optimizer)
            .optDevices(new Device[] {device})
            .addEvaluator(new KnownLabelAccuracy())
            // PyTorch's defaults, which the published protocol trained with: U(-1/sqrt(fan_in), ..) for
            // convolution and linear weights, U(-1/sqrt(hidden), ..) for every GRU parameter.
            .optInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                XavierInitializer.FactorType.IN, 1), Parameter.Type.WEIGHT)
            .optInitializer(new UniformInitializer((float) (1 / Math.sqrt(options.hidden))),
                (Parameter p) -> p.getName().contains("i2h") || p.getName().contains("h2h"))
            .addTrainingListeners(new EpochTrainingListener(), new EvaluatorTrainingListener(),
                new DivergenceCheckTrainingListener())
            .addTrainingListeners(listeners);
    }

    /**
     * A trainer of the model's block, initialised (parameters the block already holds, such as a checkpoint's,
     * are kept by DJL).
     *
     * @param model holds the block
     * @param config from {@link #config}
     * @param architecture the block's architecture
     * @return the trainer; the caller closes it
     */
    public static Trainer newTrainer(Model model, TrainingConfig config, Architecture architecture) {
        Trainer trainer = model.newTrainer(config);
        // Parameter shapes do not depend on the clip length; one second is a valid input for every variant.
        trainer.initialize(new Shape(1, 1,
            Math.max(architecture.minimumSamples(), SpeechEmotionDataset.SAMPLE_RATE)));
        return trainer;
    }
}
