package io.auralis.ser.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Turkish Emotion-Voice Database (TurEV-DB, Canpolat et al. 2020): 1735 clips of single words by 6 actors,
 * 44.1 kHz, as {@code Sound Source/{Angry,Calm,Happy,Sad}/<speaker>_<initials>_<word>.wav}.
 *
 * <p>The label is the folder's; {@code calm} is not in the shared vocabulary and is read as {@code neutral} by the
 * default {@link LabelMap}. The speaker is the file name's numeric prefix. When the folder given holds a
 * {@code Sound Source} folder, only that is read: the repository also ships high-pass-filtered copies of the test
 * clips under {@code Model Output for Test Data/}, which would count clips twice.
 *
 * <p>License: the README says CC BY-NC-ND 4.0, the LICENSE file GPL-3.0; models trained on it are for research
 * and non-commercial use.
 */
public final class TurevDataset extends SpeechEmotionDataset {

    /** The folder of original recordings in the repository. */
    public static final String SOUND_SOURCE = "Sound Source";

    private static final Pattern NAME = Pattern.compile("(\\d+)_[^_]+_.+\\.wav", Pattern.CASE_INSENSITIVE);

    private static final Map<String, String> EMOTIONS = Map.of("angry", "angry", "calm", "calm", "happy", "happy",
        "sad", "sad");

    private TurevDataset(BaseBuilder<?> builder) {
        super(builder);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static ReaderBuilder<TurevDataset> builder() {
        return new ReaderBuilder<>(TurevDataset::new);
    }

    @Override
    public String corpus() {
        return "turev";
    }

    @Override
    public String license() {
        return "TurEV-DB (Canpolat et al. 2020): README CC BY-NC-ND 4.0, LICENSE file GPL-3.0: research and "
            + "non-commercial use only";
    }

    @Override
    protected String layoutHint() {
        return "expected Sound Source/Angry/1157_kz_acik.wav and the like";
    }

    @Override
    protected List<Clip> listClips(Consumer<SkippedFile> problems) throws IOException {
        Path top = Files.isDirectory(root.resolve(SOUND_SOURCE)) ? root.resolve(SOUND_SOURCE) : root;
        List<Clip> clips = new ArrayList<>();
        for (Path file : wavFiles(top)) {
            Path parent = file.getParent();
            String folder = parent == null || parent.getFileName() == null ? ""
                : parent.getFileName().toString().toLowerCase(Locale.ROOT);
            String label = EMOTIONS.get(folder);
            if (label == null) {
                problems.accept(new SkippedFile(file.toString(), "not in an emotion folder (expected Angry, Calm, "
                    + "Happy or Sad)"));
                continue;
            }
            Matcher m = NAME.matcher(file.getFileName().toString());
            if (!m.matches()) {
                problems.accept(new SkippedFile(file.toString(),
                    "not a TurEV-DB file name (expected <speaker>_<initials>_<word>.wav, e.g. 1157_kz_acik.wav)"));
                continue;
            }
            clips.add(new Clip(idOf(file), file, label, m.group(1)));
        }
        return clips;
    }
}
