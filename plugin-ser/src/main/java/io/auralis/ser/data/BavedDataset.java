package io.auralis.ser.data;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The Basic Arabic Vocal Emotions Dataset (BAVED): 1935 clips of 7 words by about 60 speakers, 16 kHz, in folders
 * {@code 0/} to {@code 6/} (the word), named {@code <speaker>-<gender>-<age>-<word>-<level>-<record>.wav}.
 *
 * <p>BAVED labels arousal, not a category: level 0 low, 1 neutral, 2 high. Its labels are therefore
 * {@code arousal_low}, {@code arousal_neutral} and {@code arousal_high}, outside the shared vocabulary, so a
 * categorical model leaves them out unless the user maps them ({@code --map arousal_neutral=neutral}); a model
 * trained with an arousal head ({@code ser train --arousal}) learns from all of them.
 *
 * <p>License: none stated; the authors write that commercial use is "probably not a good idea".
 */
public final class BavedDataset extends SpeechEmotionDataset {

    private static final Pattern NAME = Pattern.compile("(\\d+)-([mfMF])-(\\d+)-(\\d+)-(\\d+)-(\\d+)\\.wav");

    private BavedDataset(BaseBuilder<?> builder) {
        super(builder);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static ReaderBuilder<BavedDataset> builder() {
        return new ReaderBuilder<>(BavedDataset::new);
    }

    @Override
    public String corpus() {
        return "baved";
    }

    @Override
    public String license() {
        return "BAVED: no license stated; research use (its authors advise against commercial use)";
    }

    @Override
    protected String layoutHint() {
        return "expected 0/0-m-21-0-1-105.wav and the like";
    }

    @Override
    protected List<Clip> listClips(Consumer<SkippedFile> problems) throws IOException {
        return clipsByName(NAME, "not a BAVED file name (expected speaker-gender-age-word-level-record.wav, e.g. "
            + "0-m-21-0-1-105.wav)", (file, m) -> {
                int level = Integer.parseInt(m.group(5));
                if (level > 2) {
                    throw new SkippedName("unknown level " + level + " (expected 0 low, 1 neutral or 2 high)");
                }
                return new Clip(idOf(file), file, EmotionLabels.AROUSAL_LEVELS.get(level), m.group(1));
            }, problems);
    }
}
