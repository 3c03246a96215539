package io.auralis.ser.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Toronto Emotional Speech Set (TESS): two female speakers ({@code OAF} older, {@code YAF} younger) saying
 * "Say the word ___" for 200 words in 7 emotions, 2800 files.
 *
 * <p>Distributed as {@code <SPEAKER>_<emotion>/<SPEAKER>_<word>_<emotion>.wav} with inconsistent folder names
 * ({@code OAF_Fear}, {@code YAF_pleasant_surprised}), so the label comes from the file name's last
 * underscore-separated token: {@code angry, disgust, fear, happy, neutral, sad}, and {@code ps} or
 * {@code pleasant_surprise(d)} for surprise. The speaker is the file name's first token; one file
 * ({@code OAF_neutral/OA_bite_neutral.wav}) has a malformed prefix, and then the parent folder's speaker is used.
 * The folder layout itself does not matter: any tree of such files is read.
 *
 * <p>License: CC BY-NC-ND 4.0 (University of Toronto). Models trained on it are for research and non-commercial
 * use.
 */
public final class TessDataset extends SpeechEmotionDataset {

    /** The corpus's two speakers. */
    public static final Set<String> SPEAKERS = Set.of("OAF", "YAF");

    private static final Set<String> EMOTIONS = Set.of("angry", "disgust", "fear", "happy", "neutral", "sad",
        "surprise");

    private TessDataset(BaseBuilder<?> builder) {
        super(builder);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static ReaderBuilder<TessDataset> builder() {
        return new ReaderBuilder<>(TessDataset::new);
    }

    @Override
    public String corpus() {
        return "tess";
    }

    @Override
    public String license() {
        return "CC BY-NC-ND 4.0 (Toronto Emotional Speech Set, University of Toronto): models trained on it are for "
            + "research and non-commercial use only";
    }

    @Override
    protected String layoutHint() {
        return "expected <SPEAKER>_<word>_<emotion>.wav files, e.g. OAF_Fear/OAF_back_fear.wav";
    }

    @Override
    protected List<Clip> listClips(Consumer<SkippedFile> problems) throws IOException {
        List<Clip> clips = new ArrayList<>();
        for (Path file : wavFiles(root)) {
            String name = file.getFileName().toString();
            String[] tokens = name.substring(0, name.length() - 4).split("_");
            if (tokens.length < 2) {
                problems.accept(new SkippedFile(file.toString(),
                    "not a TESS file name (expected <SPEAKER>_<word>_<emotion>.wav)"));
                continue;
            }
            Optional<String> label = label(tokens);
            if (label.isEmpty()) {
                problems.accept(new SkippedFile(file.toString(), "unknown emotion '" + tokens[tokens.length - 1]
                    + "' (expected angry, disgust, fear, happy, neutral, sad, ps or pleasant_surprise)"));
                continue;
            }
            Optional<String> speaker = speaker(file, tokens[0]);
            if (speaker.isEmpty()) {
                problems.accept(new SkippedFile(file.toString(), "cannot tell the speaker: neither the file name nor "
                    + "its folder starts with OAF or YAF"));
                continue;
            }
            clips.add(new Clip(idOf(file), file, label.get(), speaker.get()));
        }
        return clips;
    }

    private static Optional<String> label(String[] tokens) {
        String last = tokens[tokens.length - 1].toLowerCase(Locale.ROOT);
        if ((last.equals("surprise") || last.equals("surprised")) && tokens.length >= 3
            && tokens[tokens.length - 2].equalsIgnoreCase("pleasant")) {
            return Optional.of("surprise");
        }
        return EmotionLabels.canonical(last).filter(EMOTIONS::contains);
    }

    /** The file name's speaker, or its folder's when the name's prefix is malformed ({@code OA_bite_neutral}). */
    private static Optional<String> speaker(Path file, String prefix) {
        String fromName = prefix.toUpperCase(Locale.ROOT);
        if (SPEAKERS.contains(fromName)) {
            return Optional.of(fromName);
        }
        Path parent = file.getParent();
        if (parent != null && parent.getFileName() != null) {
            String folder = parent.getFileName().toString().split("_")[0].toUpperCase(Locale.ROOT);
            if (SPEAKERS.contains(folder)) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }
}
