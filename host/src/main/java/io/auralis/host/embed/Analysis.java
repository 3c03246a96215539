package io.auralis.host.embed;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.emotion.EmotionResult;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.output.FileRecord;
import io.auralis.host.engine.FileAnalyzer;
import io.auralis.host.workflow.Workflow;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A validated workflow of an open {@link Auralis}, ready to analyse files and samples; thread-safe, so several
 * threads may analyse with one object at once.
 */
public final class Analysis {
    /** The name records of {@link #analyze(float[], int)} carry. */
    public static final String SAMPLES = "samples";

    private final Auralis owner;
    private final Workflow workflow;
    private final FileAnalyzer analyzer;

    Analysis(Auralis owner, Workflow workflow, AudioDecoder decoder) {
        this.owner = owner;
        this.workflow = workflow;
        this.analyzer = new FileAnalyzer(workflow, decoder);
    }

    /**
     * The workflow's name.
     *
     * @return the name
     */
    public String name() {
        return workflow.name();
    }

    /**
     * The outputs records carry, in the workflow's order, for reading their features.
     *
     * @return descriptors by {@code step.output}
     */
    public Map<String, OutputDescriptor> outputs() {
        return workflow.outputs();
    }

    /**
     * Analyses one audio file. Never throws for a bad file: its record holds the error instead.
     *
     * @param file the file
     * @return the record, named as {@code file} is
     * @throws IllegalStateException if the {@link Auralis} this came from is closed
     */
    public FileRecord analyze(Path file) {
        owner.checkOpen();
        return analyzer.analyze(file, file.toString());
    }

    /**
     * Analyses mono samples, resampled to the workflow's rate by the same resampler files go through (they pass
     * through a temporary 32-bit float WAV file, deleted afterwards).
     *
     * @param samples the audio, full scale at -1 and 1
     * @param sampleRate their rate in Hz
     * @return the record, named {@value #SAMPLES}
     * @throws IllegalArgumentException if the rate is not positive or there are more samples than a WAV file holds
     * @throws UncheckedIOException if the temporary file cannot be written
     * @throws IllegalStateException if the {@link Auralis} this came from is closed
     */
    public FileRecord analyze(float[] samples, int sampleRate) {
        owner.checkOpen();
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("the sample rate must be positive: " + sampleRate);
        }
        if (samples.length > (Integer.MAX_VALUE - 36) / Float.BYTES) {
            throw new IllegalArgumentException(samples.length + " samples are more than a WAV file holds");
        }
        Path wav = null;
        try {
            wav = Files.createTempFile("auralis-samples-", ".wav");
            writeFloatWav(wav, samples, sampleRate);
            return analyzer.analyze(wav, SAMPLES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the samples to a temporary file: " + e.getMessage(), e);
        } finally {
            if (wav != null) {
                try {
                    Files.deleteIfExists(wav);
                } catch (IOException e) {
                    wav.toFile().deleteOnExit();
                }
            }
        }
    }

    /**
     * The emotions of one output of a record, in time order: each feature decoded with
     * {@link EmotionFeatures#fromFeature}.
     *
     * @param record a record this workflow produced
     * @param output the {@code step.output} of kind {@value EmotionFeatures#KIND}, such as {@code emotion.emotion}
     * @return the results; empty if the record failed or the output found no speech
     * @throws IllegalArgumentException if the workflow has no such output, or it is not an emotion output
     */
    public List<EmotionResult> emotions(FileRecord record, String output) {
        OutputDescriptor descriptor = workflow.outputs().get(output);
        if (descriptor == null) {
            throw new IllegalArgumentException("workflow '" + name() + "' has no output '" + output + "' (its "
                + "outputs: " + String.join(", ", workflow.outputs().keySet()) + ")");
        }
        List<Feature> features = record.outputs.getOrDefault(output, List.of());
        return features.stream().map(feature -> EmotionFeatures.fromFeature(feature, descriptor)).toList();
    }

    private static void writeFloatWav(Path file, float[] samples, int sampleRate) throws IOException {
        int data = samples.length * Float.BYTES;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data)
            .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
            .putShort((short) 3) // IEEE float
            .putShort((short) 1).putInt(sampleRate).putInt(sampleRate * Float.BYTES)
            .putShort((short) Float.BYTES).putShort((short) 32)
            .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
        ByteBuffer body = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header.array());
            for (float sample : samples) {
                if (!body.hasRemaining()) {
                    out.write(body.array(), 0, body.position());
                    body.clear();
                }
                body.putFloat(sample);
            }
            out.write(body.array(), 0, body.position());
        }
    }
}
