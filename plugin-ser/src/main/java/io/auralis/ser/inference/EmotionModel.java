package io.auralis.ser.inference;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.translate.TranslateException;
import io.auralis.ser.model.CnnGruBlock;
import io.auralis.ser.model.ModelConfig;
import io.auralis.ser.model.ModelDirectory;
import io.auralis.ser.model.ModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A loaded emotion model, ready to predict from any number of threads. Load it once per process and close it
 * when done: its weights live in native memory.
 *
 * <p>Every prediction, from any thread, goes through one inference thread that batches what the callers hand in at
 * the same time (see {@link InferenceQueue}): clips of different lengths share a batch, zero-padded, and the network
 * masks the padding, so a clip's prediction is the same whether it is predicted alone or with others.
 */
public final class EmotionModel implements AutoCloseable {

    /** The most clips per forward pass on the CPU. */
    public static final int DEFAULT_BATCH = 32;
    /** The most clips per forward pass on a GPU, which needs larger batches to be busy. */
    public static final int DEFAULT_GPU_BATCH = 128;

    private final ModelDirectory directory;
    private final Model model;
    private final CnnGruBlock block;
    private final Device device;
    private final PredictorPool<float[], EmotionPrediction> predictors;
    private final IntraOpThreads threads;
    private final InferenceQueue queue;

    private EmotionModel(ModelDirectory directory, Model model, CnnGruBlock block, int batchSize) {
        this.directory = directory;
        this.model = model;
        this.block = block;
        this.device = model.getNDManager().getDevice();
        this.threads = IntraOpThreads.of(model.getNDManager().getEngine());
        ModelConfig config = directory.config();
        EmotionTranslator translator = new EmotionTranslator(config.classes, block.minimumSamples(),
            config.normalizeDbfs, config.temperature == null ? 1 : config.temperature);
        this.predictors = new PredictorPool<>(() -> model.newPredictor(translator, device));
        // one inference thread per core on the CPU (each with one PyTorch thread, see IntraOpThreads), one on a GPU
        int servers = device.isGpu() ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
        this.queue = new InferenceQueue(directory.path().getFileName().toString(), this::forward, batchSize, servers);
    }

    /**
     * Loads a model directory onto a device.
     *
     * @param directory the model directory
     * @param deviceSpec {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
     * @return the model
     * @throws ModelException if the weights cannot be loaded
     * @throws IllegalArgumentException if the device option is malformed or names a GPU that is not there
     */
    public static EmotionModel load(ModelDirectory directory, String deviceSpec) throws ModelException {
        return load(directory, deviceSpec, 0);
    }

    /**
     * Loads a model directory onto a device, with a batch size for {@link #predict(List)}.
     *
     * @param directory the model directory
     * @param deviceSpec {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
     * @param batchSize the most clips per forward pass; 0 for the device's default ({@value #DEFAULT_BATCH} on the
     *     CPU, {@value #DEFAULT_GPU_BATCH} on a GPU)
     * @return the model
     * @throws ModelException if the weights cannot be loaded
     * @throws IllegalArgumentException if the device option or batch size is bad
     */
    public static EmotionModel load(ModelDirectory directory, String deviceSpec, int batchSize)
        throws ModelException {
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch size must be positive or 0, got " + batchSize);
        }
        ComputeDevice.checkSyntax(deviceSpec);
        Engine engine = Engine.getEngine("PyTorch");
        Device device = ComputeDevice.resolve(deviceSpec, engine);
        String name = directory.config().name == null ? "cnn-gru" : directory.config().name;
        Model model = Model.newInstance(name, device, "PyTorch");
        try {
            CnnGruBlock block = directory.loadBlock(model.getNDManager());
            // the weights of a loaded model never change: fold its batch norms once, for every forward pass
            block.foldNorms();
            model.setBlock(block);
            int batch = batchSize > 0 ? batchSize : device.isGpu() ? DEFAULT_GPU_BATCH : DEFAULT_BATCH;
            return new EmotionModel(directory, model, block, batch);
        } catch (ModelException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * The model directory this model was loaded from.
     *
     * @return the directory
     */
    public ModelDirectory directory() {
        return directory;
    }

    /**
     * The model's configuration.
     *
     * @return the parsed {@code model.json}
     */
    public ModelConfig config() {
        return directory.config();
    }

    /**
     * The class names, in output order.
     *
     * @return an unmodifiable list
     */
    public List<String> classes() {
        return List.copyOf(directory.config().classes);
    }

    /**
     * The rate the model reads.
     *
     * @return Hz (16000)
     */
    public int sampleRate() {
        return directory.config().sampleRate;
    }

    /**
     * The shortest clip the network accepts.
     *
     * @return samples
     */
    public int minimumSamples() {
        return block.minimumSamples();
    }

    /**
     * The device the model runs on.
     *
     * @return {@code cpu} or {@code gpu:N}
     */
    public String deviceName() {
        return ComputeDevice.name(device);
    }

    /**
     * Predicts the emotion of one clip.
     *
     * @param samples mono samples at {@link #sampleRate()}, at least {@link #minimumSamples()} of them
     * @return the prediction
     * @throws IllegalArgumentException if the clip is too short
     * @throws TranslateException if inference fails
     */
    public EmotionPrediction predict(float[] samples) throws TranslateException {
        checkLength(samples, "clip");
        return queue.predict(List.of(samples)).get(0);
    }

    /**
     * Predicts the emotion of several clips, batching clips of similar length together.
     *
     * @param clips mono samples at {@link #sampleRate()}, each at least {@link #minimumSamples()} long
     * @return one prediction per clip, in order; each equals what {@link #predict(float[])} gives for the clip
     * @throws IllegalArgumentException if a clip is too short
     * @throws TranslateException if inference fails
     */
    public List<EmotionPrediction> predict(List<float[]> clips) throws TranslateException {
        for (int i = 0; i < clips.size(); i++) {
            checkLength(clips.get(i), "clip " + i);
        }
        return queue.predict(clips);
    }

    /**
     * Hands a clip to the model without waiting: its prediction is batched with every clip waiting, so a caller that
     * submits the clips of many files before it waits for the first gets full batches.
     *
     * @param samples mono samples at {@link #sampleRate()}, at least {@link #minimumSamples()} of them
     * @return the prediction to come; it completes exceptionally with a {@link TranslateException} if inference fails
     * @throws IllegalArgumentException if the clip is too short
     */
    public CompletableFuture<EmotionPrediction> submit(float[] samples) {
        checkLength(samples, "clip");
        return queue.submit(List.of(samples)).get(0);
    }

    /**
     * Waits for a prediction from {@link #submit}.
     *
     * @param prediction the future
     * @return the prediction
     * @throws TranslateException if inference failed or the thread was interrupted while it waited
     */
    public static EmotionPrediction await(CompletableFuture<EmotionPrediction> prediction) throws TranslateException {
        return InferenceQueue.await(prediction);
    }

    /**
     * What a failed prediction tells a user, in one line, the same from every command and session: {@code emotion
     * inference failed: } and the cause.
     *
     * @param failure what {@link #await}, {@link #predict} or a {@link #submit} future failed with, wrapped or not
     * @return such as {@code emotion inference failed: the model was closed before the clip was predicted}
     */
    public static String failure(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String why = t instanceof CancellationException ? InferenceQueue.CLOSED_BEFORE_PREDICTED
            : t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return "emotion inference failed: " + why;
    }

    private List<EmotionPrediction> forward(List<float[]> batch) throws TranslateException {
        return predictors.with(p -> {
            cpuThreads();
            return batch.size() == 1 ? List.of(p.predict(batch.get(0))) : p.batchPredict(batch);
        });
    }

    private void cpuThreads() {
        if (!device.isGpu()) {
            threads.apply(predictors.created());
        }
    }

    private void checkLength(float[] samples, String what) {
        if (samples.length < block.minimumSamples()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                "%s has %d samples (%.1f ms); %s needs at least %d (%.1f ms)", what, samples.length,
                samples.length * 1000.0 / sampleRate(), block.architecture().id(), block.minimumSamples(),
                block.minimumSamples() * 1000.0 / sampleRate()));
        }
    }

    @Override
    public void close() {
        queue.close();
        predictors.close();
        model.close();
    }

    @Override
    public String toString() {
        return directory.path().getFileName() + " (" + block + " on " + deviceName() + ")";
    }
}
