package io.auralis.ser.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.training.dataset.SequenceSampler;
import ai.djl.translate.Batchifier;
import ai.djl.translate.PaddingStackBatchifier;
import ai.djl.util.Progress;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioStream;
import io.auralis.ser.augmentation.Augmentation;
import io.auralis.ser.model.LoudnessNormalization;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A corpus of emotional speech as a DJL {@link RandomAccessDataset}: each record is one clip's mono waveform at
 * 16 kHz (shape {@code (samples)}, floats in [-1, 1]) and its class index (an {@code int64} scalar).
 *
 * <p>Subclasses know one corpus's layout and naming scheme ({@link TessDataset}, {@link RavdessDataset},
 * {@link EmoDbDataset}, {@link IemocapDataset}, {@link ManifestDataset}); this class does the rest:
 * <ol>
 *   <li>{@link #catalog()} lists the corpus's clips from file names alone (cheap; nothing is decoded);</li>
 *   <li>{@link #classes()} fixes the class order (the builder's, or the vocabulary order of the labels present);</li>
 *   <li>{@link #prepare(Progress)} keeps the clips of the requested classes and split part, decodes each once
 *       through the {@link AudioDecoder} it was given, and caches it in memory as 16-bit samples (half the memory of
 *       floats: TESS takes ~185 MB). A file that cannot be decoded, or is shorter than the model accepts, is skipped
 *       and reported, never fatal.</li>
 * </ol>
 * By default batches are zero-padded at the end to the longest clip of the batch (the training protocol); batch
 * size 32, in order. Inference never pads: predict clips one by one with {@link #samples(long)}.
 */
public abstract class SpeechEmotionDataset extends RandomAccessDataset {

    /** The rate every corpus is decoded at, which the models expect. */
    public static final int SAMPLE_RATE = 16_000;

    /** The class index of a clip labelled with an arousal level alone. */
    public static final int NO_CLASS = -1;

    private static final float PCM_SCALE = 32768f;

    /** The corpus folder, or the manifest file for {@link ManifestDataset}. */
    protected final Path root;

    private final AudioDecoder decoder;
    private final int sampleRate;
    private final List<String> requestedClasses;
    private final DatasetSplit split;
    private final Usage usage;
    private final int minimumSamples;
    private final Consumer<SkippedFile> skipListener;
    private final LabelMap labelMap;
    private final Double normalizeDbfs;
    private final Augmentation augmentation;
    private final long augmentationSeed;
    private final boolean corpusLabels;
    private final boolean speakerLabels;
    private final boolean arousalLabels;
    private int epoch;
    private long draws;

    private List<Clip> catalog;
    private List<SkippedFile> listingProblems;
    private List<String> classes;
    private boolean prepared;
    private List<Clip> clips = List.of();
    private short[][] audio = new short[0][];
    private int[] labels = new int[0];
    private List<String> corpora = List.of();
    private int[] corpusIndices = new int[0];
    private List<String> speakers = List.of();
    private int[] speakerIndices = new int[0];
    private int[] arousal = new int[0];
    /** Threads that decode clips while preparing: one per core, as the clips are independent. */
    private static final int DECODE_THREADS = Runtime.getRuntime().availableProcessors();

    private final List<SkippedFile> skipped = new ArrayList<>();
    private final Map<String, Integer> leftOutByLabel = new TreeMap<>();

    /**
     * Creates the dataset; nothing is read until {@link #catalog()} or {@link #prepare(Progress)}.
     *
     * @param builder the settings
     */
    protected SpeechEmotionDataset(BaseBuilder<?> builder) {
        super(builder);
        this.root = Objects.requireNonNull(builder.root, "the data folder must be set (setRoot)");
        this.decoder = Objects.requireNonNull(builder.decoder, "the audio decoder must be set (setDecoder)");
        this.sampleRate = builder.sampleRate;
        this.requestedClasses = builder.classes == null ? null : List.copyOf(builder.classes);
        this.split = builder.split;
        this.usage = builder.usage;
        this.minimumSamples = builder.minimumSamples;
        this.skipListener = builder.skipListener;
        this.labelMap = builder.labelMap;
        this.normalizeDbfs = builder.normalizeDbfs;
        this.augmentation = builder.augmentation;
        this.augmentationSeed = builder.augmentationSeed;
        this.corpusLabels = builder.corpusLabels;
        this.speakerLabels = builder.speakerLabels;
        if (corpusLabels && speakerLabels) {
            throw new IllegalStateException("a record carries its corpus or its speaker as the second label, not both");
        }
        this.arousalLabels = builder.arousalLabels;
    }

    /**
     * The corpus's name as the command line spells it, such as {@code tess}.
     *
     * @return the lower-case name
     */
    public abstract String corpus();

    /**
     * The terms the corpus is distributed under, for model cards.
     *
     * @return a short license statement
     */
    public abstract String license();

    /**
     * Lists the corpus's clips from its folder layout and file names, without decoding anything.
     *
     * @param problems receives files that look like part of the corpus but cannot be used (an unknown emotion
     *     code, a name that breaks the scheme), which are left out
     * @return every usable clip, in any order
     * @throws IOException if the folder cannot be read, or does not hold this corpus at all
     */
    protected abstract List<Clip> listClips(Consumer<SkippedFile> problems) throws IOException;

    /**
     * Every {@code .wav} file under a folder (any depth, extension in any case), sorted by path.
     *
     * @param dir the folder
     * @return the files
     * @throws IOException if the folder cannot be walked
     */
    protected static List<Path> wavFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder");
        }
        try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                .filter(Files::isRegularFile)
                .sorted()
                .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Reads a clip from a file whose name matched a corpus's naming scheme. */
    @FunctionalInterface
    protected interface NamedClip {
        /**
         * The clip a file name describes.
         *
         * @param file the file
         * @param name the matched name
         * @return the clip, or {@code null} to leave the file out without a word (a part of the corpus not asked for)
         * @throws SkippedName when the name is of the scheme but says something this reader does not know
         */
        Clip read(Path file, Matcher name) throws SkippedName;
    }

    /** A file name of the corpus's scheme that this reader cannot use; its message says why. */
    protected static final class SkippedName extends Exception {
        private static final long serialVersionUID = 1L;

        /**
         * Creates it.
         *
         * @param why one line, such as {@code unknown emotion letter X (expected ...)}
         */
        public SkippedName(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * The clips of every {@code .wav} under {@link #root} whose file name matches the corpus's scheme; any other file
     * is reported with {@code mismatch}, and a name the reader refuses with its reason.
     *
     * @param scheme the file-name pattern, matched whole
     * @param mismatch what a file of another name is told, such as {@code not an EmoDB file name (expected ...)}
     * @param reader turns a matched name into a clip
     * @param problems receives the files left out
     * @return the clips, sorted by path
     * @throws IOException if the folder cannot be walked
     */
    protected final List<Clip> clipsByName(Pattern scheme, String mismatch, NamedClip reader,
            Consumer<SkippedFile> problems) throws IOException {
        List<Clip> clips = new ArrayList<>();
        for (Path file : wavFiles(root)) {
            Matcher m = scheme.matcher(file.getFileName().toString());
            if (!m.matches()) {
                problems.accept(new SkippedFile(file.toString(), mismatch));
                continue;
            }
            try {
                Clip clip = reader.read(file, m);
                if (clip != null) {
                    clips.add(clip);
                }
            } catch (SkippedName e) {
                problems.accept(new SkippedFile(file.toString(), e.getMessage()));
            }
        }
        return clips;
    }

    /**
     * A file's id: its path relative to {@link #root} with {@code /} separators.
     *
     * @param file a file under the root
     * @return the id
     */
    protected String idOf(Path file) {
        Path base = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
        Path relative = base.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        return relative.toString().replace('\\', '/');
    }

    /**
     * Every clip the corpus lists, of every class and split part, sorted by id. Listed once, then cached.
     *
     * @return the clips, unmodifiable
     * @throws IOException if the folder cannot be read or holds none of this corpus's recordings
     */
    public synchronized List<Clip> catalog() throws IOException {
        if (catalog == null) {
            checkExists();
            List<SkippedFile> problems = new ArrayList<>();
            List<Clip> listed = new ArrayList<>();
            for (Clip clip : listClips(problems::add)) {
                listed.add(labelMap.apply(clip));
            }
            if (listed.isEmpty()) {
                throw new IOException(root + ": no " + corpus() + " recordings found (" + layoutHint() + ")");
            }
            listed.sort((a, b) -> a.id().compareTo(b.id()));
            Set<String> seen = new HashSet<>();
            for (Clip clip : listed) {
                if (!seen.add(clip.id())) {
                    throw new IOException(root + ": the clip " + clip.id() + " is listed twice");
                }
            }
            catalog = Collections.unmodifiableList(listed);
            listingProblems = List.copyOf(problems);
        }
        return catalog;
    }

    /**
     * The decoder clips are read with.
     *
     * @return the builder's decoder
     */
    protected AudioDecoder decoder() {
        return decoder;
    }

    /**
     * Fails when the corpus is not where it was said to be, before anything is listed.
     *
     * @throws IOException naming the missing folder or file
     */
    protected void checkExists() throws IOException {
        if (!Files.exists(root)) {
            throw new IOException(root + ": no such " + (this instanceof ManifestDataset ? "file" : "folder"));
        }
    }

    /**
     * Where a clip id of this corpus points, for messages about a clip that is gone.
     *
     * @param id a clip id
     * @return the file the id names
     */
    protected Path fileOf(String id) {
        return root.resolve(id);
    }

    /**
     * What the folder should look like, for the message when no recording is found.
     *
     * @return a short description of the expected layout
     */
    protected String layoutHint() {
        return "expected the corpus's own folder layout";
    }

    /**
     * The class names in index order: the builder's list when one was given, else the labels of the whole
     * catalog (all split parts) in {@link EmotionLabels#order} order, so that every part of a split numbers
     * classes alike.
     *
     * @return the classes, unmodifiable
     * @throws IOException if the catalog cannot be listed
     */
    public synchronized List<String> classes() throws IOException {
        if (classes == null) {
            if (requestedClasses != null) {
                classes = requestedClasses;
            } else {
                Set<String> present = new HashSet<>();
                catalog().forEach(c -> present.add(c.label()));
                classes = List.copyOf(EmotionLabels.order(present));
            }
        }
        return classes;
    }

    /**
     * Selects this dataset's clips (requested classes, split part) and decodes them. Does nothing when already
     * prepared, since DJL calls it before every epoch.
     *
     * @param progress receives one step per clip, or {@code null}
     * @throws IOException if the corpus cannot be listed, or no clip at all could be decoded
     */
    @Override
    public synchronized void prepare(Progress progress) throws IOException {
        if (prepared) {
            return;
        }
        List<String> names = classes();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        Set<String> wanted = split == null ? null : split.ids(usage);
        List<Clip> selected = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (Clip clip : catalog()) {
            if (wanted != null && !wanted.contains(clip.id())) {
                continue;
            }
            found.add(clip.id());
            // an arousal-only clip (BAVED) has no class; with arousal labels it still teaches the arousal head
            boolean arousalOnly = arousalLabels && EmotionLabels.isArousalLevel(clip.label());
            if (!index.containsKey(clip.label()) && !arousalOnly) {
                leftOutByLabel.merge(clip.label(), 1, Integer::sum);
                continue;
            }
            selected.add(clip);
        }
        if (wanted != null) {
            for (String id : wanted) {
                if (!found.contains(id)) {
                    report(new SkippedFile(fileOf(id).toString(),
                        "in the saved split but not in the corpus (file missing or renamed)"));
                }
            }
        }
        if (progress != null) {
            progress.reset("Decoding " + corpus() + (usage == null ? "" : " " + usage.name().toLowerCase(Locale.ROOT)),
                Math.max(1, selected.size()));
        }
        List<Clip> kept = new ArrayList<>(selected.size());
        List<short[]> decoded = new ArrayList<>(selected.size());
        List<Integer> labelIndices = new ArrayList<>(selected.size());
        // decoding and resampling are most of preparing (a training run's first minute, all of an evaluation's
        // wait before the network); on every core, read back in catalog order so problems are reported as before
        ExecutorService pool = Executors.newFixedThreadPool(DECODE_THREADS, r -> {
            Thread t = new Thread(r, "auralis-dataset-decode");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Decoded>> pending = new ArrayList<>(selected.size());
            for (Clip clip : selected) {
                pending.add(pool.submit(() -> decode(clip)));
            }
            for (int i = 0; i < selected.size(); i++) {
                Decoded d = result(pending.get(i), selected.get(i));
                if (d.problem() != null) {
                    report(d.problem());
                } else {
                    Clip clip = selected.get(i);
                    kept.add(clip);
                    decoded.add(d.samples());
                    labelIndices.add(index.getOrDefault(clip.label(), NO_CLASS));
                }
                if (progress != null) {
                    progress.increment(1);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (progress != null) {
            progress.end();
        }
        if (kept.isEmpty() && !selected.isEmpty()) {
            throw new IOException(root + ": none of the " + selected.size() + " selected " + corpus()
                + " recordings could be decoded (first problem: " + skipped.get(skipped.size() - 1) + ")");
        }
        clips = Collections.unmodifiableList(kept);
        audio = decoded.toArray(new short[0][]);
        labels = labelIndices.stream().mapToInt(Integer::intValue).toArray();
        corpora = kept.stream().map(this::corpusOf).distinct().sorted().toList();
        corpusIndices = kept.stream().mapToInt(c -> corpora.indexOf(corpusOf(c))).toArray();
        speakers = kept.stream().map(Clip::speaker).distinct().sorted().toList();
        Map<String, Integer> speakerIndex = new HashMap<>();
        speakers.forEach(s -> speakerIndex.put(s, speakerIndex.size()));
        speakerIndices = kept.stream().mapToInt(c -> speakerIndex.get(c.speaker())).toArray();
        arousal = kept.stream().mapToInt(c -> EmotionLabels.arousal(c.label())).toArray();
        prepared = true;
    }

    /** A clip's samples, or why it has none. */
    private record Decoded(short[] samples, SkippedFile problem) {
        static Decoded skipped(String file, String problem) {
            return new Decoded(null, new SkippedFile(file, problem));
        }
    }

    private static Decoded result(Future<Decoded> pending, Clip clip) throws IOException {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while decoding " + clip.file());
        } catch (ExecutionException e) {
            // decode reports every problem it knows as a skipped file; anything else is a bug, shown as one
            throw new IOException(clip.file() + ": " + e.getCause(), e.getCause());
        }
    }

    private Decoded decode(Clip clip) {
        try (AudioStream stream = decoder.open(clip.file(), sampleRate)) {
            float[] buffer = new float[1 << 16];
            int length = 0;
            int n;
            while ((n = stream.read(buffer, length, buffer.length - length)) >= 0) {
                length += n;
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
            if (length == 0) {
                return Decoded.skipped(clip.file().toString(), "no audio samples");
            }
            if (length < minimumSamples) {
                return Decoded.skipped(clip.file().toString(), String.format(Locale.ROOT,
                    "too short: %.3f s, the model needs at least %.3f s", length / (double) sampleRate,
                    minimumSamples / (double) sampleRate));
            }
            short[] pcm = new short[length];
            for (int i = 0; i < length; i++) {
                float v = buffer[i] * PCM_SCALE;
                pcm[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
            }
            return new Decoded(pcm, null);
        } catch (AudioFormatException e) {
            return Decoded.skipped(e.file(), e.problem());
        } catch (IOException e) {
            return Decoded.skipped(clip.file().toString(), "cannot read it: " + e.getMessage());
        }
    }

    private void report(SkippedFile problem) {
        skipped.add(problem);
        if (skipListener != null) {
            skipListener.accept(problem);
        }
    }

    /**
     * Returns one clip: its waveform as {@code float32 (samples)} and its length as an {@code int64} scalar (so a
     * zero-padded batch still knows where each clip ends, see {@code CnnGruBlock}), and its class index as an
     * {@code int64} scalar, followed, for a part built with {@link BaseBuilder#optCorpusLabels}, by its corpus's
     * index in {@link #corpora()} (or, built with {@link BaseBuilder#optSpeakerLabels}, its speaker's index in {@link
     * #speakers()}), and then, for a part built with {@link BaseBuilder#optArousalLabels}, its arousal
     * level (an index into {@link EmotionLabels#AROUSAL_LEVELS}). A label the clip does not have is -1: the class of
     * an arousal-only clip, the arousal of disgust. A training part built with {@link BaseBuilder#optAugmentation} crops and perturbs the
     * clip anew on every draw; a part built with {@link BaseBuilder#optNormalization} normalises its loudness last.
     *
     * @param manager creates the arrays
     * @param index the clip's position in {@link #clips()}
     * @return the record
     */
    @Override
    public Record get(NDManager manager, long index) {
        float[] samples = samples(index);
        if (augmentation != null) {
            long draw;
            int drawEpoch;
            synchronized (this) {
                draw = draws++;
                drawEpoch = epoch;
            }
            samples = augmentation.apply(samples, Augmentation.random(augmentationSeed, drawEpoch, draw),
                this::samples, audio.length, minimumSamples);
        }
        if (normalizeDbfs != null) {
            LoudnessNormalization.apply(samples, normalizeDbfs);
        }
        NDList data = new NDList(manager.create(samples), manager.create((long) samples.length));
        NDList label = new NDList(manager.create((long) labels[Math.toIntExact(index)]));
        if (corpusLabels) {
            label.add(manager.create((long) corpusIndices[Math.toIntExact(index)]));
        } else if (speakerLabels) {
            label.add(manager.create((long) speakerIndices[Math.toIntExact(index)]));
        }
        if (arousalLabels) {
            label.add(manager.create((long) arousal[Math.toIntExact(index)]));
        }
        return new Record(data, label);
    }

    /**
     * Tells an augmenting dataset which epoch its next draws belong to; draws are numbered from 0 in each epoch.
     * Training calls it before every epoch, so a resumed run draws what the uninterrupted run would have.
     *
     * @param epoch the 0-based epoch about to start
     */
    public synchronized void startEpoch(int epoch) {
        this.epoch = epoch;
        this.draws = 0;
    }

    /**
     * The corpus of a clip: the part of a combined dataset's id before its separator, else this dataset's corpus.
     *
     * @param clip a clip of this dataset
     * @return the corpus name
     */
    public String corpusOf(Clip clip) {
        return corpus();
    }

    @Override
    protected long availableSize() {
        return clips.size();
    }

    /**
     * The corpora of the decoded clips, sorted by name: what the indices of {@link BaseBuilder#optCorpusLabels}
     * count. Empty before {@link #prepare(Progress)}.
     *
     * @return corpus names, unmodifiable
     */
    public List<String> corpora() {
        return corpora;
    }

    /**
     * The speakers of the decoded clips, sorted by name (namespaced by corpus in a combined dataset): what the indices
     * of {@link BaseBuilder#optSpeakerLabels} count. Empty before {@link #prepare(Progress)}.
     *
     * @return speaker names, unmodifiable
     */
    public List<String> speakers() {
        return speakers;
    }

    /**
     * The decoded clips, in index order; empty before {@link #prepare(Progress)}.
     *
     * @return the clips, unmodifiable
     */
    public List<Clip> clips() {
        return clips;
    }

    /**
     * A clip's waveform.
     *
     * @param index the clip's position in {@link #clips()}
     * @return a new array of mono samples in [-1, 1] at {@link #sampleRate()}
     */
    public float[] samples(long index) {
        short[] pcm = audio[Math.toIntExact(index)];
        float[] out = new float[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = pcm[i] / PCM_SCALE;
        }
        return out;
    }

    /**
     * A clip's class index.
     *
     * @param index the clip's position in {@link #clips()}
     * @return an index into {@link #classes()}, or {@link #NO_CLASS} for an arousal-only clip of a part built with
     *     {@link BaseBuilder#optArousalLabels}
     */
    public int label(long index) {
        return labels[Math.toIntExact(index)];
    }

    /**
     * The rate the clips were decoded at.
     *
     * @return Hz
     */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * The split part this dataset holds.
     *
     * @return the part, or {@code null} for the whole corpus
     */
    public Usage usage() {
        return usage;
    }

    /**
     * The split this dataset was built with.
     *
     * @return the split, or {@code null} for the whole corpus
     */
    public DatasetSplit split() {
        return split;
    }

    /**
     * Files that look like part of the corpus but that its naming scheme cannot explain (an unknown emotion code,
     * say), left out of the {@link #catalog()}. Every dataset built on the same folder lists the same ones, so a
     * command prints them once, not through {@link BaseBuilder#optSkippedFileListener}.
     *
     * @return the problems, in file order
     * @throws IOException if the catalog cannot be listed
     */
    public synchronized List<SkippedFile> listingProblems() throws IOException {
        catalog();
        return listingProblems;
    }

    /**
     * The files of this dataset's part left out while preparing: files that cannot be decoded, are too short, or
     * are in the saved split but gone.
     *
     * @return the problems, in the order they were found
     */
    public synchronized List<SkippedFile> skipped() {
        return List.copyOf(skipped);
    }

    /**
     * How many clips of this part were left out because their label is not one of {@link #classes()}.
     *
     * @return label to count, sorted by label
     */
    public synchronized Map<String, Integer> leftOutByLabel() {
        return Collections.unmodifiableMap(new TreeMap<>(leftOutByLabel));
    }

    /**
     * The decoded audio's total duration.
     *
     * @return seconds
     */
    public double totalSeconds() {
        long total = 0;
        for (short[] clip : audio) {
            total += clip.length;
        }
        return total / (double) sampleRate;
    }

    /**
     * How many clips of each class were decoded.
     *
     * @return counts in class order
     */
    public int[] classCounts() {
        int[] counts = new int[classes == null ? 0 : classes.size()];
        for (int label : labels) {
            if (label != NO_CLASS) {
                counts[label]++;
            }
        }
        return counts;
    }

    /**
     * The batchifier used by default: stacks clips into {@code (batch, samples)}, zero-padding each at the end to
     * the longest clip of the batch.
     *
     * @return a padding batchifier
     */
    public static Batchifier zeroPadding() {
        return PaddingStackBatchifier.builder()
            .addPad(0, 0, manager -> manager.zeros(new Shape()))
            .build();
    }

    /**
     * The builder of a reader that has no settings of its own: it hands the shared settings to the reader's
     * constructor.
     *
     * @param <D> the reader
     */
    public static final class ReaderBuilder<D extends SpeechEmotionDataset> extends BaseBuilder<ReaderBuilder<D>> {
        private final Function<ReaderBuilder<D>, D> reader;

        /**
         * Creates a builder.
         *
         * @param reader the reader's constructor
         */
        public ReaderBuilder(Function<ReaderBuilder<D>, D> reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
        }

        @Override
        protected ReaderBuilder<D> self() {
            return this;
        }

        @Override
        public D build() {
            return reader.apply(this);
        }
    }

    /**
     * Settings shared by every corpus reader.
     *
     * @param <T> the concrete builder
     */
    public abstract static class BaseBuilder<T extends BaseBuilder<T>> extends RandomAccessDataset.BaseBuilder<T> {
        Path root;
        AudioDecoder decoder;
        int sampleRate = SAMPLE_RATE;
        List<String> classes;
        DatasetSplit split;
        Usage usage;
        int minimumSamples = 1;
        Consumer<SkippedFile> skipListener;
        LabelMap labelMap = LabelMap.NONE;
        Double normalizeDbfs;
        Augmentation augmentation;
        long augmentationSeed;
        boolean corpusLabels;
        boolean speakerLabels;
        boolean arousalLabels;

        /** Starts with in-order batches of 32, zero-padded to the longest clip. */
        protected BaseBuilder() {
            sampler = new BatchSampler(new SequenceSampler(), 32, false);
            dataBatchifier = zeroPadding();
        }

        /**
         * Builds the dataset; nothing is read until it is listed or prepared.
         *
         * @return the dataset
         */
        public abstract SpeechEmotionDataset build();

        /**
         * Sets where the corpus is: its top folder (or the manifest file for a CSV manifest).
         *
         * @param root the folder or file
         * @return this builder
         */
        public T setRoot(Path root) {
            this.root = root;
            return self();
        }

        /**
         * Sets the decoder that turns files into samples: the platform's {@code AudioDecoder} service, or any other
         * implementation.
         *
         * @param decoder the decoder
         * @return this builder
         */
        public T setDecoder(AudioDecoder decoder) {
            this.decoder = decoder;
            return self();
        }

        /**
         * Sets the rate clips are decoded at (default 16 kHz, what the models expect).
         *
         * @param sampleRate Hz
         * @return this builder
         */
        public T optSampleRate(int sampleRate) {
            if (sampleRate <= 0) {
                throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
            }
            this.sampleRate = sampleRate;
            return self();
        }

        /**
         * Restricts and orders the classes: clips of other labels are left out (and counted in
         * {@link #leftOutByLabel()}). Names are normalised, so {@code anger} means {@code angry}.
         *
         * @param classes class names in index order, or {@code null} for every label in the corpus
         * @return this builder
         * @throws IllegalArgumentException for an empty list, a duplicate, or a name that is not a label
         */
        public T optClasses(List<String> classes) {
            if (classes == null) {
                this.classes = null;
                return self();
            }
            if (classes.isEmpty()) {
                throw new IllegalArgumentException("the class list is empty");
            }
            List<String> normalised = new ArrayList<>();
            for (String c : classes) {
                String name = EmotionLabels.normalise(c);
                if (normalised.contains(name)) {
                    throw new IllegalArgumentException("class '" + name + "' is listed twice");
                }
                normalised.add(name);
            }
            this.classes = normalised;
            return self();
        }

        /**
         * Keeps one part of a split.
         *
         * @param split the split
         * @param usage the part to keep
         * @return this builder
         */
        public T optSplit(DatasetSplit split, Dataset.Usage usage) {
            this.split = Objects.requireNonNull(split, "split");
            this.usage = Objects.requireNonNull(usage, "usage");
            return self();
        }

        /**
         * Skips clips shorter than the model accepts instead of failing on them in a batch.
         *
         * @param samples the shortest clip kept, in samples at the dataset's rate
         * @return this builder
         */
        public T optMinimumSamples(int samples) {
            this.minimumSamples = Math.max(1, samples);
            return self();
        }

        /**
         * Receives each file left out while preparing, as it is found, so a command can print it at once.
         *
         * @param listener called once per skipped file
         * @return this builder
         */
        public T optSkippedFileListener(Consumer<SkippedFile> listener) {
            this.skipListener = listener;
            return self();
        }

        /**
         * Renames labels as they are listed (default: none).
         *
         * @param map the renames
         * @return this builder
         */
        public T optLabelMap(LabelMap map) {
            this.labelMap = Objects.requireNonNull(map, "map");
            return self();
        }

        /**
         * Normalises every clip's loudness as the model will at inference.
         *
         * @param targetDbfs the RMS level, or {@code null} for raw samples
         * @return this builder
         */
        public T optNormalization(Double targetDbfs) {
            this.normalizeDbfs = targetDbfs;
            return self();
        }

        /**
         * Gives each record a second label, its corpus's index in {@link #corpora()}, for training against a
         * corpus classifier; off unless set.
         *
         * @param corpusLabels whether records carry their corpus
         * @return this builder
         */
        public T optCorpusLabels(boolean corpusLabels) {
            this.corpusLabels = corpusLabels;
            return self();
        }

        /**
         * Gives each record a second label, its speaker's index in {@link #speakers()}, for training against a
         * speaker classifier; off unless set, and not with {@link #optCorpusLabels}.
         *
         * @param speakerLabels whether records carry their speaker
         * @return this builder
         */
        public T optSpeakerLabels(boolean speakerLabels) {
            this.speakerLabels = speakerLabels;
            return self();
        }

        /**
         * Gives each record its arousal level as its last label, for training an arousal head, and keeps the clips
         * labelled with an arousal level alone (BAVED's, unless mapped to a class) with class {@link #NO_CLASS}; off
         * unless set. For a training part: such clips have nothing to validate or test.
         *
         * @param arousalLabels whether records carry their arousal
         * @return this builder
         */
        public T optArousalLabels(boolean arousalLabels) {
            this.arousalLabels = arousalLabels;
            return self();
        }

        /**
         * Crops and perturbs each clip anew every time it is drawn: for a training part only.
         *
         * @param augmentation the settings, or {@code null} for none
         * @param seed the run's seed
         * @return this builder
         */
        public T optAugmentation(Augmentation augmentation, long seed) {
            this.augmentation = augmentation;
            this.augmentationSeed = seed;
            return self();
        }
    }
}
