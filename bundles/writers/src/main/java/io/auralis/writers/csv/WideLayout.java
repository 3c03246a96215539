package io.auralis.writers.csv;

import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a wide CSV output, a frame table: one column per value of every frame output.
 *
 * <pre>
 * file, time, &lt;one column per value of each frame output&gt;, error
 * </pre>
 *
 * <p>Frame outputs are those with one feature per block or at a fixed rate and a fixed number of values
 * ({@code pitch.f0}, {@code loudness.dbfs}). A value's column is its bin name ({@code f0}, {@code dbfs}); a name that
 * two frame outputs share, that is missing or that is a fixed column's becomes {@code <step.output>:<name>}
 * ({@code <step.output>} alone for an unnamed single value, {@code <step.output>:<index>} for an unnamed one of
 * several), so that every value has a column of its own. Outputs placed at arbitrary times (segments, emotions,
 * summaries, a plugin's events) and outputs whose number of values varies have no place in a frame table and are
 * left out; the long table ({@code csv}) and JSON Lines hold them.
 */
final class WideLayout {
    /** The columns before the values. */
    static final List<String> LEADING = List.of("file", "time");

    static final int FILE = 0;
    static final int TIME = 1;

    private final List<String> header = new ArrayList<>(LEADING);
    private final Map<String, Integer> firstColumn = new LinkedHashMap<>();
    private final Map<String, Integer> width = new HashMap<>();

    /**
     * Lays out the columns.
     *
     * @param outputs the descriptors of the outputs records carry, by {@code step.output}, in order
     */
    WideLayout(Map<String, OutputDescriptor> outputs) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, Integer> uses = new HashMap<>();
        for (Map.Entry<String, OutputDescriptor> e : outputs.entrySet()) {
            OutputDescriptor d = e.getValue();
            if (!isFrames(d)) {
                continue;
            }
            List<String> bins = new ArrayList<>(d.binCount);
            for (int i = 0; i < d.binCount; i++) {
                String name = d.binNames != null && d.binNames.size() == d.binCount ? d.binNames.get(i) : null;
                bins.add(name == null || name.isEmpty() ? null : name);
                if (name != null) {
                    uses.merge(name, 1, Integer::sum);
                }
            }
            names.put(e.getKey(), bins);
        }
        Set<String> fixed = Set.of("file", "time", "error");
        for (Map.Entry<String, List<String>> e : names.entrySet()) {
            List<String> bins = e.getValue();
            firstColumn.put(e.getKey(), header.size());
            width.put(e.getKey(), bins.size());
            for (int i = 0; i < bins.size(); i++) {
                String name = bins.get(i);
                if (name != null && uses.get(name) == 1 && !fixed.contains(name)) {
                    header.add(name);
                } else if (name != null) {
                    header.add(e.getKey() + ":" + name);
                } else {
                    header.add(bins.size() == 1 ? e.getKey() : e.getKey() + ":" + i);
                }
            }
        }
        header.add("error");
    }

    /** Frames: features on a grid of blocks or a fixed rate, each with the same number of values. */
    private static boolean isFrames(OutputDescriptor d) {
        return d != null && d.sampleType != SampleType.VARIABLE && d.binCount >= 1;
    }

    /**
     * The header row.
     *
     * @return the column names in order
     */
    List<String> header() {
        return List.copyOf(header);
    }

    /**
     * The frame outputs, in order.
     *
     * @return their {@code step.output}s
     */
    List<String> frameOutputs() {
        return List.copyOf(firstColumn.keySet());
    }

    /**
     * The column of a frame output's first value; its others follow.
     *
     * @param output a frame output's {@code step.output}
     * @return the column's index
     */
    int firstColumn(String output) {
        return firstColumn.get(output);
    }

    /**
     * The number of values of a frame output.
     *
     * @param output a frame output's {@code step.output}
     * @return its bin count
     */
    int width(String output) {
        return width.get(output);
    }

    /**
     * The column of the error, filled on the one row of a file that failed.
     *
     * @return its index
     */
    int error() {
        return header.size() - 1;
    }

    /**
     * The number of columns.
     *
     * @return the width of every row
     */
    int columns() {
        return header.size();
    }
}
