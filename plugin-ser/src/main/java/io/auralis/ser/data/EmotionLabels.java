package io.auralis.ser.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The cross-corpus emotion vocabulary and the names corpora use for it.
 *
 * <p>Every dataset reader maps its corpus's own codes to these names, so that a model trained on one corpus can be
 * evaluated on another: {@code angry, disgust, fear, happy, neutral, sad, surprise, boredom, calm}. Custom datasets
 * (CSV manifests) may use other labels; they keep their own lower-case names.
 */
public final class EmotionLabels {

    /** The shared vocabulary, in the order classes are numbered when a dataset does not say otherwise. */
    public static final List<String> VOCABULARY =
        List.of("angry", "disgust", "fear", "happy", "neutral", "sad", "surprise", "boredom", "calm");

    /**
     * The labels of a corpus that names arousal alone (BAVED), in the order of an arousal head's outputs: low,
     * neutral, high. They are outside the vocabulary, so a categorical model leaves such clips out unless they are
     * mapped.
     */
    public static final List<String> AROUSAL_LEVELS = List.of("arousal_low", "arousal_neutral", "arousal_high");

    /**
     * The arousal of each emotion, as the arousal head learns it: the usual reading of the circumplex (Russell,
     * 1980) for acted speech. Disgust is left without one: corpora act it both ways.
     */
    private static final Map<String, Integer> AROUSAL = Map.of(
        "angry", 2, "fear", 2, "happy", 2, "surprise", 2,
        "neutral", 1, "calm", 1,
        "sad", 0, "boredom", 0);

    /** What a custom label may look like: a lower-case word, digits, '-' and '_' allowed after the first letter. */
    private static final Pattern CUSTOM_LABEL = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
        Map.entry("anger", "angry"), Map.entry("ang", "angry"), Map.entry("mad", "angry"),
        Map.entry("disgusted", "disgust"), Map.entry("dis", "disgust"),
        Map.entry("fearful", "fear"), Map.entry("afraid", "fear"), Map.entry("fea", "fear"),
        Map.entry("happiness", "happy"), Map.entry("hap", "happy"), Map.entry("joy", "happy"),
        Map.entry("neu", "neutral"),
        Map.entry("sadness", "sad"),
        Map.entry("surprised", "surprise"), Map.entry("sur", "surprise"), Map.entry("ps", "surprise"),
        Map.entry("pleasant_surprise", "surprise"), Map.entry("pleasant_surprised", "surprise"),
        Map.entry("pleasant-surprise", "surprise"), Map.entry("pleasant surprise", "surprise"),
        Map.entry("bored", "boredom"), Map.entry("calmness", "calm"));

    private EmotionLabels() {
    }

    /**
     * The vocabulary name for a label, if it is one or a known synonym ({@code anger}, {@code fearful},
     * {@code pleasant_surprise}, {@code ps}, ...), ignoring case.
     *
     * @param label a label as a corpus or manifest writes it
     * @return the vocabulary name, or empty when the label is not an emotion of the vocabulary
     */
    public static Optional<String> canonical(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String key = label.trim().toLowerCase(Locale.ROOT);
        if (VOCABULARY.contains(key)) {
            return Optional.of(key);
        }
        return Optional.ofNullable(SYNONYMS.get(key));
    }

    /**
     * The name a custom label is stored under: its vocabulary name when it has one, else the lower-cased label.
     *
     * @param label a label from a manifest
     * @return the name to store
     * @throws IllegalArgumentException when the label is empty or not a word (letters, digits, '-', '_')
     */
    public static String normalise(String label) {
        Optional<String> known = canonical(label);
        if (known.isPresent()) {
            return known.get();
        }
        String key = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        if (!CUSTOM_LABEL.matcher(key).matches()) {
            throw new IllegalArgumentException(key.isEmpty() ? "empty label"
                : "label '" + label.trim() + "' is not a word (letters, digits, '-' and '_', up to 64)");
        }
        return key;
    }

    /**
     * The arousal level of a label: an {@link #AROUSAL_LEVELS} name's own, else that of its emotion (angry, fear,
     * happy and surprise high; neutral and calm neutral; sad and boredom low).
     *
     * @param label a clip's (mapped) label
     * @return the index into {@link #AROUSAL_LEVELS}, or -1 when the label says nothing about arousal (disgust, a
     *     custom label)
     */
    public static int arousal(String label) {
        int level = AROUSAL_LEVELS.indexOf(label);
        return level >= 0 ? level : AROUSAL.getOrDefault(label, -1);
    }

    /**
     * Whether a label names an arousal level alone, with no emotion.
     *
     * @param label a clip's (mapped) label
     * @return {@code true} for an {@link #AROUSAL_LEVELS} name
     */
    public static boolean isArousalLevel(String label) {
        return AROUSAL_LEVELS.contains(label);
    }

    /**
     * Orders a set of labels the way classes are numbered by default: vocabulary names in vocabulary order, then
     * any other labels alphabetically. A fixed order makes class indices independent of file-system order.
     *
     * @param labels the labels present
     * @return a new list without duplicates
     */
    public static List<String> order(Collection<String> labels) {
        List<String> ordered = new ArrayList<>();
        for (String name : VOCABULARY) {
            if (labels.contains(name)) {
                ordered.add(name);
            }
        }
        for (String other : new TreeSet<>(labels)) {
            if (!VOCABULARY.contains(other)) {
                ordered.add(other);
            }
        }
        return ordered;
    }
}
