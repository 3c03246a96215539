package io.auralis.ser.training;

import ai.djl.training.dataset.Dataset.Usage;

import io.auralis.ser.data.Clip;
import io.auralis.ser.data.DatasetSplit;
import io.auralis.ser.data.EmotionLabels;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A split written as CSV for {@code ser train --dry-run}: a header, then one line {@code part,speaker,label,file} per
 * clip, parts in the order train, validation, test and clips in the catalogue's order (by id) within each. Clips of
 * labels outside the classes are counted, not listed, except that a run with an arousal head lists the training
 * clips labelled with an arousal level alone, which it trains on.
 */
final class SplitListing {

    private final Map<Usage, Integer> listed = new LinkedHashMap<>();
    private final Map<String, Integer> leftOut = new TreeMap<>();

    private SplitListing() {
    }

    /**
     * Writes the listing.
     *
     * @param out receives the CSV
     * @param clips the catalogue
     * @param classes the classes trained on
     * @param split assigns each clip a part
     * @param arousalLabels whether the run trains an arousal head, and so on arousal-only clips
     * @return the counts of what was listed and left out
     */
    static SplitListing write(PrintStream out, List<Clip> clips, Set<String> classes, DatasetSplit split,
                              boolean arousalLabels) {
        SplitListing listing = new SplitListing();
        out.println("part,speaker,label,file");
        for (Usage usage : List.of(Usage.TRAIN, Usage.VALIDATION, Usage.TEST)) {
            Set<String> ids = split.ids(usage);
            int n = 0;
            for (Clip clip : clips) {
                if (!ids.contains(clip.id())) {
                    continue;
                }
                boolean arousalOnly = arousalLabels && usage == Usage.TRAIN
                    && EmotionLabels.isArousalLevel(clip.label());
                if (!classes.contains(clip.label()) && !arousalOnly) {
                    listing.leftOut.merge(clip.label(), 1, Integer::sum);
                    continue;
                }
                out.println(usage.name().toLowerCase(Locale.ROOT) + "," + csv(clip.speaker()) + ","
                    + csv(clip.label()) + "," + csv(clip.file().toString()));
                n++;
            }
            listing.listed.put(usage, n);
        }
        return listing;
    }

    /**
     * The clips listed in a part.
     *
     * @param usage the part
     * @return its number of lines
     */
    int listed(Usage usage) {
        return listed.get(usage);
    }

    /**
     * The clips listed in all parts.
     *
     * @return the number of lines after the header
     */
    int total() {
        return listed.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The clips left out, by label.
     *
     * @return label to count, sorted by label
     */
    Map<String, Integer> leftOut() {
        return leftOut;
    }

    /** A CSV field, double-quoted when it holds a comma, a quote or a line break. */
    private static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
