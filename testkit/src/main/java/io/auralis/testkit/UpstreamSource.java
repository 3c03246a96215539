package io.auralis.testkit;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SessionContext;

import java.util.List;

/**
 * A stand-in upstream step for one bound input: an extractor with the one output the input is bound to, which
 * emits given features, each in the first block that reaches its end, and what is left in {@code finish}. Its blocks
 * are a millisecond long, so a feature reaches the step under test right after the block of that step during which
 * the feature's end was reached, as from a real upstream step with fine framing.
 */
final class UpstreamSource implements FeatureExtractor {
    private final String input;
    private final OutputDescriptor output;
    private final List<Feature> features;

    UpstreamSource(String input, OutputDescriptor output, List<Feature> features) {
        this.input = input;
        this.output = output;
        this.features = List.copyOf(features);
    }

    String input() {
        return input;
    }

    OutputDescriptor output() {
        return output;
    }

    String stepId() {
        return "input-" + input.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    int blockSize(int sampleRate) {
        return Math.max(1, sampleRate / 1000);
    }

    @Override
    public ExtractorDescriptor descriptor() {
        ExtractorDescriptor d = new ExtractorDescriptor();
        d.id = "testkit.input." + input;
        d.name = "Input " + input;
        d.version = "1.0.0";
        d.description = "Emits the features a test gives for input " + input + ".";
        d.blockSize = 1;
        d.stepSize = 1;
        d.outputs.add(output);
        return d;
    }

    @Override
    public ExtractorSession open(SessionContext context) {
        return new ExtractorSession() {
            private int next;

            @Override
            public void process(AudioBlock block, FeatureSink sink) {
                double end = (block.startFrame() + block.length()) / (double) block.sampleRate();
                while (next < features.size() && features.get(next).end() <= end + 1e-9) {
                    sink.emit(output.id, features.get(next++));
                }
            }

            @Override
            public void finish(FeatureSink sink) {
                while (next < features.size()) {
                    sink.emit(output.id, features.get(next++));
                }
            }
        };
    }
}
