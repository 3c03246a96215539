package io.auralis.host.testbundle;

import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.InputDescriptor;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.extractor.SessionContext;
import java.util.List;

/** An extractor that a test bundle contributes, to check how the host lists descriptors; it is never run. */
public class DescribedExtractor implements FeatureExtractor {

    @Override
    public ExtractorDescriptor descriptor() {
        ExtractorDescriptor d = new ExtractorDescriptor();
        d.id = "test.described";
        d.name = "Described";
        d.version = "2.1.0";
        d.description = "Describes every kind of field.";
        d.sampleRate = 16000;
        d.blockSize = 400;
        d.stepSize = 160;
        d.parameters.add(ParameterDescriptor.number("gain", "Gain", "Scales the input.", "dB", -24, 24, 0));
        d.parameters.add(ParameterDescriptor.choice("mode", "Mode", "How to run.", List.of("fast", "exact"), "fast"));
        d.inputs.add(new InputDescriptor("segments", "Segments", "Where to look.", "segment", true));
        d.outputs.add(new OutputDescriptor("level", "Level", "loudness", "dBFS", 1, SampleType.FIXED_RATE, false));
        d.outputs.get(0).sampleRate = 100;
        return d;
    }

    @Override
    public ExtractorSession open(SessionContext context) throws ExtractionException {
        throw new ExtractionException("test.described only describes itself");
    }
}
