package io.auralis.host.batch;

import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.emotion.EmotionResult;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.output.FileRecord;
import io.auralis.api.output.RecordSink;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Records as JSON Lines on a stream, for {@code analyze} without {@code --output}. Writer services only write
 * files, so the host encodes standard output itself, in exactly the shape of the {@code jsonl} writer bundle (a
 * test compares the two): {@code file, duration, sampleRate, channels, outputs, error}, emotion outputs as
 * {@code time, duration, label, confidence, distribution}, other features as {@code time, duration, values} and
 * {@code label} when present. Each record is one write of one line, then a flush.
 */
public final class JsonLinesStream implements RecordSink {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final PrintStream out;
    private final Map<String, OutputDescriptor> outputs;

    /**
     * Creates the sink.
     *
     * @param out the stream, left open by {@link #close()}
     * @param outputs the descriptors of the outputs records carry, by {@code step.output}
     */
    public JsonLinesStream(PrintStream out, Map<String, OutputDescriptor> outputs) {
        this.out = out;
        this.outputs = Map.copyOf(outputs);
    }

    @Override
    public void write(FileRecord record) throws IOException {
        byte[] line = encode(record);
        out.write(line, 0, line.length);
        out.flush();
        if (out.checkError()) {
            throw new IOException("standard output: cannot write (closed pipe?)");
        }
    }

    @Override
    public void close() {
        out.flush();
    }

    byte[] encode(FileRecord record) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("file", record.file);
            g.writeNumberField("duration", record.duration);
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
        bytes.write('\n');
        return bytes.toByteArray();
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
        g.writeNumberField("time", r.time);
        g.writeNumberField("duration", r.duration);
        g.writeStringField("label", r.label);
        g.writeNumberField("confidence", (float) r.confidence);
        g.writeObjectFieldStart("distribution");
        for (Map.Entry<String, Double> p : r.distribution.entrySet()) {
            g.writeNumberField(p.getKey(), p.getValue().floatValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeFeature(JsonGenerator g, Feature f) throws IOException {
        g.writeStartObject();
        g.writeNumberField("time", f.time);
        g.writeNumberField("duration", f.duration);
        g.writeArrayFieldStart("values");
        if (f.values != null) {
            for (float v : f.values) {
                g.writeNumber(v);
            }
        }
        g.writeEndArray();
        if (f.label != null) {
            g.writeStringField("label", f.label);
        }
        g.writeEndObject();
    }
}
