package io.auralis.writers.csv;

import io.auralis.api.extractor.OutputDescriptor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a CSV output, derived from the outputs the records carry.
 *
 * <pre>
 * file, output, time, duration, label, confidence, &lt;one column per bin name&gt;, values, sampleRate, channels, error
 * </pre>
 *
 * <p>Bin columns are the {@link OutputDescriptor#binNames} of all outputs in order of first appearance, shared
 * when two outputs name a bin alike ({@code level} of speech and of silence segments); a bin name that clashes with
 * a fixed column becomes {@code <step.output>:<bin>}. The {@code values} column holds, joined with {@code ;}, the
 * values of outputs that name no bins and of features whose number of values differs from the names.
 */
final class CsvLayout {
    /** The columns before the bins. */
    static final List<String> LEADING = List.of("file", "output", "time", "duration", "label", "confidence");

    /** The columns after the bins. */
    static final List<String> TRAILING = List.of("values", "sampleRate", "channels", "error");

    static final int FILE = 0;
    static final int OUTPUT = 1;
    static final int TIME = 2;
    static final int DURATION = 3;
    static final int LABEL = 4;
    static final int CONFIDENCE = 5;

    private final List<String> header = new ArrayList<>(LEADING);
    private final Map<String, int[]> binColumns = new HashMap<>();
    private final int values;

    /**
     * Lays out the columns.
     *
     * @param outputs the descriptors of the outputs records carry, by {@code step.output}, in order
     */
    CsvLayout(Map<String, OutputDescriptor> outputs) {
        Set<String> reserved = new HashSet<>(LEADING);
        reserved.addAll(TRAILING);
        Map<String, Integer> columnOf = new LinkedHashMap<>();
        for (Map.Entry<String, OutputDescriptor> e : outputs.entrySet()) {
            List<String> names = e.getValue() == null ? null : e.getValue().binNames;
            if (names == null || names.isEmpty()) {
                continue;
            }
            int[] columns = new int[names.size()];
            Set<Integer> taken = new HashSet<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i) == null ? "" : names.get(i);
                if (name.isEmpty() || reserved.contains(name)) {
                    name = e.getKey() + ":" + (name.isEmpty() ? Integer.toString(i) : name);
                }
                Integer column = columnOf.get(name);
                if (column != null && taken.contains(column)) {
                    // The same output names two bins alike: keep both values apart.
                    name = e.getKey() + ":" + name + "#" + i;
                    column = columnOf.get(name);
                }
                if (column == null) {
                    column = LEADING.size() + columnOf.size();
                    columnOf.put(name, column);
                }
                taken.add(column);
                columns[i] = column;
            }
            binColumns.put(e.getKey(), columns);
        }
        header.addAll(columnOf.keySet());
        values = header.size();
        header.addAll(TRAILING);
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
     * The columns of an output's bins.
     *
     * @param output a {@code step.output}
     * @return the column of each bin in order, or {@code null} when the output names no bins
     */
    int[] binColumns(String output) {
        return binColumns.get(output);
    }

    /**
     * The column of joined values.
     *
     * @return its index
     */
    int values() {
        return values;
    }

    /**
     * The column of the source's sample rate, filled on file rows only.
     *
     * @return its index
     */
    int sampleRate() {
        return values + 1;
    }

    /**
     * The column of the channel count, filled on file rows only.
     *
     * @return its index
     */
    int channels() {
        return values + 2;
    }

    /**
     * The column of the error, filled on file rows of files that failed.
     *
     * @return its index
     */
    int error() {
        return values + 3;
    }

    /**
     * The number of columns.
     *
     * @return the width of every row
     */
    int width() {
        return header.size();
    }
}
