package io.auralis.ser.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One corpus and where it is: a {@code --dataset} name paired with its {@code --data} path. Training on several
 * corpora at once takes one source per corpus, given on the command line as parallel comma-separated lists
 * ({@code --dataset tess,emodb --data /corpora/tess,/corpora/emodb}).
 *
 * @param corpus the corpus's reader
 * @param data its folder, or the manifest file for {@link Corpus#CSV}
 */
public record CorpusSource(Corpus corpus, Path data) {

    /** What separates the entries of {@code --dataset} and {@code --data} lists. */
    public static final String SEPARATOR = ",";

    /**
     * Checks that both parts are present.
     *
     * @param corpus the corpus
     * @param data its location
     */
    public CorpusSource {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(data, "data");
    }

    /**
     * Pairs a comma-separated list of corpus names with a list of as many paths, in the same order.
     *
     * @param datasets corpus names, such as {@code tess,emodb}
     * @param data paths, such as {@code /corpora/tess,/corpora/emodb}; a path of a single source may hold commas
     * @param resolve turns each path as written into a path (relative to the working folder, say)
     * @return the sources, at least one
     * @throws IllegalArgumentException for an unknown name, a corpus named twice, or lists of different lengths
     */
    public static List<CorpusSource> parse(String datasets, String data, Function<String, Path> resolve) {
        List<String> names = items(datasets);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("--dataset is empty");
        }
        // One corpus: the path is taken whole, so a folder whose name holds a comma still works as before.
        List<String> paths = names.size() == 1 ? List.of(data.trim()) : items(data);
        if (paths.size() != names.size()) {
            throw new IllegalArgumentException("--dataset names " + names.size() + " corpora (" + String.join(", ",
                names) + ") but --data gives " + paths.size() + " path" + (paths.size() == 1 ? "" : "s")
                + "; give one path per corpus, in the same order, separated by commas");
        }
        List<CorpusSource> sources = new ArrayList<>();
        Set<Corpus> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            Corpus corpus = Corpus.fromId(names.get(i));
            if (!seen.add(corpus)) {
                throw new IllegalArgumentException("--dataset names " + corpus.id() + " twice");
            }
            if (paths.get(i).isEmpty()) {
                throw new IllegalArgumentException("--data has an empty path for " + corpus.id());
            }
            sources.add(new CorpusSource(corpus, resolve.apply(paths.get(i))));
        }
        return List.copyOf(sources);
    }

    /**
     * The sources' corpus names as {@code --dataset} takes them: {@code tess,emodb}.
     *
     * @param sources the sources
     * @return the names joined by commas
     */
    public static String datasetIds(List<CorpusSource> sources) {
        return sources.stream().map(s -> s.corpus().id()).collect(Collectors.joining(SEPARATOR));
    }

    /**
     * The sources' absolute paths as {@code --data} takes them, in the same order as {@link #datasetIds}.
     *
     * @param sources the sources
     * @return the paths joined by commas
     */
    public static String dataPaths(List<CorpusSource> sources) {
        return sources.stream().map(s -> s.data().toAbsolutePath().normalize().toString())
            .collect(Collectors.joining(SEPARATOR));
    }

    /**
     * Starts a builder of a dataset reading these sources: the corpus's own reader for one source, a
     * {@link CombinedDataset} for several.
     *
     * @param sources at least one source
     * @return a builder with its root or sources set
     */
    public static SpeechEmotionDataset.BaseBuilder<?> builder(List<CorpusSource> sources) {
        if (sources.size() == 1) {
            return sources.get(0).corpus().builder().setRoot(sources.get(0).data());
        }
        return CombinedDataset.builder().setSources(sources);
    }

    private static List<String> items(String list) {
        List<String> items = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return items;
        }
        for (String item : list.split(SEPARATOR, -1)) {
            items.add(item.trim());
        }
        return items;
    }
}
