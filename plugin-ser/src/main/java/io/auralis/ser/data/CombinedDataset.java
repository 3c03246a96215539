package io.auralis.ser.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Several corpora read as one, for training on more speakers and recording conditions than one corpus has: the
 * clips of each {@link CorpusSource}, listed by that corpus's own reader, with ids and speakers namespaced by the
 * corpus so they cannot collide and a speaker split can name speakers of any of them.
 *
 * <p>A clip of corpus {@code tess} with id {@code OAF_angry/OAF_back_angry.wav} and speaker {@code OAF} becomes
 * id {@code tess/OAF_angry/OAF_back_angry.wav} and speaker {@code tess-OAF}; EmoDB's actor {@code 03} becomes
 * {@code emodb-03}. Labels are already in the cross-corpus vocabulary, so {@code --classes} picks the shared set
 * and clips of the other labels are left out and counted like those of a single corpus.
 */
public final class CombinedDataset extends SpeechEmotionDataset {

    /** Separates the corpus from its own id in a clip id. */
    public static final String ID_SEPARATOR = "/";
    /** Separates the corpus from its own speaker id. */
    public static final String SPEAKER_SEPARATOR = "-";

    private final List<CorpusSource> sources;

    private CombinedDataset(Builder builder) {
        super(builder);
        this.sources = builder.sources;
    }

    /**
     * Starts a builder; {@link Builder#setSources} replaces {@link BaseBuilder#setRoot}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The corpora read, in the order given.
     *
     * @return the sources
     */
    public List<CorpusSource> sources() {
        return sources;
    }

    /**
     * The corpus names joined as {@code --dataset} takes them.
     *
     * @return such as {@code tess,emodb}
     */
    @Override
    public String corpus() {
        return CorpusSource.datasetIds(sources);
    }

    @Override
    public String license() {
        List<String> licenses = new ArrayList<>();
        for (CorpusSource source : sources) {
            licenses.add(reader(source).license());
        }
        return String.join("; ", licenses);
    }

    @Override
    protected void checkExists() throws IOException {
        for (CorpusSource source : sources) {
            reader(source).checkExists();
        }
    }

    @Override
    protected Path fileOf(String id) {
        int slash = id.indexOf(ID_SEPARATOR);
        if (slash > 0) {
            for (CorpusSource source : sources) {
                if (source.corpus().id().equals(id.substring(0, slash))) {
                    return reader(source).fileOf(id.substring(slash + 1));
                }
            }
        }
        return Path.of(id);
    }

    @Override
    protected List<Clip> listClips(Consumer<SkippedFile> problems) throws IOException {
        List<Clip> clips = new ArrayList<>();
        for (CorpusSource source : sources) {
            SpeechEmotionDataset reader = reader(source);
            String corpus = source.corpus().id();
            for (Clip clip : reader.catalog()) {
                clips.add(new Clip(corpus + ID_SEPARATOR + clip.id(), clip.file(), clip.label(),
                    corpus + SPEAKER_SEPARATOR + clip.speaker()));
            }
            reader.listingProblems().forEach(problems);
        }
        return clips;
    }

    @Override
    public String corpusOf(Clip clip) {
        int slash = clip.id().indexOf(ID_SEPARATOR);
        return slash > 0 ? clip.id().substring(0, slash) : corpus();
    }

    /** A lister of one source; it decodes nothing, this dataset does. */
    private SpeechEmotionDataset reader(CorpusSource source) {
        return source.corpus().builder().setRoot(source.data()).setDecoder(decoder()).build();
    }

    /** Builds a {@link CombinedDataset}. */
    public static final class Builder extends BaseBuilder<Builder> {
        private List<CorpusSource> sources;

        private Builder() {
        }

        /**
         * Sets the corpora, at least two, each named once.
         *
         * @param sources the corpora and their locations, in order
         * @return this builder
         * @throws IllegalArgumentException for fewer than two sources or a corpus given twice
         */
        public Builder setSources(List<CorpusSource> sources) {
            if (sources.size() < 2) {
                throw new IllegalArgumentException("a combined dataset needs at least two corpora, got "
                    + sources.size());
            }
            if (sources.stream().map(CorpusSource::corpus).distinct().count() != sources.size()) {
                throw new IllegalArgumentException("a corpus is given twice: " + sources.stream()
                    .map(s -> s.corpus().id()).collect(Collectors.joining(", ")));
            }
            this.sources = List.copyOf(sources);
            // The base class wants one root; messages about a single file go through fileOf instead.
            this.root = sources.get(0).data();
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        public CombinedDataset build() {
            Objects.requireNonNull(sources, "the corpora must be set (setSources)");
            return new CombinedDataset(this);
        }
    }
}
