package io.auralis.ser.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Any labelled audio, listed in a CSV manifest of {@code path,label[,speaker]} lines.
 *
 * <p>Paths are relative to the manifest's folder (or absolute); labels are normalised to the cross-corpus
 * vocabulary when they name one of its emotions ({@code anger} is {@code angry}) and kept, lower-cased, otherwise.
 * A header line {@code path,label[,speaker]} is optional; blank lines and lines starting with {@code #} are
 * ignored; fields may be double-quoted (a path with a comma). Clips without a speaker have speaker
 * {@code unknown}. A malformed line is an error naming the line, not a skipped file: the manifest is the
 * user's own, and a silent skip would hide a typo.
 */
public final class ManifestDataset extends SpeechEmotionDataset {

    /** The speaker of clips whose line has none. */
    public static final String UNKNOWN_SPEAKER = "unknown";

    private ManifestDataset(BaseBuilder<?> builder) {
        super(builder);
    }

    /**
     * Starts a builder; {@link BaseBuilder#setRoot} takes the manifest file.
     *
     * @return a new builder
     */
    public static ReaderBuilder<ManifestDataset> builder() {
        return new ReaderBuilder<>(ManifestDataset::new);
    }

    @Override
    public String corpus() {
        return "csv";
    }

    @Override
    public String license() {
        return "as stated by the data's owner (custom manifest " + root.getFileName() + ")";
    }

    @Override
    protected String layoutHint() {
        return "expected lines of path,label[,speaker]";
    }

    @Override
    protected List<Clip> listClips(Consumer<SkippedFile> problems) throws IOException {
        if (!Files.isRegularFile(root)) {
            throw new IOException(root + ": not a file (a CSV manifest of path,label[,speaker] lines)");
        }
        Path base = root.toAbsolutePath().getParent();
        List<Clip> clips = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(root, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            boolean first = true;
            while ((line = reader.readLine()) != null) {
                number++;
                if (first && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String where = root + ":" + number;
                List<String> fields = fields(line, where);
                if (first) {
                    first = false;
                    String head = fields.get(0).trim().toLowerCase(Locale.ROOT);
                    if (head.equals("path") || head.equals("file")) {
                        continue;
                    }
                }
                if (fields.size() < 2 || fields.size() > 3) {
                    throw new IOException(where + ": expected path,label[,speaker], found " + fields.size()
                        + (fields.size() == 1 ? " field" : " fields"));
                }
                String path = fields.get(0).trim();
                if (path.isEmpty()) {
                    throw new IOException(where + ": empty path");
                }
                String label;
                try {
                    label = EmotionLabels.normalise(fields.get(1));
                } catch (IllegalArgumentException e) {
                    throw new IOException(where + ": " + e.getMessage());
                }
                String speaker = fields.size() == 3 && !fields.get(2).isBlank() ? fields.get(2).trim()
                    : UNKNOWN_SPEAKER;
                Path file = base.resolve(path).normalize();
                clips.add(new Clip(path.replace('\\', '/'), file, label, speaker));
            }
        } catch (MalformedInputException e) {
            throw new IOException(root + ": not a UTF-8 text file");
        }
        return clips;
    }

    /** Splits one CSV line; a field in double quotes may hold commas and doubled quotes. */
    static List<String> fields(String line, String where) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IOException(where + ": unclosed double quote");
        }
        fields.add(field.toString());
        return fields;
    }
}
