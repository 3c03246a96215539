package io.auralis.ser.data;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The Ryerson Audio-Visual Database of Emotional Speech and Song (RAVDESS), audio part: 24 actors, file names of
 * seven two-digit fields, {@code 03-01-05-01-02-01-12.wav} = modality, vocal channel (01 speech, 02 song), emotion,
 * intensity, statement, repetition, actor.
 *
 * <p>Emotions: 01 neutral, 02 calm, 03 happy, 04 sad, 05 angry, 06 fearful (fear), 07 disgust, 08 surprised
 * (surprise). The speaker is the actor number. Only speech is read unless {@link Builder#optIncludeSong} says
 * otherwise: sung emotion is a different task.
 *
 * <p>License: CC BY-NC-SA 4.0 (Livingstone and Russo, 2018).
 */
public final class RavdessDataset extends SpeechEmotionDataset {

    private static final Pattern NAME =
        Pattern.compile("(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})\\.wav", Pattern.CASE_INSENSITIVE);

    private static final Map<String, String> EMOTIONS = Map.of("01", "neutral", "02", "calm", "03", "happy",
        "04", "sad", "05", "angry", "06", "fear", "07", "disgust", "08", "surprise");

    private final boolean includeSong;

    private RavdessDataset(Builder builder) {
        super(builder);
        this.includeSong = builder.includeSong;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String corpus() {
        return "ravdess";
    }

    @Override
    public String license() {
        return "CC BY-NC-SA 4.0 (RAVDESS, Livingstone and Russo 2018): non-commercial use, share alike";
    }

    @Override
    protected String layoutHint() {
        return "expected files named like 03-01-05-01-02-01-12.wav, e.g. Actor_12/03-01-05-01-02-01-12.wav";
    }

    @Override
    protected List<Clip> listClips(Consumer<SkippedFile> problems) throws IOException {
        return clipsByName(NAME, "not a RAVDESS file name (expected seven two-digit fields, e.g. "
            + "03-01-05-01-02-01-12.wav)", (file, m) -> {
                String channel = m.group(2);
                if (!channel.equals("01") && !channel.equals("02")) {
                    throw new SkippedName("unknown vocal channel " + channel + " (expected 01 speech or 02 song)");
                }
                if (channel.equals("02") && !includeSong) {
                    return null;
                }
                String label = EMOTIONS.get(m.group(3));
                if (label == null) {
                    throw new SkippedName("unknown emotion code " + m.group(3) + " (expected 01 to 08)");
                }
                return new Clip(idOf(file), file, label, m.group(7));
            }, problems);
    }

    /** Builds a {@link RavdessDataset}. */
    public static final class Builder extends BaseBuilder<Builder> {
        private boolean includeSong;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Reads sung clips (vocal channel 02) too; by default only speech is read.
         *
         * @param includeSong whether to read song files
         * @return this builder
         */
        public Builder optIncludeSong(boolean includeSong) {
            this.includeSong = includeSong;
            return this;
        }

        @Override
        public RavdessDataset build() {
            return new RavdessDataset(this);
        }
    }
}
