package io.auralis.ser.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public part of emotiontts_open_db (Korean, KAIST / SELVAS AI): 15 speakers, 20 clips each in the public 5 %,
 * 22.05 kHz, as {@code Dataset/SpeechCorpus/Emotional/<part>/<spk>/wav/<spk>NNNNN.wav}.
 *
 * <p>The emotion is the file number's hundred: 1-100 neutral, 101-200 happy, 201-300 angry, 301-400 sad. The
 * speaker is the three-letter prefix ({@code ema}, {@code nea}, ...). Other wav files of the repository (its TTS
 * code's samples) do not follow the scheme and are ignored silently unless they sit in a speaker's {@code wav/}; when
 * the folder given is the repository, only its {@value #EMOTIONAL} folder is read, since {@code SpeechCorpus/Main}
 * holds thousands of neutral clips of other speakers in the same naming scheme.
 *
 * <p>License: CC BY-NC-SA, research use only (the corpus README forbids commercial use).
 */
public final class EmotionTtsDataset extends SpeechEmotionDataset {

    /** Where the emotional part lies in the repository. */
    public static final String EMOTIONAL = "Dataset/SpeechCorpus/Emotional";

    private static final Pattern NAME = Pattern.compile("([a-z]{3})(\\d{5})\\.wav");

    private static final String[] EMOTIONS = {"neutral", "happy", "angry", "sad"};

    private EmotionTtsDataset(BaseBuilder<?> builder) {
        super(builder);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static ReaderBuilder<EmotionTtsDataset> builder() {
        return new ReaderBuilder<>(EmotionTtsDataset::new);
    }

    @Override
    public String corpus() {
        return "emotiontts";
    }

    @Override
    public String license() {
        return "emotiontts_open_db (KAIST, SELVAS AI): CC BY-NC-SA, research use only, no commercial use";
    }

    @Override
    protected String layoutHint() {
        return "expected Dataset/SpeechCorpus/Emotional/<part>/<spk>/wav/<spk>00001.wav, e.g. nea/wav/nea00101.wav";
    }

    @Override
    protected List<Clip> listClips(Consumer<SkippedFile> problems) throws IOException {
        // the repository also holds a large non-emotional corpus (SpeechCorpus/Main) under the same naming scheme
        Path top = Files.isDirectory(root.resolve(EMOTIONAL)) ? root.resolve(EMOTIONAL) : root;
        List<Clip> clips = new ArrayList<>();
        for (Path file : wavFiles(top)) {
            Path wav = file.getParent();
            Path speakerFolder = wav == null ? null : wav.getParent();
            if (wav == null || !"wav".equals(String.valueOf(wav.getFileName())) || speakerFolder == null) {
                continue;
            }
            Matcher m = NAME.matcher(file.getFileName().toString());
            String speaker = String.valueOf(speakerFolder.getFileName());
            if (!m.matches() || !m.group(1).equals(speaker)) {
                problems.accept(new SkippedFile(file.toString(), "not an emotiontts file name (expected "
                    + speaker + "NNNNN.wav in " + speaker + "/wav/)"));
                continue;
            }
            int number = Integer.parseInt(m.group(2));
            if (number < 1 || number > 400) {
                problems.accept(new SkippedFile(file.toString(), "file number " + number + " is outside 1-400 "
                    + "(1-100 neutral, 101-200 happy, 201-300 angry, 301-400 sad)"));
                continue;
            }
            clips.add(new Clip(idOf(file), file, EMOTIONS[(number - 1) / 100], speaker));
        }
        return clips;
    }
}
