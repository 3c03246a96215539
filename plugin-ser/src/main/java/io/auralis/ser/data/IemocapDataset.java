package io.auralis.ser.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Interactive Emotional Dyadic Motion Capture database (IEMOCAP), speech part, in its release layout:
 * {@code Session1} to {@code Session5}, each with {@code dialog/EmoEvaluation/<dialog>.txt} (the labels) and
 * {@code sentences/wav/<dialog>/<turn>.wav} (one file per turn).
 *
 * <p>Evaluation lines look like {@code [6.2901 - 8.2357]<TAB>Ses01F_impro01_F000<TAB>neu<TAB>[2.5, 2.5, 2.5]}. The
 * four-class protocol is read: {@code ang} angry, {@code hap} and {@code exc} (merged) happy, {@code neu} neutral,
 * {@code sad} sad; turns with other labels (frustration, surprise, "xxx" for no agreement, ...) are left out. The
 * speaker is the session and the speaking actor's gender, from the turn's last part: {@code Ses01F_impro01_M003} is
 * {@code Ses01M}.
 *
 * <p>License: the IEMOCAP release agreement (USC SAIL): research use only, not redistributable.
 */
public final class IemocapDataset extends SpeechEmotionDataset {

    private static final Pattern SESSION = Pattern.compile("Session\\d+", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINE = Pattern.compile(
        "\\[\\s*[0-9.]+\\s*-\\s*[0-9.]+\\s*]\\t(\\S+)\\t(\\S+)\\t\\[.*]\\s*");
    private static final Pattern TURN = Pattern.compile("(Ses\\d+)[FM]_(.+)_([FM])\\d+");

    private static final Map<String, String> FOUR_CLASSES = Map.of("ang", "angry", "hap", "happy", "exc", "happy",
        "neu", "neutral", "sad", "sad");

    private IemocapDataset(BaseBuilder<?> builder) {
        super(builder);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static ReaderBuilder<IemocapDataset> builder() {
        return new ReaderBuilder<>(IemocapDataset::new);
    }

    @Override
    public String corpus() {
        return "iemocap";
    }

    @Override
    public String license() {
        return "IEMOCAP release agreement (USC SAIL): research use only, not redistributable";
    }

    @Override
    protected String layoutHint() {
        return "expected Session1..Session5 folders with dialog/EmoEvaluation/*.txt and sentences/wav/<dialog>/*.wav";
    }

    @Override
    protected List<Clip> listClips(Consumer<SkippedFile> problems) throws IOException {
        List<Clip> clips = new ArrayList<>();
        for (Path session : sessions()) {
            Path evaluations = session.resolve("dialog").resolve("EmoEvaluation");
            if (!Files.isDirectory(evaluations)) {
                problems.accept(new SkippedFile(evaluations.toString(), "missing: the session has no labels"));
                continue;
            }
            for (Path txt : textFiles(evaluations)) {
                readEvaluation(session, txt, clips, problems);
            }
        }
        return clips;
    }

    private List<Path> sessions() throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": not a folder");
        }
        List<Path> sessions = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(root)) {
            for (Path p : dir) {
                if (Files.isDirectory(p) && SESSION.matcher(p.getFileName().toString()).matches()) {
                    sessions.add(p);
                }
            }
        }
        sessions.sort(null);
        return sessions;
    }

    private static List<Path> textFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.txt")) {
            for (Path p : stream) {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        }
        files.sort(null);
        return files;
    }

    /** Reads one dialog's evaluation file: the lines that start a turn's block carry its agreed label. */
    private void readEvaluation(Path session, Path txt, List<Clip> clips, Consumer<SkippedFile> problems)
        throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(txt, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.startsWith("[")) {
                    continue;
                }
                Matcher m = LINE.matcher(line);
                if (!m.matches()) {
                    problems.accept(new SkippedFile(txt + ":" + number,
                        "not an evaluation line ([start - end] TAB turn TAB label TAB [V, A, D])"));
                    continue;
                }
                String turn = m.group(1);
                String label = FOUR_CLASSES.get(m.group(2));
                if (label == null) {
                    continue;
                }
                Matcher t = TURN.matcher(turn);
                if (!t.matches()) {
                    problems.accept(new SkippedFile(txt + ":" + number, "not an IEMOCAP turn name: " + turn));
                    continue;
                }
                String dialog = turn.substring(0, turn.lastIndexOf('_'));
                Path wav = session.resolve("sentences").resolve("wav").resolve(dialog).resolve(turn + ".wav");
                if (!Files.isRegularFile(wav)) {
                    problems.accept(new SkippedFile(wav.toString(), "labelled in " + txt.getFileName()
                        + " but the audio file is missing"));
                    continue;
                }
                clips.add(new Clip(idOf(wav), wav, label, t.group(1) + t.group(3)));
            }
        }
    }
}
