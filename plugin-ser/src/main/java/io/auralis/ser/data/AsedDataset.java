package io.auralis.ser.data;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The Amharic Speech Emotional Dataset (ASED v1, Retta et al. 2022): 2474 clips by 65 speakers, 16 kHz, in five
 * folders {@code 01Neutral/ 02Fearful/ 03Happy/ 04Sad/ 05Angry/}.
 *
 * <p>File names are {@code xn-yy-aa-gg-bb.wav}: emotion letter and folder number {@code xn} ({@code n1} neutral,
 * {@code f2} fear, {@code h3} happy, {@code s4} sad, {@code a5} angry; one file writes {@code S4}), sentence
 * {@code yy}, repetition {@code aa}, gender {@code gg}, speaker {@code bb}. The label comes from the letter; the
 * speaker is {@code bb} (65 values, as the corpus has 65 speakers).
 *
 * <p>License: none stated; the authors ask that the paper be cited.
 */
public final class AsedDataset extends SpeechEmotionDataset {

    private static final Pattern NAME = Pattern.compile("([a-zA-Z])(\\d)-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})\\.wav");

    private static final Map<String, String> EMOTIONS = Map.of("n", "neutral", "f", "fear", "h", "happy",
        "s", "sad", "a", "angry");

    private AsedDataset(BaseBuilder<?> builder) {
        super(builder);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static ReaderBuilder<AsedDataset> builder() {
        return new ReaderBuilder<>(AsedDataset::new);
    }

    @Override
    public String corpus() {
        return "ased";
    }

    @Override
    public String license() {
        return "ASED v1 (Retta et al. 2022): no license stated; cite the paper; research use";
    }

    @Override
    protected String layoutHint() {
        return "expected 01Neutral/n1-01-01-01-01.wav and the like";
    }

    @Override
    protected List<Clip> listClips(Consumer<SkippedFile> problems) throws IOException {
        return clipsByName(NAME, "not an ASED file name (expected xn-yy-aa-gg-bb.wav, e.g. a5-03-01-02-50.wav)",
            (file, m) -> {
                String label = EMOTIONS.get(m.group(1).toLowerCase(Locale.ROOT));
                if (label == null) {
                    throw new SkippedName("unknown emotion letter " + m.group(1) + " (expected n, f, h, s or a)");
                }
                return new Clip(idOf(file), file, label, m.group(6));
            }, problems);
    }
}
