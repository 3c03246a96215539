package io.auralis.host.fake;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractionException;
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

import java.util.List;

/**
 * An extractor for tests, described fluently, whose sessions do what the test says. By default a session emits,
 * for every block, one feature on each output: stamped with the block, with values {@code startFrame, length,
 * first sample, last sample}.
 */
public final class FakeExtractor implements FeatureExtractor {
    /** Opens a session. */
    @FunctionalInterface
    public interface Sessions {
        /**
         * Opens a session.
         *
         * @param context the context the host fixed
         * @return the session
         * @throws ExtractionException to fail the file
         */
        ExtractorSession open(SessionContext context) throws ExtractionException;
    }

    private final ExtractorDescriptor descriptor = new ExtractorDescriptor();
    private Sessions sessions = context -> new BlockEcho(this);

    private FakeExtractor(String id) {
        descriptor.id = id;
        descriptor.name = id;
        descriptor.version = "1";
    }

    /**
     * Starts describing an extractor with blocks of 1024 every 1024 samples, any rate, and no outputs yet.
     *
     * @param id its id
     * @return the extractor
     */
    public static FakeExtractor of(String id) {
        return new FakeExtractor(id);
    }

    /**
     * Adds an output.
     *
     * @param id its id
     * @param kind its kind
     * @return this
     */
    public FakeExtractor output(String id, String kind) {
        descriptor.outputs.add(new OutputDescriptor(id, id, kind, null, -1, SampleType.VARIABLE, true));
        return this;
    }

    /**
     * Adds an output with named values.
     *
     * @param id its id
     * @param kind its kind
     * @param sampleType how its features are placed in time
     * @param binNames the names of its values, as many as each feature has
     * @return this
     */
    public FakeExtractor output(String id, String kind, SampleType sampleType, String... binNames) {
        OutputDescriptor o = new OutputDescriptor(id, id, kind, null, binNames.length, sampleType, true);
        o.binNames = List.of(binNames);
        descriptor.outputs.add(o);
        return this;
    }

    /**
     * Adds an input.
     *
     * @param id its id
     * @param kind the kind it accepts, or {@code null}
     * @param required whether workflows must bind it
     * @return this
     */
    public FakeExtractor input(String id, String kind, boolean required) {
        descriptor.inputs.add(new InputDescriptor(id, id, id, kind, required));
        return this;
    }

    /**
     * Adds a parameter.
     *
     * @param p its descriptor
     * @return this
     */
    public FakeExtractor parameter(ParameterDescriptor p) {
        descriptor.parameters.add(p);
        return this;
    }

    /**
     * Sets the preferred framing.
     *
     * @param blockSize samples per block, 0 for the whole file
     * @param stepSize samples between block starts
     * @return this
     */
    public FakeExtractor framing(int blockSize, int stepSize) {
        descriptor.blockSize = blockSize;
        descriptor.stepSize = stepSize;
        return this;
    }

    /**
     * Sets the rate the extractor needs.
     *
     * @param rate Hz, or 0 for any
     * @return this
     */
    public FakeExtractor rate(int rate) {
        descriptor.sampleRate = rate;
        return this;
    }

    /**
     * Sets what sessions do.
     *
     * @param s opens sessions
     * @return this
     */
    public FakeExtractor sessions(Sessions s) {
        this.sessions = s;
        return this;
    }

    /**
     * The output ids.
     *
     * @return in order
     */
    public List<String> outputIds() {
        return descriptor.outputs.stream().map(o -> o.id).toList();
    }

    @Override
    public ExtractorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ExtractorSession open(SessionContext context) throws ExtractionException {
        return sessions.open(context);
    }

    /** The default session: one feature per block and output, describing the block. */
    public static final class BlockEcho implements ExtractorSession {
        private final FakeExtractor extractor;

        BlockEcho(FakeExtractor extractor) {
            this.extractor = extractor;
        }

        @Override
        public void process(AudioBlock block, FeatureSink sink) {
            float[] values = {block.startFrame(), block.length(), block.samples()[0],
                block.samples()[block.length() - 1]};
            for (String output : extractor.outputIds()) {
                sink.emit(output, new Feature(block.startTime(), block.duration(), values.clone(), null));
            }
        }

        @Override
        public void finish(FeatureSink sink) {
        }
    }
}
