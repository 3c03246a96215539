package io.auralis.ser.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * nEMO (Christop 2024), emotional speech in Polish: 4481 clips by 9 actors, 24 kHz, in {@code samples/}, labelled
 * by {@code data.tsv} (columns {@code file_id}, {@code emotion}, ..., {@code speaker_id}, ...; tab-separated, with
 * a header).
 *
 * <p>Emotions {@code anger, fear, happiness, neutral, sadness, surprised} map onto the shared vocabulary's
 * {@code angry, fear, happy, neutral, sad, surprise}. The speaker is {@code speaker_id} (its padding trimmed).
 *
 * <p>License: CC BY-NC-SA 4.0: research and non-commercial use, share alike.
 */
public final class NemoDataset extends SpeechEmotionDataset {

    /** The labels file at the corpus's top. */
    public static final String LABELS = "data.tsv";
    /** The audio folder beside it. */
    public static final String SAMPLES = "samples";

    private NemoDataset(BaseBuilder<?> builder) {
        super(builder);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static ReaderBuilder<NemoDataset> builder() {
        return new ReaderBuilder<>(NemoDataset::new);
    }

    @Override
    public String corpus() {
        return "nemo";
    }

    @Override
    public String license() {
        return "nEMO (Christop 2024): CC BY-NC-SA 4.0, research and non-commercial use only";
    }

    @Override
    protected String layoutHint() {
        return "expected data.tsv and samples/ (the nEMO repository's top folder)";
    }

    @Override
    protected void checkExists() throws IOException {
        super.checkExists();
        if (!Files.isRegularFile(root.resolve(LABELS))) {
            throw new IOException(root.resolve(LABELS) + ": no such file (" + layoutHint() + ")");
        }
    }

    @Override
    protected List<Clip> listClips(Consumer<SkippedFile> problems) throws IOException {
        Path labels = root.resolve(LABELS);
        List<Clip> clips = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(labels, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            List<String> columns = header == null ? List.of()
                : Arrays.stream(header.split("\t")).map(String::trim).toList();
            int fileColumn = columns.indexOf("file_id");
            int emotionColumn = columns.indexOf("emotion");
            int speakerColumn = columns.indexOf("speaker_id");
            if (fileColumn < 0 || emotionColumn < 0 || speakerColumn < 0) {
                throw new IOException(labels + ": line 1: expected a header with file_id, emotion and speaker_id "
                    + "columns, got " + columns);
            }
            int needed = Math.max(fileColumn, Math.max(emotionColumn, speakerColumn)) + 1;
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length < needed) {
                    problems.accept(new SkippedFile(labels + ": line " + number, "has " + fields.length
                        + " fields, expected at least " + needed));
                    continue;
                }
                String name = fields[fileColumn].trim();
                Path file = root.resolve(SAMPLES).resolve(name);
                Optional<String> label = EmotionLabels.canonical(fields[emotionColumn]);
                if (label.isEmpty()) {
                    problems.accept(new SkippedFile(file.toString(), "unknown emotion '"
                        + fields[emotionColumn].trim() + "' (line " + number + " of " + LABELS + ")"));
                    continue;
                }
                if (name.contains("/") || name.contains("\\") || !Files.isRegularFile(file)) {
                    problems.accept(new SkippedFile(file.toString(), "listed in " + LABELS + " (line " + number
                        + ") but not in " + SAMPLES + "/"));
                    continue;
                }
                clips.add(new Clip(idOf(file), file, label.get(), fields[speakerColumn].trim()));
            }
        } catch (MalformedInputException e) {
            throw new IOException(labels + ": not UTF-8 text", e);
        }
        return clips;
    }
}
