package io.auralis.ser.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import io.auralis.ser.inference.ComputeDevice;
import io.auralis.ser.inference.EmotionModel;
import io.auralis.ser.model.Architecture;
import io.auralis.ser.model.CnnGru;
import io.auralis.ser.model.CnnGruBlock;
import io.auralis.ser.model.ModelConfig;
import io.auralis.ser.model.ModelDirectory;
import io.auralis.ser.model.ModelException;
import io.auralis.ser.runtime.ModelService;
import io.auralis.ser.storage.ScratchFolder;
import io.auralis.ser.training.TrainerFactory;
import io.auralis.ser.training.TrainingOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Runs the measurements of {@code ser bench}. Inference goes through {@link EmotionModel}, its translator and
 * predictor pool, loaded from a model directory: exactly the path {@code analyze} takes. A network measured by
 * architecture gets random weights, written to a temporary model directory first. Training runs the trainer of
 * {@code ser train}, built by {@link TrainerFactory} (its loss, optimiser, initialisers and per-step listeners), on
 * batches shaped as {@code ser train}'s (waveforms with their valid lengths) of generated clips.
 */
public final class SerBenchmark {
    private static final int CLASSES = 6;
    private static final int RATE = ModelConfig.SAMPLE_RATE;
    /** What the training figure times, for the usage, the table and the JSON. */
    static final String TRAINING = "ser train's trainer (NLL loss, ResumableAdam on the StepLR schedule, PyTorch's "
        + "initialisers, accuracy and divergence listeners): forward with each clip's valid length, backward and an "
        + "optimiser step";
    /** A single pass longer than this many times the minimum is measured once, to bound the run time. */
    private static final double LONG_PASS_FACTOR = 3;

    private final ModelService models;
    private final Path workingDirectory;
    private final PrintStream log;

    /**
     * Creates the benchmark.
     *
     * @param models loads models and runs DJL work with the right class loader
     * @param workingDirectory where a relative {@code --model} resolves
     * @param log receives one progress line per figure
     */
    public SerBenchmark(ModelService models, Path workingDirectory, PrintStream log) {
        this.models = models;
        this.workingDirectory = workingDirectory;
        this.log = log;
    }

    /**
     * Measures every network the options name.
     *
     * @param options the settings
     * @return the figures
     * @throws ModelException if {@code --model} names a missing or broken model
     * @throws IOException if the temporary model directory cannot be written
     */
    public SerBenchResult run(SerBenchOptions options) throws ModelException, IOException {
        String deviceSpec = options.device() != null ? options.device() : models.platformDevice();
        Device device = ComputeDevice.resolve(deviceSpec, models.engine());
        String deviceName = ComputeDevice.name(device);
        List<SerBenchResult.Network> networks = new ArrayList<>();
        if (options.model() != null) {
            ModelDirectory dir = models.directory(options.model(), workingDirectory);
            networks.add(measure(dir, dir.path().getFileName().toString(), deviceName, options));
        } else {
            try (ScratchFolder scratch = ScratchFolder.create("auralis-ser-bench")) {
                for (Architecture architecture : options.architectures()) {
                    ModelDirectory dir = randomModel(scratch.path().resolve(architecture.id()), architecture,
                        options);
                    networks.add(measure(dir, "random weights", deviceName, options));
                }
            }
        }
        return new SerBenchResult(deviceName, pytorchThreads(models.engine()), Runtime.getRuntime()
            .availableProcessors(), options.clipSeconds(), networks);
    }

    private SerBenchResult.Network measure(ModelDirectory dir, String label, String device, SerBenchOptions options)
        throws ModelException {
        String arch = dir.config().architecture;
        List<SerBenchResult.Pass> inference = models.withDjl(() -> inference(dir, arch, device, options));
        long[] parameters = new long[1];
        SerBenchResult.Pass training = options.trainSteps() == 0 ? null
            : models.withDjl(() -> training(dir.config(), arch, device, options, parameters));
        if (training == null) {
            parameters[0] = models.withDjl(() -> countParameters(dir));
        }
        return new SerBenchResult.Network(Architecture.fromId(arch).id(), label, parameters[0], inference, training);
    }

    private List<SerBenchResult.Pass> inference(ModelDirectory dir, String arch, String device,
                                                SerBenchOptions options) throws ModelException, TranslateException {
        int largest = options.batches().get(options.batches().size() - 1);
        List<float[]> clips = clips(largest, options.clipSamples(), 1);
        List<SerBenchResult.Pass> passes = new ArrayList<>();
        try (EmotionModel model = EmotionModel.load(dir, device, largest)) {
            for (int batch : options.batches()) {
                List<float[]> input = clips.subList(0, batch);
                ForwardPass pass = () -> {
                    if (batch == 1) {
                        model.predict(input.get(0));
                    } else {
                        model.predict(input);
                    }
                };
                pass.run(); // warm-up: the first pass of a shape allocates and picks kernels
                int n = 0;
                double cpu0 = cpuSeconds();
                long t0 = System.nanoTime();
                double elapsed;
                do {
                    pass.run();
                    n++;
                    elapsed = (System.nanoTime() - t0) / 1e9;
                } while (elapsed < options.minSeconds() || n < 2 && elapsed < LONG_PASS_FACTOR * options.minSeconds());
                SerBenchResult.Pass p = new SerBenchResult.Pass(batch, n, n * batch * options.clipSeconds(), elapsed,
                    cpuSeconds() - cpu0);
                log.printf(Locale.ROOT, "ser bench: %s inference, batch %d: %.0fx real time (%d passes in %.2f s)%n",
                    arch, batch, p.realTimeFactor(), n, elapsed);
                passes.add(p);
            }
        }
        return passes;
    }

    /** One forward pass, as a lambda that may throw what prediction throws. */
    private interface ForwardPass {
        void run() throws TranslateException;
    }

    private SerBenchResult.Pass training(ModelConfig config, String arch, String deviceName, SerBenchOptions options,
                                         long[] parameters) {
        int batch = options.trainBatch();
        int samples = options.clipSamples();
        TrainingOptions settings = trainingOptions(config);
        CnnGruBlock block = TrainerFactory.block(settings, config.classes.size());
        Device device = ComputeDevice.resolve(deviceName, Engine.getEngine("PyTorch"));
        float[] data = new float[batch * samples];
        List<float[]> clips = clips(batch, samples, 2);
        for (int i = 0; i < batch; i++) {
            System.arraycopy(clips.get(i), 0, data, i * samples, samples);
        }
        Random random = new Random(3);
        long[] labels = new long[batch];
        long[] lengths = new long[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(config.classes.size());
            lengths[i] = samples;
        }
        int total = SerBenchOptions.WARMUP_STEPS + options.trainSteps();
        try (Model model = Model.newInstance("auralis-ser-bench", device, "PyTorch")) {
            model.setBlock(block);
            try (Trainer trainer = TrainerFactory.newTrainer(model, trainingConfig(settings, device, total),
                settings.architecture())) {
                parameters[0] = block.trainableParameterCount();
                double cpu0 = 0;
                long t0 = 0;
                for (int step = 0; step < total; step++) {
                    if (step == SerBenchOptions.WARMUP_STEPS) {
                        cpu0 = cpuSeconds();
                        t0 = System.nanoTime();
                    }
                    // each step's arrays (input, labels, gradients' temporaries) are freed when it ends
                    try (NDManager stepManager = trainer.getManager().newSubManager()) {
                        // what ser train's batches hold: waveforms (batch, samples) and each clip's valid length
                        NDArray x = stepManager.create(data, new Shape(batch, samples));
                        NDArray valid = stepManager.create(lengths);
                        NDArray y = stepManager.create(labels);
                        Batch b = new Batch(stepManager, new NDList(x, valid), new NDList(y), batch,
                            Batchifier.STACK, Batchifier.STACK, step, total);
                        EasyTrain.trainBatch(trainer, b);
                        trainer.step();
                    }
                }
                double elapsed = (System.nanoTime() - t0) / 1e9;
                int steps = options.trainSteps();
                SerBenchResult.Pass p = new SerBenchResult.Pass(batch, steps, steps * batch * options.clipSeconds(),
                    elapsed, cpuSeconds() - cpu0);
                log.printf(Locale.ROOT, "ser bench: %s training, batch %d: %.0f audio seconds per second (%d steps in "
                    + "%.2f s)%n", arch, batch, p.realTimeFactor(), steps, elapsed);
                return p;
            }
        }
    }

    /**
     * The settings {@code ser train} trains a network of this shape with: the shape from {@code model.json}, the
     * published protocol (the defaults) for the rest.
     *
     * @param config the measured model
     * @return the settings
     */
    static TrainingOptions trainingOptions(ModelConfig config) {
        TrainingOptions settings = new TrainingOptions();
        settings.architecture = config.architecture;
        settings.hidden = config.hidden;
        settings.layers = config.layers;
        settings.dropout = config.dropout;
        settings.temporal = config.temporal;
        settings.instanceNorm = config.instanceNorm();
        settings.logSpectrum = config.logSpectrum();
        return settings;
    }

    /**
     * The training configuration the bench times: {@code ser train}'s, from {@link TrainerFactory}, without the
     * listeners that log, checkpoint and reseed a run's epochs (the bench runs no epochs).
     *
     * @param settings the network's settings
     * @param device where to train
     * @param steps the steps the bench runs, taken as one epoch of the learning-rate schedule
     * @return the configuration
     */
    static DefaultTrainingConfig trainingConfig(TrainingOptions settings, Device device, int steps) {
        return TrainerFactory.config(settings, TrainerFactory.optimizer(settings, steps, 0), device);
    }

    private static long countParameters(ModelDirectory dir) throws ModelException {
        try (NDManager manager = NDManager.newBaseManager()) {
            return dir.loadBlock(manager).trainableParameterCount();
        }
    }

    private ModelDirectory randomModel(Path dir, Architecture architecture, SerBenchOptions options)
        throws ModelException {
        return models.withDjl(() -> {
            CnnGruBlock block = CnnGru.builder().setArchitecture(architecture).setNumClasses(CLASSES).build();
            try (NDManager manager = NDManager.newBaseManager()) {
                block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, options.clipSamples()));
                List<String> classes = List.of("angry", "disgust", "fear", "happy", "neutral", "sad");
                return ModelDirectory.write(dir, ModelConfig.of(architecture.id() + "-bench", block, classes, 0),
                    block);
            }
        });
    }

    /**
     * Clips that look like voiced speech to the network: a few harmonics of a wandering pitch with noise. The
     * values do not change the speed; they only keep the arithmetic away from zeros and denormals.
     */
    static List<float[]> clips(int count, int samples, long seed) {
        Random random = new Random(seed);
        List<float[]> clips = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            float[] x = new float[samples];
            double f0 = 100 + random.nextDouble() * 150;
            double phase = 0;
            for (int i = 0; i < samples; i++) {
                double f = f0 * (1 + 0.1 * Math.sin(2 * Math.PI * 3 * i / RATE));
                phase += 2 * Math.PI * f / RATE;
                x[i] = (float) (0.3 * Math.sin(phase) + 0.15 * Math.sin(2 * phase) + 0.08 * Math.sin(3 * phase)
                    + 0.02 * random.nextGaussian());
            }
            clips.add(x);
        }
        return clips;
    }

    /**
     * PyTorch's intra-op thread count, read from the engine's JNI class through the engine's own class loader (the
     * SER bundle compiles against DJL's API only).
     */
    private static int pytorchThreads(Engine engine) {
        try {
            Class<?> jni = Class.forName("ai.djl.pytorch.jni.JniUtils", true, engine.getClass().getClassLoader());
            return (Integer) jni.getMethod("getNumThreads").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return -1;
        }
    }

    /**
     * The CPU time of this process so far, every thread's, PyTorch's native workers included: the JDK reads the
     * process's own figure ({@code /proc/self/stat} on Linux; the same 8.39 s here as reading it by hand).
     *
     * @return seconds of user and system time, or NaN where the platform does not say
     */
    private static double cpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }
}
