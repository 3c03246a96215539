package io.auralis.report.chart;

import java.awt.Color;
import java.util.Locale;
import java.util.Map;

/**
 * The colour of each emotion, the same in every chart and table of a report and of every report: a function of
 * the class name alone, so that a file's charts can be drawn before the classes of later files are known.
 * Common names (and the spellings of the usual corpora: {@code ps} is TESS's pleasant surprise) have fixed
 * colours chosen to be told apart; other names get one of a second set of colours by a hash of the name.
 */
public final class EmotionPalette {

    private static final Map<String, Color> KNOWN = Map.ofEntries(
        Map.entry("angry", new Color(0xD6, 0x27, 0x28)),
        Map.entry("happy", new Color(0xF2, 0xB7, 0x01)),
        Map.entry("sad", new Color(0x1F, 0x77, 0xB4)),
        Map.entry("neutral", new Color(0x9E, 0x9E, 0x9E)),
        Map.entry("calm", new Color(0x17, 0xBE, 0xCF)),
        Map.entry("fearful", new Color(0x94, 0x67, 0xBD)),
        Map.entry("disgust", new Color(0x2C, 0xA0, 0x2C)),
        Map.entry("surprised", new Color(0xFF, 0x7F, 0x0E)),
        Map.entry("boredom", new Color(0x8C, 0x56, 0x4B)),
        Map.entry("contempt", new Color(0xE3, 0x77, 0xC2)),
        Map.entry("frustrated", new Color(0xBC, 0xBD, 0x22)),
        Map.entry("excited", new Color(0xFF, 0x98, 0x96)),
        Map.entry("other", new Color(0xC7, 0xC7, 0xC7)));

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
        Map.entry("anger", "angry"), Map.entry("ang", "angry"),
        Map.entry("happiness", "happy"), Map.entry("joy", "happy"), Map.entry("hap", "happy"),
        Map.entry("sadness", "sad"),
        Map.entry("neu", "neutral"),
        Map.entry("fear", "fearful"), Map.entry("afraid", "fearful"), Map.entry("fea", "fearful"),
        Map.entry("disgusted", "disgust"), Map.entry("dis", "disgust"),
        Map.entry("surprise", "surprised"), Map.entry("ps", "surprised"), Map.entry("sur", "surprised"),
        Map.entry("bored", "boredom"),
        Map.entry("frustration", "frustrated"), Map.entry("fru", "frustrated"),
        Map.entry("excitement", "excited"), Map.entry("exc", "excited"),
        Map.entry("unknown", "other"), Map.entry("xxx", "other"));

    private static final Color[] EXTRA = {
        new Color(0x39, 0x3B, 0x79), new Color(0x63, 0x79, 0x39), new Color(0x8C, 0x6D, 0x31),
        new Color(0x84, 0x3C, 0x39), new Color(0x7B, 0x41, 0x73), new Color(0x52, 0x54, 0xA3),
        new Color(0xB5, 0xCF, 0x6B), new Color(0xE7, 0xBA, 0x52), new Color(0xAD, 0x49, 0x4A),
        new Color(0xA5, 0x51, 0x94)};

    private EmotionPalette() {
    }

    /**
     * The colour of an emotion.
     *
     * @param emotion a class name, in any case
     * @return its colour
     */
    public static Color colour(String emotion) {
        String name = emotion == null ? "other" : emotion.trim().toLowerCase(Locale.ROOT);
        Color c = KNOWN.get(SYNONYMS.getOrDefault(name, name));
        return c != null ? c : EXTRA[Math.floorMod(name.hashCode(), EXTRA.length)];
    }

    /**
     * The colour of an emotion for CSS.
     *
     * @param emotion a class name
     * @return {@code #rrggbb}
     */
    public static String css(String emotion) {
        return String.format(Locale.ROOT, "#%06x", colour(emotion).getRGB() & 0xFFFFFF);
    }
}
