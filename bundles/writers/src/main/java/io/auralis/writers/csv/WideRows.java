package io.auralis.writers.csv;

import io.auralis.api.extractor.Feature;
import io.auralis.api.output.FileRecord;
import io.auralis.api.output.RecordEncoder;
import io.auralis.writers.format.Numbers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Encodes a {@link FileRecord} as the rows of a {@link WideLayout}: one row per time at which some frame output has
 * a feature, in order of time, each holding the values of every frame output with a feature at that time and empty
 * cells for the others. So outputs on different grids (pitch every 32 ms, loudness every 100 ms) share the rows at
 * the times they share, and each keeps its own times: rows are the union of their times, compared as the writers
 * print them (rounded to the microsecond). An output with two features at one time fills two rows.
 *
 * <p>A file that failed is one row with its error; a file without any frame feature is one row with its name
 * alone, so that every input has a row.
 */
final class WideRows implements RecordEncoder {
    private final WideLayout layout;

    /**
     * Creates an encoder.
     *
     * @param layout the columns
     */
    WideRows(WideLayout layout) {
        this.layout = layout;
    }

    @Override
    public void header(OutputStream out) throws IOException {
        out.write(CsvText.row(layout.header()));
    }

    /**
     * Writes a record's rows as a stream, a row at a time.
     *
     * @param record the record
     * @param out where the UTF-8 rows go, each ending with CRLF; left open
     * @throws IOException if writing fails
     */
    @Override
    public void encode(FileRecord record, OutputStream out) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        StringBuilder row = new StringBuilder(256);
        String[] cells = new String[layout.columns()];
        cells[WideLayout.FILE] = record.file;
        if (record.error != null) {
            cells[layout.error()] = record.error;
            CsvText.appendRow(row, Arrays.asList(cells));
            text.append(row).flush();
            return;
        }
        List<String> frames = layout.frameOutputs();
        List<List<Feature>> series = new ArrayList<>(frames.size());
        for (String output : frames) {
            List<Feature> features = record.outputs == null ? null : record.outputs.get(output);
            List<Feature> sorted = features == null ? new ArrayList<>() : new ArrayList<>(features);
            sorted.removeIf(f -> f == null || !Double.isFinite(f.time));
            sorted.sort(Comparator.comparingDouble(f -> Numbers.seconds(f.time)));
            series.add(sorted);
        }
        int[] next = new int[frames.size()];
        boolean any = false;
        while (true) {
            double time = Double.POSITIVE_INFINITY;
            for (int s = 0; s < series.size(); s++) {
                if (next[s] < series.get(s).size()) {
                    time = Math.min(time, Numbers.seconds(series.get(s).get(next[s]).time));
                }
            }
            if (time == Double.POSITIVE_INFINITY) {
                break;
            }
            Arrays.fill(cells, WideLayout.TIME, cells.length, null);
            cells[WideLayout.TIME] = Numbers.plain(time);
            for (int s = 0; s < series.size(); s++) {
                List<Feature> features = series.get(s);
                if (next[s] < features.size() && Numbers.seconds(features.get(next[s]).time) == time) {
                    fill(cells, frames.get(s), features.get(next[s]));
                    next[s]++;
                }
            }
            row.setLength(0);
            CsvText.appendRow(row, Arrays.asList(cells));
            text.append(row);
            any = true;
        }
        if (!any) {
            row.setLength(0);
            CsvText.appendRow(row, Arrays.asList(cells));
            text.append(row);
        }
        text.flush();
    }

    /** A feature's values in its output's columns; one with another number of values than the output's, none. */
    private void fill(String[] cells, String output, Feature f) {
        if (f.values == null || f.values.length != layout.width(output)) {
            return;
        }
        int first = layout.firstColumn(output);
        for (int i = 0; i < f.values.length; i++) {
            cells[first + i] = Numbers.plain(f.values[i]);
        }
    }
}
