package io.auralis.api.extractor;

import java.util.List;

/**
 * Everything a host needs to validate, chain and write an output it knows nothing else about
 * (after Vamp's {@code OutputDescriptor}). A plain data object.
 */
public class OutputDescriptor {
    /** Identifier, unique within its extractor: letters, digits, {@code _} and {@code -}. */
    public String id;

    /** Human-readable name. */
    public String name;

    /** What the values mean. */
    public String description;

    /**
     * What the output is, independently of who computes it: for example {@code pitch}, {@code loudness},
     * {@code segment}, or {@link io.auralis.api.emotion.EmotionFeatures#KIND}. Inputs accept outputs by kind,
     * so that a consumer works with any extractor that produces what it understands.
     */
    public String kind;

    /** Unit of the values, such as {@code Hz} or {@code dBFS}; {@code null} when they have none. */
    public String unit;

    /** Number of values in each feature, or {@code -1} when it varies. */
    public int binCount = 1;

    /** Names of the values in order, or {@code null}; for emotion outputs, the class names. */
    public List<String> binNames;

    /** Smallest value the output can take, or {@code null} when unknown. */
    public Double minValue;

    /** Largest value the output can take, or {@code null} when unknown. */
    public Double maxValue;

    /** How features are placed in time. */
    public SampleType sampleType = SampleType.ONE_PER_BLOCK;

    /** Features per second, for {@link SampleType#FIXED_RATE}. */
    public double sampleRate;

    /** Whether features span an interval ({@link Feature#duration} is meaningful) or mark an instant. */
    public boolean hasDuration;

    /**
     * The trained model that computes the values, or {@code null} for outputs computed without one (signal
     * processing). An extractor whose model depends on a parameter sets it in
     * {@link FeatureExtractor#outputs(java.util.Map, Parameters)}; the host gathers the models of every step into
     * the run's description for writers ({@code io.auralis.api.output.RunInfo}).
     *
     * @since 1.2
     */
    public ModelDescriptor model;

    /** Creates an empty descriptor. */
    public OutputDescriptor() {
    }

    /**
     * Creates a descriptor with the fields every output needs.
     *
     * @param id identifier, unique within its extractor
     * @param name human-readable name
     * @param kind what the output is, such as {@code pitch}
     * @param unit unit of the values, or {@code null}
     * @param binCount number of values per feature, or {@code -1}
     * @param sampleType how features are placed in time
     * @param hasDuration whether features span an interval
     */
    public OutputDescriptor(String id, String name, String kind, String unit, int binCount, SampleType sampleType,
            boolean hasDuration) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.unit = unit;
        this.binCount = binCount;
        this.sampleType = sampleType;
        this.hasDuration = hasDuration;
    }
}
