package io.auralis.ser.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.TrainingDivergedException;
import ai.djl.engine.Engine;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.Dataset.Usage;
import ai.djl.translate.TranslateException;
import ai.djl.util.Progress;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.ser.data.Clip;
import io.auralis.ser.data.Corpus;
import io.auralis.ser.data.CorpusSource;
import io.auralis.ser.data.BalancedSampler;
import io.auralis.ser.data.DatasetSplit;
import io.auralis.ser.data.LabelMap;
import io.auralis.ser.data.SeededShuffleSampler;
import io.auralis.ser.data.SkippedFile;
import io.auralis.ser.data.SpeechEmotionDataset;
import io.auralis.ser.inference.ComputeDevice;
import io.auralis.ser.model.Architecture;
import io.auralis.ser.model.CnnGruBlock;
import io.auralis.ser.model.ModelDirectory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One training run from a corpus to a model folder, resumable: lists the corpus, splits it (or reloads the saved
 * split), decodes the parts into a {@link TrainingRun}, trains a CNN-n-GRU with DJL's {@link EasyTrain}, the
 * {@link TrainerFactory}'s trainer and the listeners of this package, keeps the best validation-loss epoch, and has
 * {@link ModelPackager} write the model folder in the {@link ModelDirectory} format, evaluate the kept model on the
 * test part and write the metrics, charts and model card.
 *
 * <p>The model folder holds: {@code model.json}, {@code weights.params} and {@code README.md} (the model);
 * {@code split.json}; {@code history.csv} and {@code training_curves.png}; {@code metrics.json},
 * {@code confusion_matrix.csv}, {@code confusion_matrix.png} and {@code predictions.csv} (the test part); and
 * {@code checkpoint/}, from which {@code --resume} continues after a crash or with more epochs.
 *
 * <p>What a resumed run restores: the last epoch's weights, Adam's moment estimates and update count (so the
 * learning-rate schedule continues), the best epoch so far and its weights, the history, the split and every
 * setting. Batch order and dropout are seeded per epoch, so on the CPU a resumed run continues as the
 * uninterrupted run would have.
 */
public final class TrainingJob {

    /** The split's file name in the model folder. */
    public static final String SPLIT = "split.json";
    /** The training curves' file name in the model folder. */
    public static final String CURVES = "training_curves.png";

    private final Corpus corpus;
    private final Path data;
    private final List<CorpusSource> sources;
    private final String resumeData;
    private final Function<String, Path> resumeResolver;
    private final AudioDecoder decoder;
    private final Path output;
    private final TrainingOptions options;
    private final List<String> classes;
    private final DatasetSplit.Method splitMethod;
    private final List<String> testSpeakers;
    private final List<String> validationSpeakers;
    private final String testCorpus;
    private final boolean resume;
    private final Integer resumeEpochs;
    private final String resumeDevice;
    private final PrintStream log;
    private final Progress progress;

    private int skipped;
    private LabelMap labelMap = LabelMap.NONE;

    private TrainingJob(Builder b) {
        this.corpus = b.corpus;
        this.data = b.data;
        this.sources = b.sources;
        this.resumeData = b.resumeData != null ? b.resumeData : b.data != null ? b.data.toString() : null;
        this.resumeResolver = b.resumeData != null ? b.resumeResolver : Path::of;
        this.decoder = Objects.requireNonNull(b.decoder, "an audio decoder must be set");
        this.output = Objects.requireNonNull(b.output, "an output folder must be set");
        this.options = b.options;
        this.classes = b.classes;
        this.splitMethod = b.splitMethod;
        this.testSpeakers = List.copyOf(b.testSpeakers);
        this.validationSpeakers = List.copyOf(b.validationSpeakers);
        this.testCorpus = b.testCorpus;
        this.resume = b.resume;
        this.resumeEpochs = b.resumeEpochs;
        this.resumeDevice = b.resumeDevice;
        this.log = b.log;
        this.progress = b.progress;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the job.
     *
     * @return what it produced
     * @throws IllegalArgumentException for bad settings (one line, naming the option)
     * @throws IOException if the corpus, the checkpoint or the output folder cannot be read or written (the
     *     message names the file)
     * @throws TranslateException if DJL fails to run the model
     */
    public TrainingOutcome run() throws IOException, TranslateException {
        TrainingRun run = prepare();
        CheckpointState state = run.state();
        double throughput = 0;
        if (run.options().epochs <= state.completedEpochs) {
            log.printf(Locale.ROOT, "all %d epochs were trained; writing the model%n", state.completedEpochs);
        } else {
            try {
                throughput = train(run);
            } catch (TrainingDivergedException e) {
                throw new IllegalArgumentException("training diverged in epoch " + (state.completedEpochs + 1)
                    + ": the loss is not a number; try a lower --lr (the checkpoint keeps epoch "
                    + state.completedEpochs + ")", e);
            }
        }
        return new ModelPackager(log, progress).write(run, throughput);
    }

    /**
     * Everything before training: the checkpoint's state and settings (a resumed run) or the builder's (a new one,
     * whose split is written), the catalogue, the three parts decoded, and the device.
     *
     * @return the run, ready to train or, when all its epochs are done, to package
     * @throws IOException if the checkpoint, the split or a corpus cannot be read, or the split written
     */
    TrainingRun prepare() throws IOException {
        Checkpoint checkpoint = new Checkpoint(output);
        CheckpointState state;
        TrainingOptions opts;
        List<CorpusSource> sources;
        DatasetSplit split;
        if (resume) {
            state = checkpoint.read();
            opts = state.options;
            if (resumeEpochs != null) {
                opts.epochs = resumeEpochs;
            }
            if (resumeDevice != null) {
                opts.device = resumeDevice;
            }
            // A run that crashed after its last checkpoint but before the model was written only needs finishing.
            if (opts.epochs <= state.completedEpochs && Files.exists(output.resolve(ModelDirectory.CONFIG))) {
                throw new IllegalArgumentException(output + ": already trained " + state.completedEpochs
                    + " epochs of " + opts.epochs + "; pass a larger --epochs to train on");
            }
            // The checkpoint's paths are absolute; new ones (the data moved) are resolved as the caller says.
            sources = resumeData == null ? CorpusSource.parse(state.dataset, state.data, Path::of)
                : CorpusSource.parse(state.dataset, resumeData, resumeResolver);
            split = DatasetSplit.read(output.resolve(SPLIT));
        } else {
            opts = Objects.requireNonNull(options, "training options must be set");
            sources = sources();
            checkFreshOutput();
            state = new CheckpointState();
            state.options = opts;
            state.dataset = CorpusSource.datasetIds(sources);
            state.data = CorpusSource.dataPaths(sources);
            split = null;
        }
        List<String> problems = opts.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Architecture architecture = opts.architecture();
        labelMap = LabelMap.parse(opts.labelMap);

        String source = CorpusSource.datasetIds(sources);
        String root = CorpusSource.dataPaths(sources);
        SpeechEmotionDataset catalog = builder(sources, resume ? state.classes : classes).build();
        for (SkippedFile problem : catalog.listingProblems()) {
            warn(problem);
        }
        List<Clip> clips = catalog.catalog();
        List<String> classNames = catalog.classes();
        if (!resume) {
            split = newSplit(clips, opts.seed);
            state.classes = classNames;
        }
        if (classNames.size() < 2) {
            throw new IllegalArgumentException("training needs at least 2 classes; " + source + " at " + root
                + " has " + classNames);
        }

        SpeechEmotionDataset train = part(sources, classNames, split, Usage.TRAIN, architecture)
            .setSampling(new BatchSampler(opts.balance ? new BalancedSampler(opts.seed, state.completedEpochs)
                : new SeededShuffleSampler(opts.seed, state.completedEpochs), opts.batchSize, false))
            .optAugmentation(opts.augmentation, opts.seed)
            .optNormalization(opts.normalizeDbfs)
            .optCorpusLabels(opts.adversary > 0 && !opts.adversarySpeakers())
            .optSpeakerLabels(opts.adversary > 0 && opts.adversarySpeakers())
            .optArousalLabels(opts.arousal > 0)
            .build();
        SpeechEmotionDataset validation = part(sources, classNames, split, Usage.VALIDATION, architecture)
            .optNormalization(opts.normalizeDbfs)
            .setSampling(opts.batchSize, false).build();
        SpeechEmotionDataset test = part(sources, classNames, split, Usage.TEST, architecture).build();
        train.prepare(progress);
        validation.prepare(progress);
        test.prepare(progress);
        if (train.size() == 0) {
            throw new IllegalArgumentException(source + " at " + root + ": no training clips (" + split + ")");
        }
        if (opts.adversary > 0 && opts.adversarySpeakers() && train.speakers().size() < 2) {
            throw new IllegalArgumentException("--adversary-of speaker needs at least 2 training speakers; the "
                + "training part holds only " + String.join(", ", train.speakers()));
        }
        if (opts.adversary > 0 && !opts.adversarySpeakers() && train.corpora().size() < 2) {
            throw new IllegalArgumentException("--adversary needs at least 2 training corpora; the training part "
                + "holds only " + String.join(", ", train.corpora()));
        }
        int[] counts = train.classCounts();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                throw new IllegalArgumentException("class '" + classNames.get(c) + "' has no training clips in "
                    + source + " at " + root + "; restrict the classes with --classes");
            }
        }
        log.printf(Locale.ROOT, "%s: %d training, %d validation, %d test clips (%.0f s of training audio), "
                + "classes %s%s%n", source, train.size(), validation.size(), test.size(), train.totalSeconds(),
            String.join(", ", classNames), skipped == 0 ? "" : "; " + skipped + " files skipped");
        log.println("recipe: " + opts.recipe(SpeechEmotionDataset.SAMPLE_RATE) + " (--map changes the labels)");
        Map<String, Integer> leftOut = new TreeMap<>();
        for (SpeechEmotionDataset part : List.of(train, validation, test)) {
            part.leftOutByLabel().forEach((label, n) -> leftOut.merge(label, n, Integer::sum));
        }
        logLeftOut(leftOut);

        Device device = ComputeDevice.resolve(opts.device, Engine.getEngine("PyTorch"));
        state.updatesPerEpoch = (int) ((train.size() + opts.batchSize - 1) / opts.batchSize);
        if (!resume) {
            // written once every setting has proved usable: a split.json alone marks the folder as taken
            Files.createDirectories(output);
            split.write(output.resolve(SPLIT));
        }
        return new TrainingRun(output, checkpoint, state, opts, classNames, source, root, split, labelMap, train,
            validation, test, device, skipped);
    }

    /** Trains the remaining epochs, checkpointing each; returns the mean throughput of this run's epochs. */
    private double train(TrainingRun run) throws IOException, TranslateException {
        CheckpointState state = run.state();
        TrainingOptions opts = run.options();
        Device device = run.device();
        Engine engine = Engine.getEngine("PyTorch");
        SpeechEmotionDataset train = run.train();
        SpeechEmotionDataset validation = run.validation().size() > 0 ? run.validation() : null;
        int firstEpoch = state.completedEpochs;
        engine.setRandomSeed(EpochSeedListener.seedOf(opts.seed, -1));
        CnnGruBlock block = run.newBlock();
        EpochLogListener epochLog;
        try (Model model = Model.newInstance("auralis-ser-training", device, "PyTorch")) {
            model.setBlock(block);
            if (firstEpoch > 0) {
                run.checkpoint().loadWeights(block, model.getNDManager(), state.weights);
            }
            ResumableAdam optimizer = TrainerFactory.optimizer(opts, state.updatesPerEpoch, state.updates);
            epochLog = new EpochLogListener(log, progress, output.resolve(EpochLogListener.HISTORY), state.history,
                opts.epochs, state.updatesPerEpoch, train.totalSeconds(), validation != null, optimizer);
            CheckpointListener checkpoints = new CheckpointListener(run.checkpoint(), state, block, optimizer,
                epochLog);
            DefaultTrainingConfig config = TrainerFactory.config(opts, optimizer, device, epochLog, checkpoints,
                new EpochSeedListener(engine, opts.seed, firstEpoch, train::startEpoch));
            try (Trainer trainer = TrainerFactory.newTrainer(model, config, run.architecture())) {
                if (firstEpoch > 0) {
                    run.checkpoint().loadOptimizer(optimizer, block, model.getNDManager(), device, state.optimizer);
                    log.printf(Locale.ROOT, "resuming after epoch %d of %d (best so far: epoch %d)%n", firstEpoch,
                        opts.epochs, state.bestEpoch);
                }
                epochLog.begin();
                EasyTrain.fit(trainer, opts.epochs - firstEpoch, train, validation);
            }
        }
        return epochLog.history().stream().skip(firstEpoch).mapToDouble(EpochRecord::audioSecondsPerSecond)
            .average().orElse(0);
    }

    /**
     * Lists what a new run would train, validate and test on, without decoding audio, training or writing
     * anything: one CSV line {@code part,speaker,label,file} per clip, parts in the order train, validation, test
     * and clips by id within each. Clips of labels outside the classes are left out and counted on the log.
     *
     * @param out receives the CSV, with a header line
     * @return the number of clips listed
     * @throws IllegalArgumentException for bad settings, such as an unknown speaker
     * @throws IOException if a corpus cannot be listed
     */
    public int listSplit(PrintStream out) throws IOException {
        if (resume) {
            throw new IllegalArgumentException("listing the split is for a new run; a resumed run's split is its "
                + SPLIT);
        }
        List<CorpusSource> sources = sources();
        TrainingOptions opts = Objects.requireNonNull(options, "training options must be set");
        labelMap = LabelMap.parse(opts.labelMap);
        SpeechEmotionDataset catalog = builder(sources, classes).build();
        for (SkippedFile problem : catalog.listingProblems()) {
            warn(problem);
        }
        List<Clip> clips = catalog.catalog();
        Set<String> classNames = Set.copyOf(catalog.classes());
        DatasetSplit split = newSplit(clips, opts.seed);
        SplitListing listing = SplitListing.write(out, clips, classNames, split, opts.arousal > 0);
        log.printf(Locale.ROOT, "%s: %d training, %d validation, %d test clips, classes %s; %s%n",
            CorpusSource.datasetIds(sources), listing.listed(Usage.TRAIN), listing.listed(Usage.VALIDATION),
            listing.listed(Usage.TEST), String.join(", ", catalog.classes()), split.description());
        logLeftOut(listing.leftOut());
        return listing.total();
    }

    private void logLeftOut(Map<String, Integer> byLabel) {
        if (!byLabel.isEmpty()) {
            log.printf(Locale.ROOT, "left out %d clips of labels not among the classes (%s)%n",
                byLabel.values().stream().mapToInt(Integer::intValue).sum(), byLabel.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
    }

    /** The corpora of a new run: the builder's sources, or its one corpus and path. */
    private List<CorpusSource> sources() {
        if (sources != null) {
            return sources;
        }
        return List.of(new CorpusSource(Objects.requireNonNull(corpus, "a dataset must be set"),
            Objects.requireNonNull(data, "a data path must be set")));
    }

    private void checkFreshOutput() {
        if (Files.exists(output.resolve(ModelDirectory.CONFIG)) || Files.exists(output.resolve(Checkpoint.FOLDER))
            || Files.exists(output.resolve(SPLIT))) {
            throw new IllegalArgumentException(output + ": already holds a model or a checkpoint; pass --resume to "
                + "continue training it, or choose another --out");
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new IllegalArgumentException(output + ": exists and is not a folder");
        }
    }

    private DatasetSplit newSplit(List<Clip> clips, long seed) {
        if (testCorpus != null && splitMethod != DatasetSplit.Method.CORPUS) {
            throw new IllegalArgumentException("--test-corpus needs --split corpus");
        }
        return switch (splitMethod) {
            case CORPUS_SPEAKER -> DatasetSplit.byCorpusSpeaker(clips, seed);
            case CORPUS -> {
                if (testCorpus == null) {
                    throw new IllegalArgumentException("--split corpus needs --test-corpus NAME, the corpus to hold "
                        + "out");
                }
                yield DatasetSplit.leaveCorpusOut(clips, testCorpus, seed);
            }
            case STRATIFIED -> DatasetSplit.stratified(clips, DatasetSplit.DEFAULT_VALIDATION,
                DatasetSplit.DEFAULT_TEST, seed);
            case SPEAKER -> DatasetSplit.bySpeaker(clips, testSpeakers, validationSpeakers, seed);
            case ALL -> DatasetSplit.all(clips);
        };
    }

    private SpeechEmotionDataset.BaseBuilder<?> builder(List<CorpusSource> sources, List<String> classNames) {
        return CorpusSource.builder(sources).setDecoder(decoder).optClasses(classNames).optLabelMap(labelMap);
    }

    private SpeechEmotionDataset.BaseBuilder<?> part(List<CorpusSource> sources, List<String> classNames,
                                                     DatasetSplit split, Usage usage, Architecture architecture) {
        return builder(sources, classNames).optSplit(split, usage)
            .optMinimumSamples(architecture.minimumSamples())
            .optSkippedFileListener(this::warn);
    }

    private void warn(SkippedFile file) {
        skipped++;
        log.println("auralis: " + file + " (skipped)");
    }

    /** Configures a {@link TrainingJob}. */
    public static final class Builder {
        private Corpus corpus;
        private Path data;
        private List<CorpusSource> sources;
        private String resumeData;
        private Function<String, Path> resumeResolver;
        private AudioDecoder decoder;
        private Path output;
        private TrainingOptions options;
        private List<String> classes;
        private DatasetSplit.Method splitMethod = DatasetSplit.Method.STRATIFIED;
        private List<String> testSpeakers = List.of();
        private List<String> validationSpeakers = List.of();
        private String testCorpus;
        private boolean resume;
        private Integer resumeEpochs;
        private String resumeDevice;
        private PrintStream log = System.err;
        private Progress progress;

        private Builder() {
        }

        /**
         * Sets the corpus (not needed when resuming).
         *
         * @param corpus the corpus
         * @return this builder
         */
        public Builder setCorpus(Corpus corpus) {
            this.corpus = corpus;
            return this;
        }

        /**
         * Sets where the corpus is (optional when resuming: the checkpoint's path is used).
         *
         * @param data the corpus folder or manifest
         * @return this builder
         */
        public Builder setData(Path data) {
            this.data = data;
            return this;
        }

        /**
         * Sets the corpora of a new run, one or more; several are read as one {@link io.auralis.ser.data.CombinedDataset}, with
         * speakers and clip ids namespaced by corpus ({@code tess-OAF}, {@code emodb-03}). Replaces
         * {@link #setCorpus} and {@link #setData}.
         *
         * @param sources the corpora and their locations, in order
         * @return this builder
         */
        public Builder setSources(List<CorpusSource> sources) {
            this.sources = List.copyOf(sources);
            return this;
        }

        /**
         * When resuming, reads the corpora from new locations (the data moved), as {@code --data} gives them: one
         * path per corpus, comma-separated in the order the run was started with (a single corpus's path is taken
         * whole). Replaces {@link #setData} for a resumed run.
         *
         * @param paths the new locations
         * @param resolve turns each path as written into a path
         * @return this builder
         */
        public Builder setResumeData(String paths, Function<String, Path> resolve) {
            this.resumeData = Objects.requireNonNull(paths, "paths");
            this.resumeResolver = Objects.requireNonNull(resolve, "resolve");
            return this;
        }

        /**
         * Sets the decoder.
         *
         * @param decoder the platform's audio decoder
         * @return this builder
         */
        public Builder setDecoder(AudioDecoder decoder) {
            this.decoder = decoder;
            return this;
        }

        /**
         * Sets the model folder to write.
         *
         * @param output the {@code --out} folder
         * @return this builder
         */
        public Builder setOutput(Path output) {
            this.output = output;
            return this;
        }

        /**
         * Sets the settings of a new run.
         *
         * @param options the settings
         * @return this builder
         */
        public Builder setOptions(TrainingOptions options) {
            this.options = options;
            return this;
        }

        /**
         * Restricts and orders the classes.
         *
         * @param classes class names, or {@code null} for every label of the corpus
         * @return this builder
         */
        public Builder optClasses(List<String> classes) {
            this.classes = classes;
            return this;
        }

        /**
         * Sets how to split a new run's corpus (default stratified 80/10/10).
         *
         * @param method the split method
         * @param testSpeakers for a speaker split, speakers to test on (empty to choose)
         * @param validationSpeakers for a speaker split, speakers to validate on (empty to choose)
         * @return this builder
         */
        public Builder optSplit(DatasetSplit.Method method, List<String> testSpeakers,
                                List<String> validationSpeakers) {
            this.splitMethod = Objects.requireNonNull(method, "method");
            this.testSpeakers = testSpeakers;
            this.validationSpeakers = validationSpeakers;
            return this;
        }

        /**
         * Names the corpus a {@link DatasetSplit.Method#CORPUS} split holds out for test.
         *
         * @param corpus such as {@code emodb}, or {@code null}
         * @return this builder
         */
        public Builder optTestCorpus(String corpus) {
            this.testCorpus = corpus;
            return this;
        }

        /**
         * Continues the run saved in the output folder's checkpoint instead of starting one; its settings, data
         * and split are kept.
         *
         * @param epochs a new total epoch count, or {@code null} to keep the saved one
         * @param device another device, or {@code null} to keep the saved one
         * @return this builder
         */
        public Builder resume(Integer epochs, String device) {
            this.resume = true;
            this.resumeEpochs = epochs;
            this.resumeDevice = device;
            return this;
        }

        /**
         * Sets where messages go (default standard error).
         *
         * @param log the stream
         * @return this builder
         */
        public Builder optLog(PrintStream log) {
            this.log = log;
            return this;
        }

        /**
         * Sets a progress display for decoding and for the batches of each epoch.
         *
         * @param progress DJL's {@code ProgressBar} on a terminal, or {@code null} for none
         * @return this builder
         */
        public Builder optProgress(Progress progress) {
            this.progress = progress;
            return this;
        }

        /**
         * Builds the job.
         *
         * @return the job
         */
        public TrainingJob build() {
            return new TrainingJob(this);
        }
    }
}
