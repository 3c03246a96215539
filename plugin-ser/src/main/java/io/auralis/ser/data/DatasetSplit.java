package io.auralis.ser.data;

import ai.djl.training.dataset.Dataset.Usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which clips of a corpus are for training, validation and test, by clip id.
 *
 * <p>Three methods: {@link #stratified} (random per label, the published 80/10/10 protocol), {@link #bySpeaker}
 * (speakers held out, for speaker-independent results) and {@link #all} (everything for training). Every method
 * is deterministic: clips are sorted by id and shuffled with a {@link Random} of the given seed, whose algorithm
 * Java specifies, so the same corpus and seed give the same split on every machine. A split is written to
 * {@code split.json} in the model folder, so that evaluating "the test set" later means exactly the clips the
 * model never saw.
 */
public final class DatasetSplit {

    /** The published protocol's validation fraction. */
    public static final double DEFAULT_VALIDATION = 0.1;
    /** The published protocol's test fraction. */
    public static final double DEFAULT_TEST = 0.1;
    /** The share of each corpus's speakers held out for test, and again for validation, by corpus splits. */
    static final double CORPUS_SPEAKER_SHARE = 0.15;

    /** How a split was made. */
    public enum Method {
        /** Random per label, with fixed fractions. */
        STRATIFIED,
        /** Whole speakers held out for test (and validation, when there are enough speakers). */
        SPEAKER,
        /** Every clip for training; no validation or test part. */
        ALL,
        /** Within every corpus, whole speakers held out for test and for validation. */
        CORPUS_SPEAKER,
        /** One whole corpus held out for test; validation speakers held out of every other corpus. */
        CORPUS;

        /**
         * The lower-case name used on the command line and in {@code split.json}.
         *
         * @return {@code stratified}, {@code speaker}, {@code all}, {@code corpus-speaker} or {@code corpus}
         */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /**
         * Parses a method name.
         *
         * @param name {@code stratified}, {@code random} (a synonym), {@code speaker} or {@code all}
         * @return the method
         * @throws IllegalArgumentException naming the choices
         */
        public static Method fromId(String name) {
            String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
            return switch (n) {
                case "stratified", "random" -> STRATIFIED;
                case "speaker", "speakers" -> SPEAKER;
                case "all" -> ALL;
                case "corpus-speaker", "corpus-speakers" -> CORPUS_SPEAKER;
                case "corpus", "leave-one-corpus-out" -> CORPUS;
                default -> throw new IllegalArgumentException("unknown split '" + name
                    + "' (expected stratified, speaker, all, corpus-speaker or corpus)");
            };
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final Method method;
    private final long seed;
    private final String description;
    private final Map<Usage, Set<String>> ids;
    private final Map<Usage, Set<String>> speakers;

    private DatasetSplit(Method method, long seed, String description, Map<Usage, Set<String>> ids,
                         Map<Usage, Set<String>> speakers) {
        this.method = method;
        this.seed = seed;
        this.description = description;
        this.ids = new EnumMap<>(Usage.class);
        this.speakers = new EnumMap<>(Usage.class);
        for (Usage usage : Usage.values()) {
            this.ids.put(usage, Collections.unmodifiableSet(new TreeSet<>(ids.getOrDefault(usage, Set.of()))));
            this.speakers.put(usage,
                Collections.unmodifiableSet(new TreeSet<>(speakers.getOrDefault(usage, Set.of()))));
        }
    }

    /**
     * Splits at random within each label, so every part has the corpus's label proportions: the published
     * protocol (80/10/10). Per label of {@code n} clips, {@code round(n * test)} go to test and
     * {@code round(n * validation)} to validation.
     *
     * @param clips the corpus's clips
     * @param validation the validation fraction, in [0, 1)
     * @param test the test fraction, in [0, 1)
     * @param seed the shuffle seed
     * @return the split
     * @throws IllegalArgumentException when the fractions leave nothing for training
     */
    public static DatasetSplit stratified(Collection<Clip> clips, double validation, double test, long seed) {
        if (!(validation >= 0 && test >= 0 && validation + test < 1)) {
            throw new IllegalArgumentException("validation and test fractions must be >= 0 and sum to less than 1: "
                + validation + " + " + test);
        }
        Map<Usage, Set<String>> parts = emptyParts();
        Random random = new Random(seed);
        for (List<Clip> group : byKey(clips, Clip::label).values()) {
            assignStratified(group, validation, test, random, parts);
        }
        String description = String.format(Locale.ROOT, "stratified random split by label, %d/%d/%d %% "
                + "train/validation/test, seed %d", Math.round((1 - validation - test) * 100),
            Math.round(validation * 100), Math.round(test * 100), seed);
        return new DatasetSplit(Method.STRATIFIED, seed, description, parts, speakersOf(clips, parts));
    }

    /**
     * Holds whole speakers out. Speakers named in {@code testSpeakers} and {@code validationSpeakers} go to those
     * parts; when a set is empty, speakers are chosen from the rest, shuffled with {@code seed}: one in ten (at
     * least one) for test, and as many for validation when at least three speakers remain in all. With fewer
     * speakers (TESS has two), validation is a stratified tenth of the training speakers' clips, so it is not
     * speaker-independent; the description says so.
     *
     * @param clips the corpus's clips
     * @param testSpeakers speakers for test, or empty to choose
     * @param validationSpeakers speakers for validation, or empty to choose
     * @param seed the seed for choosing speakers and the fallback validation clips
     * @return the split
     * @throws IllegalArgumentException for an unknown speaker, a speaker named twice, or no speaker left for
     *     training
     */
    public static DatasetSplit bySpeaker(Collection<Clip> clips, Collection<String> testSpeakers,
                                         Collection<String> validationSpeakers, long seed) {
        Map<String, List<Clip>> bySpeaker = byKey(clips, Clip::speaker);
        Set<String> known = bySpeaker.keySet();
        for (String s : concat(testSpeakers, validationSpeakers)) {
            if (!known.contains(s)) {
                throw new IllegalArgumentException("unknown speaker '" + s + "' (speakers: "
                    + String.join(", ", known) + ")");
            }
        }
        Set<String> test = new TreeSet<>(testSpeakers);
        Set<String> validation = new TreeSet<>(validationSpeakers);
        Set<String> both = new TreeSet<>(test);
        both.retainAll(validation);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("speaker " + String.join(", ", both)
                + " is named for both test and validation");
        }
        List<String> free = new ArrayList<>(known);
        free.removeAll(test);
        free.removeAll(validation);
        Collections.shuffle(free, new Random(seed));
        int share = Math.max(1, (int) Math.round(known.size() * DEFAULT_TEST));
        if (test.isEmpty() && free.size() > 1) {
            take(free, test, share);
        }
        boolean speakerValidation = !validation.isEmpty();
        if (validation.isEmpty() && free.size() > 1 && known.size() >= 3) {
            take(free, validation, share);
            speakerValidation = true;
        }
        if (test.isEmpty()) {
            throw new IllegalArgumentException("a speaker split needs at least two speakers; found "
                + known.size() + " (" + String.join(", ", known) + ")");
        }
        if (free.isEmpty()) {
            throw new IllegalArgumentException("no speaker left for training after test (" + String.join(", ", test)
                + ") and validation (" + String.join(", ", validation) + ")");
        }
        Map<Usage, Set<String>> parts = emptyParts();
        Set<String> train = new TreeSet<>(free);
        List<Clip> trainClips = new ArrayList<>();
        for (Map.Entry<String, List<Clip>> e : bySpeaker.entrySet()) {
            Usage usage = test.contains(e.getKey()) ? Usage.TEST
                : validation.contains(e.getKey()) ? Usage.VALIDATION : Usage.TRAIN;
            if (usage == Usage.TRAIN) {
                trainClips.addAll(e.getValue());
            } else {
                e.getValue().forEach(c -> parts.get(usage).add(c.id()));
            }
        }
        String validationText;
        if (speakerValidation) {
            trainClips.forEach(c -> parts.get(Usage.TRAIN).add(c.id()));
            validationText = "validation speakers " + String.join(", ", validation);
        } else {
            // Too few speakers to hold one out for validation: take a stratified tenth of the training clips.
            Random random = new Random(seed);
            for (List<Clip> group : byKey(trainClips, Clip::label).values()) {
                assignStratified(group, DEFAULT_VALIDATION, 0, random, parts);
            }
            validationText = "validation a stratified 10 % of the training speakers' clips (seed " + seed
                + "; not speaker-independent)";
        }
        String description = "speaker split: train speakers " + String.join(", ", train) + "; test speakers "
            + String.join(", ", test) + "; " + validationText;
        Map<Usage, Set<String>> speakers = new EnumMap<>(Usage.class);
        speakers.put(Usage.TRAIN, train);
        speakers.put(Usage.TEST, test);
        speakers.put(Usage.VALIDATION, speakerValidation ? validation : train);
        return new DatasetSplit(Method.SPEAKER, seed, description, parts, speakers);
    }

    /**
     * Holds whole speakers out within every corpus of a combined dataset, so the test and validation parts hold
     * speakers of every corpus that has enough of them: per corpus of {@code n} speakers, shuffled with the seed,
     * {@code max(1, round(n * 0.15))} go to test when {@code n >= 2} and as many to validation when {@code n >= 3};
     * the rest train. A corpus labelled with arousal alone ({@link EmotionLabels#AROUSAL_LEVELS}) trains whole and
     * leaves the other corpora's choice as without it. This is the model-selection rule of the default model:
     * validation on unseen speakers drawn from several corpora and languages.
     *
     * @param clips the clips, speakers namespaced by corpus ({@code tess-OAF}, as {@link CombinedDataset} lists
     *     them)
     * @param seed the shuffle seed
     * @return the split
     */
    public static DatasetSplit byCorpusSpeaker(Collection<Clip> clips, long seed) {
        return corpusSplit(clips, null, seed);
    }

    /**
     * Holds one whole corpus out for test (leave-one-corpus-out) and, from every other corpus, validation speakers
     * as {@link #byCorpusSpeaker} chooses them; everything else trains. The test figures then say how the model
     * does on a language, speakers and recording conditions it has never heard.
     *
     * @param clips the clips of a combined dataset
     * @param testCorpus the corpus to hold out, such as {@code emodb}
     * @param seed the shuffle seed
     * @return the split
     * @throws IllegalArgumentException when the corpus is not among the clips, or is the only one
     */
    public static DatasetSplit leaveCorpusOut(Collection<Clip> clips, String testCorpus, long seed) {
        Objects.requireNonNull(testCorpus, "testCorpus");
        return corpusSplit(clips, testCorpus, seed);
    }

    private static DatasetSplit corpusSplit(Collection<Clip> clips, String testCorpus, long seed) {
        Map<String, List<Clip>> byCorpus = byKey(clips, DatasetSplit::corpusOf);
        if (testCorpus != null) {
            if (!byCorpus.containsKey(testCorpus)) {
                throw new IllegalArgumentException("--test-corpus " + testCorpus + " is not among the corpora ("
                    + String.join(", ", byCorpus.keySet()) + ")");
            }
            if (byCorpus.size() < 2) {
                throw new IllegalArgumentException("leaving " + testCorpus + " out leaves no corpus to train on");
            }
        }
        Map<Usage, Set<String>> parts = emptyParts();
        Map<Usage, Set<String>> speakers = new EnumMap<>(Usage.class);
        for (Usage usage : Usage.values()) {
            speakers.put(usage, new TreeSet<>());
        }
        Random random = new Random(seed);
        for (Map.Entry<String, List<Clip>> corpus : byCorpus.entrySet()) {
            Map<String, List<Clip>> bySpeaker = byKey(corpus.getValue(), Clip::speaker);
            List<String> free = new ArrayList<>(bySpeaker.keySet());
            Set<String> test = new TreeSet<>();
            Set<String> validation = new TreeSet<>();
            if (corpus.getKey().equals(testCorpus)) {
                test.addAll(free);
                free.clear();
            } else if (corpus.getValue().stream().allMatch(c -> EmotionLabels.isArousalLevel(c.label()))) {
                // labelled with arousal alone (BAVED): nothing to validate or test an emotion on, so it all
                // trains, and drawing no speakers keeps the other corpora's split as without it
                free.clear();
            } else {
                Collections.shuffle(free, random);
                int share = Math.max(1, (int) Math.round(free.size() * CORPUS_SPEAKER_SHARE));
                if (testCorpus == null && free.size() >= 2) {
                    take(free, test, share);
                }
                if (free.size() >= 3 || (testCorpus != null && free.size() >= 2)) {
                    take(free, validation, share);
                }
            }
            for (Map.Entry<String, List<Clip>> e : bySpeaker.entrySet()) {
                Usage usage = test.contains(e.getKey()) ? Usage.TEST
                    : validation.contains(e.getKey()) ? Usage.VALIDATION : Usage.TRAIN;
                e.getValue().forEach(c -> parts.get(usage).add(c.id()));
                speakers.get(usage).add(e.getKey());
            }
        }
        String description = testCorpus != null
            ? "leave-one-corpus-out: test corpus " + testCorpus + " (speakers " + String.join(", ",
                speakers.get(Usage.TEST)) + "); validation speakers " + String.join(", ",
                speakers.get(Usage.VALIDATION)) + "; seed " + seed
            : "speakers held out within each corpus: test speakers " + String.join(", ", speakers.get(Usage.TEST))
                + "; validation speakers " + String.join(", ", speakers.get(Usage.VALIDATION)) + "; seed " + seed;
        return new DatasetSplit(testCorpus != null ? Method.CORPUS : Method.CORPUS_SPEAKER, seed, description,
            parts, speakers);
    }

    /**
     * The corpus of a clip listed by {@link CombinedDataset}: the part of its id before the separator when its
     * speaker carries the same prefix; empty for a clip of a single corpus.
     *
     * @param clip a clip
     * @return the corpus name, or an empty string
     */
    static String corpusOf(Clip clip) {
        int slash = clip.id().indexOf(CombinedDataset.ID_SEPARATOR);
        if (slash > 0) {
            String corpus = clip.id().substring(0, slash);
            if (clip.speaker().startsWith(corpus + CombinedDataset.SPEAKER_SEPARATOR)) {
                return corpus;
            }
        }
        return "";
    }

    /**
     * Puts every clip in the training part: for a final model trained on all the data, or, read the other way,
     * for evaluating on everything.
     *
     * @param clips the corpus's clips
     * @return the split
     */
    public static DatasetSplit all(Collection<Clip> clips) {
        Map<Usage, Set<String>> parts = emptyParts();
        clips.forEach(c -> parts.get(Usage.TRAIN).add(c.id()));
        return new DatasetSplit(Method.ALL, 0, "all clips for training; no validation or test part", parts,
            speakersOf(clips, parts));
    }

    /**
     * How the split was made.
     *
     * @return the method
     */
    public Method method() {
        return method;
    }

    /**
     * The seed the split was made with.
     *
     * @return the seed (0 for {@link Method#ALL})
     */
    public long seed() {
        return seed;
    }

    /**
     * A sentence for the model card, such as {@code stratified random split by label, 80/10/10 % ..., seed 42}.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * The clip ids of one part.
     *
     * @param usage the part
     * @return sorted ids, unmodifiable
     */
    public Set<String> ids(Usage usage) {
        return ids.get(usage);
    }

    /**
     * The speakers whose clips are in one part.
     *
     * @param usage the part
     * @return sorted speaker ids, unmodifiable
     */
    public Set<String> speakers(Usage usage) {
        return speakers.get(usage);
    }

    /**
     * Writes the split as JSON.
     *
     * @param file where to write, usually {@code <model>/split.json}
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        SplitFile f = new SplitFile();
        f.method = method.id();
        f.seed = seed;
        f.description = description;
        f.trainSpeakers = new ArrayList<>(speakers.get(Usage.TRAIN));
        f.validationSpeakers = new ArrayList<>(speakers.get(Usage.VALIDATION));
        f.testSpeakers = new ArrayList<>(speakers.get(Usage.TEST));
        f.train = new ArrayList<>(ids.get(Usage.TRAIN));
        f.validation = new ArrayList<>(ids.get(Usage.VALIDATION));
        f.test = new ArrayList<>(ids.get(Usage.TEST));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), f);
    }

    /**
     * Reads a split written by {@link #write}.
     *
     * @param file the JSON file
     * @return the split
     * @throws IOException if the file is missing or not a split; the message names the file
     */
    public static DatasetSplit read(Path file) throws IOException {
        SplitFile f;
        try {
            f = JSON.readValue(file.toFile(), SplitFile.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IOException(file + ": no such file");
        } catch (IOException e) {
            throw new IOException(file + ": not a split file (" + firstLine(e.getMessage()) + ")", e);
        }
        if (f == null || f.method == null || f.train == null) {
            throw new IOException(file + ": not a split file (no method or train list)");
        }
        Method method;
        try {
            method = Method.fromId(f.method);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        Map<Usage, Set<String>> parts = emptyParts();
        parts.get(Usage.TRAIN).addAll(f.train);
        parts.get(Usage.VALIDATION).addAll(nonNull(f.validation));
        parts.get(Usage.TEST).addAll(nonNull(f.test));
        Map<Usage, Set<String>> speakers = new EnumMap<>(Usage.class);
        speakers.put(Usage.TRAIN, new TreeSet<>(nonNull(f.trainSpeakers)));
        speakers.put(Usage.VALIDATION, new TreeSet<>(nonNull(f.validationSpeakers)));
        speakers.put(Usage.TEST, new TreeSet<>(nonNull(f.testSpeakers)));
        return new DatasetSplit(method, f.seed, f.description == null ? method.id() : f.description, parts,
            speakers);
    }

    @Override
    public String toString() {
        return description + " (" + ids.get(Usage.TRAIN).size() + "/" + ids.get(Usage.VALIDATION).size() + "/"
            + ids.get(Usage.TEST).size() + " clips)";
    }

    private static void assignStratified(List<Clip> group, double validation, double test, Random random,
                                         Map<Usage, Set<String>> parts) {
        List<Clip> shuffled = new ArrayList<>(group);
        Collections.shuffle(shuffled, random);
        int n = shuffled.size();
        int nTest = (int) Math.round(n * test);
        int nValidation = (int) Math.min(n - nTest, Math.round(n * validation));
        for (int i = 0; i < n; i++) {
            Usage usage = i < nTest ? Usage.TEST : i < nTest + nValidation ? Usage.VALIDATION : Usage.TRAIN;
            parts.get(usage).add(shuffled.get(i).id());
        }
    }

    /** Groups clips by a key, keys sorted and each group sorted by id, so that shuffles are reproducible. */
    private static Map<String, List<Clip>> byKey(Collection<Clip> clips, Function<Clip, String> key) {
        Map<String, List<Clip>> groups = new TreeMap<>();
        for (Clip clip : clips) {
            groups.computeIfAbsent(key.apply(clip), k -> new ArrayList<>()).add(clip);
        }
        groups.values().forEach(g -> g.sort((a, b) -> a.id().compareTo(b.id())));
        return groups;
    }

    private static Map<Usage, Set<String>> speakersOf(Collection<Clip> clips, Map<Usage, Set<String>> parts) {
        Map<Usage, Set<String>> speakers = new EnumMap<>(Usage.class);
        for (Usage usage : Usage.values()) {
            Set<String> part = parts.get(usage);
            speakers.put(usage, clips.stream().filter(c -> part.contains(c.id())).map(Clip::speaker)
                .collect(Collectors.toCollection(TreeSet::new)));
        }
        return speakers;
    }

    private static Map<Usage, Set<String>> emptyParts() {
        Map<Usage, Set<String>> parts = new EnumMap<>(Usage.class);
        for (Usage usage : Usage.values()) {
            parts.put(usage, new TreeSet<>());
        }
        return parts;
    }

    private static void take(List<String> from, Set<String> to, int count) {
        // Keep at least one speaker for training.
        while (count-- > 0 && from.size() > 1) {
            to.add(from.remove(0));
        }
    }

    private static Set<String> concat(Collection<String> a, Collection<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> nonNull(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The JSON form of a split. */
    static final class SplitFile {
        public String method;
        public long seed;
        public String description;
        public List<String> trainSpeakers;
        public List<String> validationSpeakers;
        public List<String> testSpeakers;
        public List<String> train;
        public List<String> validation;
        public List<String> test;
    }
}
