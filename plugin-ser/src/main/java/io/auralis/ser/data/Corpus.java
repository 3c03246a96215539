package io.auralis.ser.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The corpora Auralis reads, by the name the command line uses ({@code --dataset tess}).
 */
public enum Corpus {
    /** Toronto Emotional Speech Set. */
    TESS("tess", TessDataset::builder),
    /** RAVDESS, audio-only speech. */
    RAVDESS("ravdess", RavdessDataset::builder),
    /** Berlin Database of Emotional Speech. */
    EMODB("emodb", EmoDbDataset::builder),
    /** IEMOCAP, four-class protocol. */
    IEMOCAP("iemocap", IemocapDataset::builder),
    /** Amharic Speech Emotional Dataset. */
    ASED("ased", AsedDataset::builder),
    /** nEMO, Polish emotional speech. */
    NEMO("nemo", NemoDataset::builder),
    /** Turkish Emotion-Voice Database. */
    TUREV("turev", TurevDataset::builder),
    /** The public part of emotiontts_open_db, Korean. */
    EMOTIONTTS("emotiontts", EmotionTtsDataset::builder),
    /** Basic Arabic Vocal Emotions Dataset (arousal levels). */
    BAVED("baved", BavedDataset::builder),
    /** A CSV manifest of {@code path,label[,speaker]}. */
    CSV("csv", ManifestDataset::builder);

    private final String id;
    private final Supplier<SpeechEmotionDataset.BaseBuilder<?>> builder;

    Corpus(String id, Supplier<SpeechEmotionDataset.BaseBuilder<?>> builder) {
        this.id = id;
        this.builder = builder;
    }

    /**
     * The command-line name.
     *
     * @return a lower-case word
     */
    public String id() {
        return id;
    }

    /**
     * Starts a builder of this corpus's dataset.
     *
     * @return a new builder
     */
    public SpeechEmotionDataset.BaseBuilder<?> builder() {
        return builder.get();
    }

    /**
     * Finds a corpus by its command-line name, ignoring case.
     *
     * @param name the name
     * @return the corpus
     * @throws IllegalArgumentException naming the choices
     */
    public static Corpus fromId(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Corpus c : values()) {
            if (c.id.equals(n)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + name + "' (expected "
            + Arrays.stream(values()).map(Corpus::id).collect(Collectors.joining(", ")) + ")");
    }
}
