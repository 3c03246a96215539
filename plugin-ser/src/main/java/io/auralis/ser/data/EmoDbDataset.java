package io.auralis.ser.data;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The Berlin Database of Emotional Speech (EmoDB): 535 German utterances by 10 actors, named {@code SSTTTEV.wav}:
 * speaker {@code SS}, text {@code TTT} (a01 to b10), emotion letter {@code E}, version letter {@code V}.
 *
 * <p>Emotion letters (German): W Wut (angry), L Langeweile (boredom), N neutral, F Freude (happy), A Angst (fear),
 * T Trauer (sad), E Ekel (disgust). The speaker is {@code SS}.
 *
 * <p>License: free for research use; commonly redistributed under CC0 1.0.
 */
public final class EmoDbDataset extends SpeechEmotionDataset {

    private static final Pattern NAME = Pattern.compile("(\\d{2})([ab]\\d{2})([A-Z])([a-z])\\.wav");

    private static final Map<String, String> EMOTIONS = Map.of("W", "angry", "L", "boredom", "N", "neutral",
        "F", "happy", "A", "fear", "T", "sad", "E", "disgust");

    private EmoDbDataset(BaseBuilder<?> builder) {
        super(builder);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static ReaderBuilder<EmoDbDataset> builder() {
        return new ReaderBuilder<>(EmoDbDataset::new);
    }

    @Override
    public String corpus() {
        return "emodb";
    }

    @Override
    public String license() {
        return "EmoDB (Burkhardt et al. 2005): free for research use; commonly redistributed under CC0 1.0";
    }

    @Override
    protected String layoutHint() {
        return "expected files named SSTTTEV.wav, e.g. wav/03a01Fa.wav";
    }

    @Override
    protected List<Clip> listClips(Consumer<SkippedFile> problems) throws IOException {
        return clipsByName(NAME, "not an EmoDB file name (expected SSTTTEV.wav, e.g. 03a01Fa.wav)", (file, m) -> {
            String label = EMOTIONS.get(m.group(3));
            if (label == null) {
                throw new SkippedName("unknown emotion letter " + m.group(3) + " (expected W, L, N, F, A, T or E)");
            }
            return new Clip(idOf(file), file, label, m.group(1));
        }, problems);
    }
}
