package io.auralis.writers.jsonl;

import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.emotion.EmotionResult;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.output.FileRecord;
import io.auralis.api.output.RecordEncoder;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Encodes a {@link FileRecord} as one line of JSON:
 * {@code {"file":..,"duration":..,"sampleRate":..,"channels":..,"outputs":{"step.output":[..]},"error":..}}.
 *
 * <p>Features of outputs of kind {@link EmotionFeatures#KIND} are written as {@link EmotionResult}s
 * ({@code time}, {@code duration}, {@code label}, {@code confidence}, {@code distribution}); all others as
 * {@code time}, {@code duration}, {@code values} and {@code label} when there is one. A feature that does not fit
 * its emotion output (a wrong number of values) is written plainly rather than dropped. NaN and infinite values,
 * which JSON cannot hold, are written as {@code null}.
 */
final class RecordJson implements RecordEncoder {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Map<String, OutputDescriptor> outputs;

    /**
     * Creates an encoder.
     *
     * @param outputs the descriptors of the outputs records carry, by {@code step.output}
     */
    RecordJson(Map<String, OutputDescriptor> outputs) {
        this.outputs = Map.copyOf(outputs);
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
        g.writeFieldName("duration");
        number(g, record.duration);
        g.writeNumberField("sampleRate", record.sampleRate);
        g.writeNumberField("channels", record.channels);
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
                    writeFeature(g, f);
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
        number(g, r.time);
        g.writeFieldName("duration");
        number(g, r.duration);
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

    private static void writeFeature(JsonGenerator g, Feature f) throws IOException {
        g.writeStartObject();
        g.writeFieldName("time");
        number(g, f.time);
        g.writeFieldName("duration");
        number(g, f.duration);
        g.writeArrayFieldStart("values");
        if (f.values != null) {
            for (float v : f.values) {
                number(g, v);
            }
        }
        g.writeEndArray();
        if (f.label != null) {
            g.writeStringField("label", f.label);
        }
        g.writeEndObject();
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
