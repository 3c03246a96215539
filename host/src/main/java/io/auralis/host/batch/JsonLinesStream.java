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

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Records as JSON Lines on a stream, for {@code analyze} without {@code --output}. Writer services only write
 * files, so the host encodes standard output itself, in exactly the shape of the {@code jsonl} writer bundle (a
 * test compares the two): {@code file, duration, sampleRate, channels, outputs, error}, emotion outputs as
 * {@code time, duration, label, confidence, distribution}, other features as {@code time, duration, values} and
 * {@code label} when present, NaN and infinite values as {@code null}. Each record is one line, then a flush.
 */
public final class JsonLinesStream implements RecordSink {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final int BUFFER = 64 * 1024;

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

    /**
     * {@inheritDoc}
     *
     * <p>The line is encoded as a stream through a buffer of {@value #BUFFER} bytes: a record up to that size is
     * one write, and a failure while encoding it writes nothing; a larger record is written as it is encoded, and a
     * failure part-way ends its torn line, so that the next record still starts a line.
     */
    @Override
    public void write(FileRecord record) throws IOException {
        boolean[] spilled = {false};
        // The stream is never closed (that would close standard output), only flushed.
        BufferedOutputStream line = new BufferedOutputStream(new OutputStream() {
            @Override
            public void write(int b) {
                spilled[0] = true;
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                spilled[0] = true;
                out.write(b, off, len);
            }
        }, BUFFER);
        try {
            JsonGenerator g = JSON.createGenerator(line, JsonEncoding.UTF8);
            writeRecord(g, record);
            g.flush();
            line.write('\n');
            line.flush();
        } catch (Throwable t) {
            if (spilled[0]) {
                out.write('\n');
            }
            throw t;
        } finally {
            out.flush();
        }
        if (out.checkError()) {
            throw new IOException("standard output: cannot write (closed pipe?)");
        }
    }

    @Override
    public void close() {
        out.flush();
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
