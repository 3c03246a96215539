package io.auralis.ser.inference;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.auralis.ser.data.SpeechEmotionDataset;
import io.auralis.ser.model.LoudnessNormalization;
import io.auralis.ser.model.ModelConfig;
import java.util.List;

/**
 * Raw 16 kHz mono samples in, {@link EmotionPrediction} out: the one place where a model's input conventions are
 * applied, so training and inference agree. Each clip is loudness-normalised when the model says so
 * ({@link ModelConfig#normalizeDbfs}) and handed over with its length; the output log-probabilities are divided by the
 * model's calibration temperature and renormalised. Clips of different lengths share a batch zero-padded, with
 * their lengths, so each gets exactly its result alone ({@link EmotionModel#predict(List)} groups clips of similar
 * length to keep the padding small).
 */
public final class EmotionTranslator implements Translator<float[], EmotionPrediction> {
    private final List<String> classes;
    private final int minimumSamples;
    private final Double normalizeDbfs;
    private final double temperature;

    /**
     * Creates the translator.
     *
     * @param classes class names in output order
     * @param minimumSamples the shortest clip the network accepts
     * @param normalizeDbfs the RMS level clips are scaled to, or {@code null} for raw samples
     * @param temperature the calibration temperature, 1 for none
     */
    public EmotionTranslator(List<String> classes, int minimumSamples, Double normalizeDbfs, double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        this.classes = List.copyOf(classes);
        this.minimumSamples = minimumSamples;
        this.normalizeDbfs = normalizeDbfs;
        this.temperature = temperature;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[] samples) {
        if (samples.length < minimumSamples) {
            throw new IllegalArgumentException("clip of " + samples.length + " samples is shorter than the "
                + minimumSamples + " the model needs");
        }
        float[] input = normalizeDbfs == null ? samples
            : LoudnessNormalization.apply(samples.clone(), normalizeDbfs);
        return new NDList(ctx.getNDManager().create(input), ctx.getNDManager().create((long) input.length));
    }

    @Override
    public EmotionPrediction processOutput(TranslatorContext ctx, NDList list) {
        return new EmotionPrediction(classes, scale(list.singletonOrThrow().toFloatArray(), temperature));
    }

    /**
     * Divides log-probabilities by a temperature and renormalises them: {@code softmax(z / T)} of the logits
     * {@code z} they came from, since a log-softmax differs from its logits by a constant.
     *
     * @param logProbabilities natural-log probabilities
     * @param temperature above 1 softens, below 1 sharpens
     * @return new log-probabilities
     */
    public static float[] scale(float[] logProbabilities, double temperature) {
        if (temperature == 1) {
            return logProbabilities;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logProbabilities) {
            max = Math.max(max, v / temperature);
        }
        double sum = 0;
        for (float v : logProbabilities) {
            sum += Math.exp(v / temperature - max);
        }
        double log = max + Math.log(sum);
        float[] out = new float[logProbabilities.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (logProbabilities[i] / temperature - log);
        }
        return out;
    }

    /**
     * Zero-pads the clips of a batch to the longest and stacks them with their lengths, which the network masks by:
     * every clip's result is its result alone.
     *
     * @return the padding batchifier the training data uses too
     */
    @Override
    public Batchifier getBatchifier() {
        return SpeechEmotionDataset.zeroPadding();
    }
}
