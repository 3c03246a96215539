package io.auralis.report.card;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model behind a report's emotion labels, read from its folder: {@code model.json} (name, architecture,
 * training date, held-out test figures) and its card {@code README.md} (the mean unweighted accuracy on corpora
 * it never heard, from the card's leave-one-corpus-out table, the figure a reader needs to judge a label).
 *
 * <p><b>Which model.</b> What reaches the writer does not name the model: the {@code auralis.ser} output's
 * descriptor carries only its classes. So the report reads the installation's {@code default} model, and only
 * when its classes are exactly those of the emotion outputs; it says that it assumed so. A structured
 * {@code crossCorpus} object in {@code model.json} ({@code meanUnweightedAccuracy}, {@code protocol}) is
 * preferred to the card's table when a model carries one.
 *
 * @param name the model's name
 * @param architecture such as {@code cnn5gru}, or {@code null}
 * @param trained the training date, or {@code null}; models carry no version number, so this stands for one
 * @param testAccuracy unweighted accuracy on the model's own held-out test speakers, or NaN
 * @param crossCorpus mean unweighted accuracy on unseen corpora, or NaN when neither file states it
 * @param classes the model's classes
 * @param folder where it was read from
 */
public record ModelCard(String name, String architecture, String trained, double testAccuracy,
        double crossCorpus, List<String> classes, Path folder) {

    /** The model the shipped workflows name. */
    public static final String DEFAULT = "default";

    /** The row of the card's table that averages the leave-one-corpus-out runs: {@code | **mean** | | **41.5 %** |}. */
    private static final Pattern MEAN_ROW = Pattern.compile("^\\|\\s*\\*\\*mean\\*\\*\\s*\\|[^%]*?([0-9]+(?:\\.[0-9]+)?)\\s*%",
        Pattern.MULTILINE);

    /**
     * Reads the installation's default model if its classes are the emotion outputs' classes.
     *
     * @param models the installation's models folder, or {@code null} when the platform does not say
     * @param classes the classes of the report's emotion outputs
     * @return the card, or {@code null} when there is no such model or it cannot be read
     */
    public static ModelCard matching(Path models, List<String> classes) {
        if (models == null || classes == null || classes.isEmpty()) {
            return null;
        }
        try {
            ModelCard card = read(models.resolve(DEFAULT));
            return card.classes().equals(classes) ? card : null;
        } catch (IOException | RuntimeException e) {
            // No card to show; the report says the model is not known.
            return null;
        }
    }

    /**
     * Reads a model's folder.
     *
     * @param folder the folder with {@code model.json}, and possibly {@code README.md}
     * @return the card
     * @throws IOException if {@code model.json} cannot be read
     */
    public static ModelCard read(Path folder) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> classes = new ArrayList<>();
        try (InputStream in = Files.newInputStream(folder.resolve("model.json"));
                JsonParser p = new JsonFactory().createParser(in)) {
            flatten(p, fields, classes);
        }
        double cross = number(fields.get("crossCorpus.meanUnweightedAccuracy"));
        Path readme = folder.resolve("README.md");
        if (Double.isNaN(cross) && Files.isRegularFile(readme)) {
            Matcher m = MEAN_ROW.matcher(Files.readString(readme));
            if (m.find()) {
                cross = Double.parseDouble(m.group(1)) / 100;
            }
        }
        String name = fields.getOrDefault("name", folder.getFileName().toString());
        double test = number(fields.get("metrics.balancedAccuracy"));
        return new ModelCard(name, fields.get("architecture"), fields.get("training.date"), test, cross,
            List.copyOf(classes), folder);
    }

    /** Scalars by dotted path ({@code training.date}); the strings of the top-level {@code classes} array. */
    private static void flatten(JsonParser p, Map<String, String> fields, List<String> classes) throws IOException {
        Deque<String> path = new ArrayDeque<>();
        String field = null;
        int arrays = 0;
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
            switch (t) {
                case FIELD_NAME -> field = p.currentName();
                case START_OBJECT -> {
                    if (field != null && arrays == 0) {
                        path.addLast(field);
                    }
                    field = null;
                }
                case END_OBJECT -> {
                    if (!path.isEmpty() && arrays == 0) {
                        path.removeLast();
                    }
                }
                case START_ARRAY -> arrays++;
                case END_ARRAY -> {
                    arrays--;
                    field = null;
                }
                default -> {
                    if (arrays == 1 && path.isEmpty() && "classes".equals(field)) {
                        classes.add(p.getText());
                    } else if (arrays == 0 && field != null) {
                        fields.put(path.isEmpty() ? field : String.join(".", path) + "." + field, p.getText());
                        field = null;
                    }
                }
            }
        }
    }

    private static double number(String s) {
        try {
            return s == null ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
