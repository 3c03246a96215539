package io.auralis.ser.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One labelled recording of a corpus, as its reader lists it before any audio is decoded.
 *
 * @param id the file's path relative to the corpus root with {@code /} separators; stable across machines, so
 *     splits are saved as lists of ids
 * @param file where the audio is
 * @param label the emotion, a name of {@link EmotionLabels#VOCABULARY} for the built-in corpora
 * @param speaker who speaks, as the corpus identifies speakers ({@code OAF}, {@code 03}, {@code Ses01F}, ...)
 */
public record Clip(String id, Path file, String label, String speaker) {

    /**
     * Checks that every part is present.
     *
     * @param id the relative id
     * @param file the audio file
     * @param label the emotion
     * @param speaker the speaker
     */
    public Clip {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(speaker, "speaker");
    }
}
