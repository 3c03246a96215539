package io.auralis.writers.jsonl;

import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.emotion.EmotionResult;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.output.FileRecord;
import io.auralis.api.output.RecordEncoder;
import io.auralis.writers.format.Numbers;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Encodes a {@link FileRecord} as one line of JSON:
 * {@code {"file":..,"duration":..,"sampleRate":..,"channels":..,"outputs":{"step.output":[..]},"error":..}}; a
 * record of a part of a stream (live input's segments) has {@code "time"} and {@code "end"} after {@code "file"}.
 *
 * <p>Features of outputs of kind {@link EmotionFeatures#KIND} are written as {@link EmotionResult}s
 * ({@code time}, {@code duration}, {@code label}, {@code confidence}, {@code distribution}); those of outputs that
 * name their bins ({@link OutputDescriptor#binNames}) as {@code time}, {@code duration}, one field per bin
 * ({@code "f0": 212.4}) and {@code label} when there is one; all others (no names, names that repeat or clash with
 * those fields, or a feature whose number of values differs from the names) with their values in a {@code values}
 * array. A feature that does not fit its emotion output (a wrong number of values) is written plainly rather than
 * dropped. Times and durations are rounded to the microsecond. NaN and infinite values, which JSON cannot hold, are
 * written as {@code null}, and so are the {@code duration}, {@code sampleRate} and {@code channels} of a file that
 * could not be read (its sample rate is 0).
 */
final class RecordJson implements RecordEncoder {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** A feature's own fields, which bin names must not take. */
    private static final Set<String> RESERVED = Set.of("time", "duration", "label", "values");

    private final Map<String, OutputDescriptor> outputs;
    private final Map<String, List<String>> names;

    /**
     * Creates an encoder.
     *
     * @param outputs the descriptors of the outputs records carry, by {@code step.output}
     */
    RecordJson(Map<String, OutputDescriptor> outputs) {
        this.outputs = Map.copyOf(outputs);
        Map<String, List<String>> fields = new HashMap<>();
        outputs.forEach((key, d) -> {
            List<String> n = fieldNames(d);
            if (n != null) {
                fields.put(key, n);
            }
        });
        this.names = Map.copyOf(fields);
    }

    /**
     * Writes a record as UTF-8 JSON, ending with a line feed, as a stream: memory does not grow with the record.
     *
     * @param record the record
     * @param out where the line goes; left open
     * @throws IOException if writing fails
     */
    @Override
    public void encode(FileRecord record, OutputStream out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
        writeRecord(g, record);
        g.flush();
        out.write('\n');
    }

    /** JSON Lines has no header. */
    @Override
    public void header(OutputStream out) {
    }

    private void writeRecord(JsonGenerator g, FileRecord record) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", record.file);
        if (record.time != null) {
            // a part of a stream (live input): where it lies, so that a reader can place it at a glance
            g.writeFieldName("time");
            number(g, Numbers.seconds(record.time));
            g.writeFieldName("end");
            number(g, record.end == null ? Double.NaN : Numbers.seconds(record.end));
        }
        boolean read = record.sampleRate > 0;
        g.writeFieldName("duration");
        number(g, read ? Numbers.seconds(record.duration) : Double.NaN);
        g.writeFieldName("sampleRate");
        whole(g, read, record.sampleRate);
        g.writeFieldName("channels");
        whole(g, read, record.channels);
        g.writeObjectFieldStart("outputs");
        if (record.outputs != null) {
            for (Map.Entry<String, List<Feature>> e : record.outputs.entrySet()) {
                writeOutput(g, e.getKey(), e.getValue());
            }
        }
        g.writeEndObject();
        g.writeStringField("error", record.error);
        g.writeEndObject();
    }

    private void writeOutput(JsonGenerator g, String key, List<Feature> features) throws IOException {
        OutputDescriptor descriptor = outputs.get(key);
        boolean emotion = descriptor != null && EmotionFeatures.KIND.equals(descriptor.kind);
        g.writeArrayFieldStart(key);
        if (features != null) {
            for (Feature f : features) {
                EmotionResult result = emotion ? emotionOf(f, descriptor) : null;
                if (result != null) {
                    writeEmotion(g, result);
                } else {
                    writeFeature(g, f, names.get(key));
                }
            }
        }
        g.writeEndArray();
    }

    private static EmotionResult emotionOf(Feature f, OutputDescriptor descriptor) {
        try {
            return EmotionFeatures.fromFeature(f, descriptor);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void writeEmotion(JsonGenerator g, EmotionResult r) throws IOException {
        g.writeStartObject();
        g.writeFieldName("time");
        number(g, Numbers.seconds(r.time));
        g.writeFieldName("duration");
        number(g, Numbers.seconds(r.duration));
        g.writeStringField("label", r.label);
        g.writeFieldName("confidence");
        number(g, (float) r.confidence);
        g.writeObjectFieldStart("distribution");
        for (Map.Entry<String, Double> p : r.distribution.entrySet()) {
            // Probabilities travel as floats: written as such, 0.91 does not come out as 0.9100000262260437.
            g.writeFieldName(p.getKey());
            number(g, p.getValue().floatValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeFeature(JsonGenerator g, Feature f, List<String> names) throws IOException {
        g.writeStartObject();
        g.writeFieldName("time");
        number(g, Numbers.seconds(f.time));
        g.writeFieldName("duration");
        number(g, Numbers.seconds(f.duration));
        float[] values = f.values == null ? new float[0] : f.values;
        if (names != null && names.size() == values.length) {
            for (int i = 0; i < values.length; i++) {
                g.writeFieldName(names.get(i));
                number(g, values[i]);
            }
        } else {
            g.writeArrayFieldStart("values");
            for (float v : values) {
                number(g, v);
            }
            g.writeEndArray();
        }
        if (f.label != null) {
            g.writeStringField("label", f.label);
        }
        g.writeEndObject();
    }

    /**
     * The bin names an output's values are written under, or {@code null} when they cannot name fields: missing,
     * empty, repeated, or one of the feature's own fields.
     */
    private static List<String> fieldNames(OutputDescriptor d) {
        if (d == null || d.binNames == null || d.binNames.isEmpty()) {
            return null;
        }
        Set<String> seen = new HashSet<>(RESERVED);
        for (String name : d.binNames) {
            if (name == null || name.isEmpty() || !seen.add(name)) {
                return null;
            }
        }
        return List.copyOf(d.binNames);
    }

    private static void whole(JsonGenerator g, boolean known, int v) throws IOException {
        if (known) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    /** JSON has no NaN or infinity: such a value is written as {@code null} (Jackson would write a string). */
    private static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    private static void number(JsonGenerator g, float v) throws IOException {
        if (Float.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }
}
