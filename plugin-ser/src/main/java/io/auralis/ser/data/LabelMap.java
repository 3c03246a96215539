package io.auralis.ser.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Renames corpus labels before classes are chosen: the non-obvious mappings of a cross-corpus vocabulary, such as
 * TurEV-DB's {@code calm} read as {@code neutral}, or EmoDB's {@code boredom} kept apart (the default) or read as
 * {@code neutral}. Given on the command line as {@code --map calm=neutral,boredom=neutral}; a label mapped to
 * itself ({@code calm=calm}) undoes a default.
 *
 * <p>The map is applied once to every clip a reader lists, so the class list, the split and the counts of
 * left-out labels all see the mapped names. It is stored with a training run, so a resumed run and the model card
 * say what was merged.
 */
public final class LabelMap {

    /** No renaming. */
    public static final LabelMap NONE = new LabelMap(Map.of());

    /**
     * What {@code ser train} and {@code ser evaluate} apply unless told otherwise: TurEV-DB's (and RAVDESS's)
     * {@code calm} is low-arousal neutral speech, and the cross-corpus protocol has no calm class.
     */
    public static final String DEFAULT = "calm=neutral";

    private final Map<String, String> renames;

    private LabelMap(Map<String, String> renames) {
        this.renames = Collections.unmodifiableMap(new LinkedHashMap<>(renames));
    }

    /**
     * Reads a map written as {@code from=to[,from=to...]}; names are normalised as labels are
     * ({@code anger} is {@code angry}).
     *
     * @param spec the map, or {@code null} or blank for none
     * @return the map
     * @throws IllegalArgumentException for an entry without {@code =}, an empty or malformed name, or a label
     *     mapped twice
     */
    public static LabelMap parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        Map<String, String> renames = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--map entry '" + entry.trim() + "' is not from=to (e.g. "
                    + "calm=neutral)");
            }
            String from = EmotionLabels.normalise(entry.substring(0, eq));
            String to = EmotionLabels.normalise(entry.substring(eq + 1));
            if (renames.containsKey(from)) {
                throw new IllegalArgumentException("--map names '" + from + "' twice");
            }
            renames.put(from, to);
        }
        return new LabelMap(renames);
    }

    /**
     * The map that results from the default with the given entries on top: an entry for a label the default maps
     * replaces the default's.
     *
     * @param spec the user's {@code --map}, or {@code null}
     * @return the combined map
     */
    public static LabelMap withDefaults(String spec) {
        Map<String, String> combined = new LinkedHashMap<>(parse(DEFAULT).renames);
        combined.putAll(parse(spec).renames);
        return new LabelMap(combined);
    }

    /**
     * The label a clip gets.
     *
     * @param label the corpus's label
     * @return the mapped label, or the label itself when the map does not name it
     */
    public String apply(String label) {
        return renames.getOrDefault(label, label);
    }

    /**
     * Maps a clip's label.
     *
     * @param clip a listed clip
     * @return the same clip, or a copy with the mapped label
     */
    public Clip apply(Clip clip) {
        String mapped = apply(clip.label());
        return mapped.equals(clip.label()) ? clip : new Clip(clip.id(), clip.file(), mapped, clip.speaker());
    }

    /**
     * The renames in effect, identity entries left out.
     *
     * @return from to to, in the order given
     */
    public Map<String, String> renames() {
        Map<String, String> effective = new LinkedHashMap<>();
        renames.forEach((from, to) -> {
            if (!from.equals(to)) {
                effective.put(from, to);
            }
        });
        return effective;
    }

    /**
     * The map as {@link #parse} reads it back, with identity entries left out.
     *
     * @return such as {@code calm=neutral}, or an empty string for no renaming
     */
    public String spec() {
        return renames().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelMap other && renames().equals(other.renames());
    }

    @Override
    public int hashCode() {
        return Objects.hash(renames());
    }

    @Override
    public String toString() {
        Map<String, String> effective = renames();
        return effective.isEmpty() ? "no label renaming" : "labels renamed " + effective.entrySet().stream()
            .map(e -> e.getKey() + " -> " + e.getValue()).collect(Collectors.joining(", "));
    }
}
