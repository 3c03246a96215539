package io.auralis.api.extractor;

/**
 * A trained model behind an output, as the extractor that runs it describes it: which model computed the values
 * and how far to trust them, for writers to show beside the results (an HTML report's model box) without reading
 * the model's files themselves. Set as {@link OutputDescriptor#model}; a plain data object.
 *
 * @since 1.2
 */
public class ModelDescriptor {
    /** The model's name, such as {@code default}. */
    public String name;

    /** Its version as the model states it, or its training date when it states none; {@code null} when unknown. */
    public String version;

    /** What the model is and what it was trained on, or {@code null}. */
    public String description;

    /** The network, such as {@code cnn5gru}, or {@code null}. */
    public String architecture;

    /**
     * Accuracy on corpora the model never heard, from 0 to 1 (for a classifier the mean unweighted accuracy of
     * leave-one-corpus-out runs), as its card states it; {@code null} when the card states none. The figure to
     * judge a label by: accuracy on a model's own test speakers overstates how it does on new recordings.
     */
    public Double crossCorpusAccuracy;

    /** How {@link #crossCorpusAccuracy} was measured (corpora, classes), or {@code null}. */
    public String crossCorpusProtocol;

    /** Accuracy on held-out test speakers of its own training corpora, from 0 to 1 (unweighted), or {@code null}. */
    public Double testAccuracy;

    /** Where it was loaded from, such as its folder, or {@code null}. */
    public String location;

    /** Creates an empty descriptor. */
    public ModelDescriptor() {
    }
}
