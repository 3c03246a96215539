package io.auralis.host.testbundle;

import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.extractor.SessionContext;

/**
 * An extractor that a test bundle contributes and that never returns for a file whose name contains
 * {@code hang}: it ignores interrupts, as a stuck native call would, for {@value #HANG_MILLIS} ms (far longer than
 * any test waits, but not forever, so that the test JVM is not left with a busy thread). Other files get one
 * {@code v} feature per block.
 */
public class HangingExtractor implements FeatureExtractor {
    /** How long a hanging session blocks. */
    static final long HANG_MILLIS = 600_000;

    /** Creates the component. */
    public HangingExtractor() {
    }

    @Override
    public ExtractorDescriptor descriptor() {
        ExtractorDescriptor d = new ExtractorDescriptor();
        d.id = "test.hanging";
        d.name = "Hanging";
        d.version = "1.0.0";
        d.description = "Never returns for files named *hang*.";
        d.outputs.add(new OutputDescriptor("v", "Value", "value", "", 1, SampleType.ONE_PER_BLOCK, false));
        return d;
    }

    @Override
    public ExtractorSession open(SessionContext context) {
        return new HangingSession(context.source().contains("hang"), HANG_MILLIS);
    }
}
