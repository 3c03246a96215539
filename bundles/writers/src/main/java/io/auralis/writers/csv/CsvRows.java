package io.auralis.writers.csv;

import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.emotion.EmotionResult;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
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
import java.util.List;
import java.util.Map;

/**
 * Encodes a {@link FileRecord} as CSV rows in a {@link CsvLayout}: one row per feature, in the record's output
 * order, then the file row, which has an empty {@code output} column and carries the file's duration, sample rate,
 * channel count and error (and, for a part of a stream such as live input's segment, its start as {@code time}). The file row comes last so that it marks the record as complete for {@code --resume}.
 */
final class CsvRows implements RecordEncoder {
    private final CsvLayout layout;
    private final Map<String, OutputDescriptor> outputs;

    /**
     * Creates an encoder.
     *
     * @param layout the columns
     * @param outputs the descriptors of the outputs records carry, by {@code step.output}
     */
    CsvRows(CsvLayout layout, Map<String, OutputDescriptor> outputs) {
        this.layout = layout;
        this.outputs = Map.copyOf(outputs);
    }

    /**
     * Writes the header row.
     *
     * @param out where the UTF-8 row goes, ending with CRLF; left open
     * @throws IOException if writing fails
     */
    @Override
    public void header(OutputStream out) throws IOException {
        out.write(CsvText.row(layout.header()));
    }

    /**
     * Writes all rows of a record as a stream, a row at a time, so that memory does not grow with the record.
     *
     * @param record the record
     * @param out where the UTF-8 rows go, each ending with CRLF; left open
     * @throws IOException if writing fails
     */
    @Override
    public void encode(FileRecord record, OutputStream out) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        StringBuilder row = new StringBuilder(256);
        if (record.outputs != null) {
            for (Map.Entry<String, List<Feature>> e : record.outputs.entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                for (Feature f : e.getValue()) {
                    row.setLength(0);
                    CsvText.appendRow(row, featureRow(record.file, e.getKey(), f));
                    text.append(row);
                }
            }
        }
        String[] fileRow = new String[layout.width()];
        fileRow[CsvLayout.FILE] = record.file;
        // a part of a stream (live input) is placed by its start; it ends at time + duration
        fileRow[CsvLayout.TIME] = record.time == null ? null : Numbers.plainSeconds(record.time);
        // a file that could not be read has no duration, rate or channels: empty, not 0
        boolean read = record.sampleRate > 0;
        fileRow[CsvLayout.DURATION] = read ? Numbers.plainSeconds(record.duration) : null;
        fileRow[layout.sampleRate()] = read ? Integer.toString(record.sampleRate) : null;
        fileRow[layout.channels()] = read ? Integer.toString(record.channels) : null;
        fileRow[layout.error()] = record.error;
        row.setLength(0);
        CsvText.appendRow(row, Arrays.asList(fileRow));
        text.append(row);
        text.flush();
    }

    /** A value in plain decimal; NaN and infinities, which are no measurement, as an empty cell. */
    private static String number(float v) {
        return Numbers.plain(v);
    }

    private List<String> featureRow(String file, String output, Feature f) {
        String[] row = new String[layout.width()];
        row[CsvLayout.FILE] = file;
        row[CsvLayout.OUTPUT] = output;
        row[CsvLayout.TIME] = Numbers.plainSeconds(f.time);
        row[CsvLayout.DURATION] = Numbers.plainSeconds(f.duration);
        EmotionResult emotion = emotion(output, f);
        row[CsvLayout.LABEL] = f.label != null || emotion == null ? f.label : emotion.label;
        row[CsvLayout.CONFIDENCE] = emotion == null ? null : Numbers.plain((float) emotion.confidence);
        float[] values = f.values == null ? new float[0] : f.values;
        int[] columns = layout.binColumns(output);
        if (columns != null && columns.length == values.length) {
            for (int i = 0; i < values.length; i++) {
                row[columns[i]] = number(values[i]);
            }
        } else {
            List<String> joined = new ArrayList<>(values.length);
            for (float v : values) {
                String n = number(v);
                joined.add(n == null ? "" : n);
            }
            row[layout.values()] = String.join(";", joined);
        }
        return Arrays.asList(row);
    }

    /** The feature as an emotion, when its output is one and it fits; its label and confidence fill those cells. */
    private EmotionResult emotion(String output, Feature f) {
        OutputDescriptor d = outputs.get(output);
        if (d == null || !EmotionFeatures.KIND.equals(d.kind)) {
            return null;
        }
        try {
            return EmotionFeatures.fromFeature(f, d);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
