package io.auralis.ser.inference;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.List;

/**
 * Raw 16 kHz mono samples in, {@link EmotionPrediction} out. Clips are stacked into a batch as they are, never
 * padded: the network averages over time, so padding would change the answer. Callers batch only clips of equal
 * length ({@link EmotionModel#predict(List)} does).
 */
public final class EmotionTranslator implements Translator<float[], EmotionPrediction> {
    private final List<String> classes;
    private final int minimumSamples;

    /**
     * Creates the translator.
     *
     * @param classes class names in output order
     * @param minimumSamples the shortest clip the network accepts
     */
    public EmotionTranslator(List<String> classes, int minimumSamples) {
        this.classes = List.copyOf(classes);
        this.minimumSamples = minimumSamples;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[] samples) {
        if (samples.length < minimumSamples) {
            throw new IllegalArgumentException("clip of " + samples.length + " samples is shorter than the "
                + minimumSamples + " the model needs");
        }
        return new NDList(ctx.getNDManager().create(samples, new Shape(1, samples.length)));
    }

    @Override
    public EmotionPrediction processOutput(TranslatorContext ctx, NDList list) {
        return new EmotionPrediction(classes, list.singletonOrThrow().toFloatArray());
    }

    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}
