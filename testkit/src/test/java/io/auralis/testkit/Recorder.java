package io.auralis.testkit;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.api.extractor.InputDescriptor;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.extractor.SessionContext;
import java.util.ArrayList;
import java.util.List;

/**
 * An extractor that writes down how it was opened and fed: each session's context, and every call with the block's
 * place and its first and last samples (the audio is a ramp, so a sample's value is its index). It emits one
 * feature per block to {@code blocks}: the block's start and length.
 */
final class Recorder implements FeatureExtractor {
    static final String ID = "testkit.recorder";

    final List<SessionContext> contexts = new ArrayList<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public ExtractorDescriptor descriptor() {
        ExtractorDescriptor d = new ExtractorDescriptor();
        d.id = ID;
        d.name = "Recorder";
        d.version = "1.0.0";
        d.description = "Writes down what the host does.";
        d.blockSize = 100;
        d.stepSize = 50;
        d.parameters.add(ParameterDescriptor.integer("count", "Count", "A whole number.", null, 1, 10, 3));
        d.parameters.add(ParameterDescriptor.number("gain", "Gain", "A number.", "x", 0, 2, 0.5));
        d.parameters.add(ParameterDescriptor.bool("loud", "Loud", "A flag.", false));
        d.parameters.add(ParameterDescriptor.text("label", "Label", "A text.", "x"));
        d.parameters.add(ParameterDescriptor.choice("mode", "Mode", "A choice.", List.of("a", "b"), "a"));
        d.inputs.add(new InputDescriptor("marks", "Marks", "Segments to note.", "segment", false));
        d.outputs.add(new OutputDescriptor("blocks", "Blocks", "block", null, 2, SampleType.ONE_PER_BLOCK, true));
        return d;
    }

    @Override
    public ExtractorSession open(SessionContext context) {
        contexts.add(context);
        return new ExtractorSession() {
            @Override
            public void process(AudioBlock block, FeatureSink sink) {
                float[] s = block.samples();
                calls.add("process " + block.startFrame() + "+" + block.length() + " [" + s[0] + ".."
                    + s[block.length() - 1] + "]");
                sink.emit("blocks", new Feature(block.startTime(), block.duration(),
                    new float[] {block.startFrame(), block.length()}, null));
            }

            @Override
            public void consume(String inputId, Feature feature, FeatureSink sink) {
                calls.add("consume " + inputId + " " + feature.time);
            }

            @Override
            public void finish(FeatureSink sink) {
                calls.add("finish");
            }

            @Override
            public void close() {
                calls.add("close");
            }
        };
    }
}
