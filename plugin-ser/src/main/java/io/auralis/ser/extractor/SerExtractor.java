package io.auralis.ser.extractor;

import ai.djl.engine.EngineException;
import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.InputDescriptor;
import io.auralis.api.extractor.ModelDescriptor;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.api.extractor.Parameters;
import io.auralis.api.extractor.SessionContext;
import io.auralis.ser.inference.EmotionModel;
import io.auralis.ser.model.ModelConfig;
import io.auralis.ser.model.ModelDirectory;
import io.auralis.ser.model.ModelException;
import io.auralis.ser.runtime.ModelService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Speech emotion recognition as a feature extractor ({@value #ID}): a CNN-n-GRU model reads 16 kHz audio and emits
 * one emotion per file ({@code mode=clip}), per window ({@code mode=window}), or, when its {@code segments} input
 * is bound to a segmenter, per speech segment.
 *
 * <p>The {@code emotion} output's classes are those of the model the {@code model} parameter names, in that model's
 * order: {@link #outputs(Map, Parameters)} reads them from its {@code model.json} when the host validates a
 * workflow, so a missing model is a validation error before any audio is read. The output also names that model
 * ({@link OutputDescriptor#model}: name, version, accuracy on unseen corpora), which the host hands to writers in the
 * run's description: this bundle is the one that reads models, so a report never has to. The static descriptor
 * lists the installed {@code default} model's classes and names it, for {@code auralis extractors}.
 */
@Component(service = FeatureExtractor.class)
public class SerExtractor implements FeatureExtractor {
    /** The extractor id. */
    public static final String ID = "auralis.ser";
    /** The output id. */
    public static final String OUTPUT = "emotion";
    /** The input id for speech segments. */
    public static final String SEGMENTS = "segments";
    /** The model whose classes the output declares. */
    public static final String DEFAULT_MODEL = "default";
    /** The longest file {@code mode=clip} accepts, in seconds. */
    public static final double MAX_CLIP_SECONDS = 600;

    static final String MODEL = "model";
    static final String MODE = "mode";
    static final String WINDOW = "window";
    static final String HOP = "hop";
    static final String DEVICE = "device";
    static final String BUFFER = "buffer";
    static final String BATCH = "batch";

    private final ModelService models;
    private final ExtractorDescriptor descriptor;

    /**
     * Creates the extractor and fixes its output classes from the default model, if one is installed.
     *
     * @param models the shared model loader
     */
    @Activate
    public SerExtractor(@Reference ModelService models) {
        this.models = models;
        ModelDirectory installed = null;
        try {
            installed = models.directory(DEFAULT_MODEL, Path.of(""));
        } catch (ModelException e) {
            // No default model installed: the listing says so; workflows name a model and are checked then.
        }
        this.descriptor = describe(installed);
    }

    private static ExtractorDescriptor describe(ModelDirectory installed) {
        List<String> classes = installed == null ? List.of() : List.copyOf(installed.config().classes);
        ExtractorDescriptor d = new ExtractorDescriptor();
        d.id = ID;
        d.name = "Speech emotion recognition";
        d.version = "1.0.0";
        d.vendor = "Auralis";
        d.description = "CNN-n-GRU (Nfissi et al., ICMLA 2022) on the raw 16 kHz waveform, on DJL/PyTorch. One emotion "
            + "per file (mode=clip, which holds the whole file), per window (mode=window, streaming), or per speech "
            + "segment when 'segments' is bound (mode is then ignored). The output's classes are those of the "
            + "model named by 'model'; the installed default model's are "
            + (classes.isEmpty() ? "unknown (none is installed)" : String.join(", ", classes)) + ".";
        d.sampleRate = ModelConfig.SAMPLE_RATE;
        d.blockSize = 4096;
        d.stepSize = 4096;
        d.parameters.add(ParameterDescriptor.text(MODEL, "Model",
            "A model directory, or the name of one in the installation's models folder.", DEFAULT_MODEL));
        d.parameters.add(ParameterDescriptor.choice(MODE, "Mode",
            "clip: one emotion for the whole file; window: one per window of 'window' seconds every 'hop' seconds.",
            List.of("clip", "window"), "clip"));
        d.parameters.add(ParameterDescriptor.number(WINDOW, "Window",
            "Length of each window in mode=window.", "s", 0.1, 60, 3));
        d.parameters.add(ParameterDescriptor.number(HOP, "Hop",
            "Time between window starts in mode=window.", "s", 0.05, 60, 1.5));
        d.parameters.add(ParameterDescriptor.text(DEVICE, "Device",
            "auto, cpu, gpu or gpu:N; empty for the platform's --device (auto unless set).", ""));
        d.parameters.add(ParameterDescriptor.number(BUFFER, "Segment buffer",
            "Most audio kept while waiting for segments: must exceed the segmenter's maxSegment plus its delay "
                + "(about 1 s).", "s", 2, 700, 30));
        d.parameters.add(ParameterDescriptor.integer(BATCH, "Batch",
            "Segments or windows held before they are predicted together (faster on a GPU or with many files); 1 "
                + "predicts each as soon as it is final, as analyze - (live input) sets unless the workflow says.",
            "segments", 1, 256, EmotionSession.BATCH).performanceOnly());
        d.inputs.add(new InputDescriptor(SEGMENTS, "Speech segments",
            "When bound, one emotion per segment; segments shorter than the model's minimum (about 74 ms) get none.",
            "segment", false));
        d.outputs.add(output(classes, installed == null ? null : installed.descriptor()));
        return d;
    }

    private static OutputDescriptor output(List<String> classes, ModelDescriptor model) {
        OutputDescriptor emotion = EmotionFeatures.output(OUTPUT, "Emotion", classes);
        emotion.model = model;
        return emotion;
    }

    @Override
    public ExtractorDescriptor descriptor() {
        return descriptor;
    }

    /** The output carries the classes of the model this step names, in its order, and names that model. */
    @Override
    public List<OutputDescriptor> outputs(Map<String, OutputDescriptor> inputs, Parameters parameters) {
        ModelDirectory model;
        try {
            model = models.directory(parameters.getString(MODEL), Path.of(""));
        } catch (ModelException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return List.of(output(model.config().classes, model.descriptor()));
    }

    @Override
    public ExtractorSession open(SessionContext context) throws ExtractionException {
        Parameters p = context.parameters();
        if (context.sampleRate() != ModelConfig.SAMPLE_RATE) {
            throw new ExtractionException(ID + " needs " + ModelConfig.SAMPLE_RATE + " Hz audio, got "
                + context.sampleRate() + " Hz");
        }
        if (context.blockSize() > 0 && context.stepSize() > context.blockSize()) {
            throw new ExtractionException(ID + " needs every sample, but the step size " + context.stepSize()
                + " exceeds the block size " + context.blockSize());
        }
        EmotionModel model;
        try {
            model = models.model(p.getString(MODEL), Path.of(""), p.getString(DEVICE));
        } catch (ModelException | IllegalArgumentException | EngineException e) {
            throw new ExtractionException(e.getMessage(), e);
        }
        int rate = context.sampleRate();
        int batch = p.getInt(BATCH);
        EmotionDelivery features = EmotionDelivery.features(model.classes());
        if (context.inputs().containsKey(SEGMENTS)) {
            return new SegmentSession(model, rate, features, SEGMENTS, p.getDouble(BUFFER), batch);
        }
        if ("window".equals(p.getString(MODE))) {
            int window = (int) Math.round(p.getDouble(WINDOW) * rate);
            int hop = (int) Math.round(p.getDouble(HOP) * rate);
            if (window < model.minimumSamples()) {
                throw new ExtractionException("window of " + p.getDouble(WINDOW) + " s is shorter than the "
                    + model.minimumSamples() + " samples the model needs");
            }
            return new WindowSession(model, rate, features, window, hop, batch);
        }
        return new ClipSession(model, rate, features, MAX_CLIP_SECONDS);
    }
}
