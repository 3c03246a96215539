package io.auralis.ser.evaluation;

import ai.djl.translate.TranslateException;
import ai.djl.util.Progress;

import io.auralis.ser.data.SpeechEmotionDataset;
import io.auralis.ser.inference.EmotionModel;
import io.auralis.ser.inference.EmotionPrediction;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a model over every clip of a prepared dataset, each clip whole and on its own (the model batches clips of
 * similar length, zero-padded and masked, so each result is the clip's alone), and counts the outcomes.
 */
public final class DatasetEvaluator {

    /** Clips handed to the model at once; bounds the memory of decoded floats. */
    private static final int CHUNK = 64;

    private DatasetEvaluator() {
    }

    /**
     * Evaluates a model.
     *
     * @param model the model
     * @param data the clips, built with the model's classes ({@code optClasses(model.classes())}) so that label
     *     indices are the model's output indices
     * @param progress receives one step per clip, or {@code null}
     * @return the confusion matrix and per-clip results
     * @throws IOException if the dataset cannot be prepared
     * @throws TranslateException if the model fails
     * @throws IllegalArgumentException if the dataset's classes are not the model's
     */
    public static Evaluation evaluate(EmotionModel model, SpeechEmotionDataset data, Progress progress)
        throws IOException, TranslateException {
        data.prepare(null);
        List<String> classes = model.classes();
        if (!data.classes().equals(classes)) {
            throw new IllegalArgumentException("the dataset numbers classes " + data.classes()
                + " but the model predicts " + classes);
        }
        ConfusionMatrix matrix = new ConfusionMatrix(classes);
        List<Evaluation.ClipResult> results = new ArrayList<>((int) data.size());
        if (progress != null) {
            progress.reset("Evaluating", Math.max(1, data.size()));
        }
        for (long from = 0; from < data.size(); from += CHUNK) {
            long to = Math.min(data.size(), from + CHUNK);
            List<float[]> clips = new ArrayList<>();
            for (long i = from; i < to; i++) {
                clips.add(data.samples(i));
            }
            List<EmotionPrediction> predictions = model.predict(clips);
            for (long i = from; i < to; i++) {
                EmotionPrediction p = predictions.get((int) (i - from));
                int truth = data.label(i);
                matrix.add(truth, p.labelIndex());
                results.add(new Evaluation.ClipResult(data.clips().get((int) i).id(), classes.get(truth), p.label(),
                    p.confidence(), truth, p.logProbabilities()));
            }
            if (progress != null) {
                progress.increment(to - from);
            }
        }
        if (progress != null) {
            progress.end();
        }
        return new Evaluation(matrix, List.copyOf(results));
    }
}
