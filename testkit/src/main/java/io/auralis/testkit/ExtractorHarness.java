package io.auralis.testkit;

import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.Parameters;
import io.auralis.api.extractor.SessionContext;
import io.auralis.api.output.FileRecord;
import io.auralis.host.engine.FileAnalyzer;
import io.auralis.host.workflow.Step;
import io.auralis.host.workflow.StepDefinition;
import io.auralis.host.workflow.Workflow;
import io.auralis.host.workflow.WorkflowDefinition;
import io.auralis.host.workflow.WorkflowException;
import io.auralis.host.workflow.WorkflowValidator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one extractor the way {@code auralis analyze} does, through the host's own workflow engine rather than a
 * copy of it. The harness writes a one-step workflow (plus a stand-in step for each bound input), has the host's
 * {@code WorkflowValidator} check it, and runs it with the host's {@code FileAnalyzer} over audio held in memory. So:
 *
 * <ul>
 * <li>parameters are checked against the descriptor and completed with its defaults as the host does
 * ({@code INTEGER} as {@code Long}, {@code NUMBER} as {@code Double}, ...); a value the host would refuse is an
 * {@link IllegalArgumentException} naming the problem, as a workflow would be refused;</li>
 * <li>framing is the descriptor's, or the override as a workflow's {@code blockSize} and {@code stepSize} give it
 * (a block size alone keeps the extractor's overlap);</li>
 * <li>blocks come from the host's framer: in time order, through one reused array, the last block the first to
 * reach the end of the audio, shorter and never padded; then the end of the file as {@code analyze} ends its last
 * step, {@code finishAsync} (whose default is {@code finish}), waited for, then {@code close}.</li>
 * </ul>
 *
 * <p>The harness adds checks the host leaves to the writers: every emitted feature must go to a declared output,
 * in time order, with the declared number of values, finite and within the declared extents, and without a
 * duration where the output declares none. And after each {@code process} of a framed block it writes NaN over the
 * block's array (the host overwrites it with the next block), so an extractor that keeps a reference to it fails.
 * A failure inside the run (the extractor's {@link ExtractionException}, a bug, a failed check) is thrown as it
 * was thrown, not turned into a record's error line.
 *
 * <pre>{@code
 * ExtractorHarness.Result r = ExtractorHarness.of(new ZeroCrossingRate()).run(samples);
 * List<Feature> zcr = r.get("zcr");
 * }</pre>
 */
public final class ExtractorHarness {
    /** The file name sessions are opened for, as the host passes the user's name of the file. */
    public static final String SOURCE = "test.wav";

    /** The id of the step under test in the workflow the harness writes. */
    static final String STEP = "tested";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FeatureExtractor extractor;
    private final Map<String, JsonNode> parameters = new LinkedHashMap<>();
    private final Map<String, Object> unchecked = new LinkedHashMap<>();
    private final Map<String, UpstreamSource> inputs = new LinkedHashMap<>();
    private int sampleRate = Workflow.DEFAULT_SAMPLE_RATE;
    private Integer blockSize;
    private Integer stepSize;

    private ExtractorHarness(FeatureExtractor extractor) {
        this.extractor = extractor;
    }

    /**
     * Starts describing a run of an extractor.
     *
     * @param extractor the extractor under test
     * @return the harness
     */
    public static ExtractorHarness of(FeatureExtractor extractor) {
        return new ExtractorHarness(extractor);
    }

    /**
     * Sets a parameter as a workflow's {@code parameters} would: the value is written as JSON and read back by the
     * host's parameter checks.
     *
     * @param id the parameter id
     * @param value a number, Boolean or String, as JSON would hold it
     * @return this harness
     */
    public ExtractorHarness with(String id, Object value) {
        parameters.put(id, JSON.valueToTree(value));
        return this;
    }

    /**
     * Sets a parameter past the host's checks: the value reaches {@link #context()} and {@link #open()} as given,
     * even where the host would refuse it (out of range, say). For tests of an extractor's own defence against
     * values that a caller bypassing the workflow, or a host of another version, could pass.
     *
     * @param id the parameter id, which must be in the descriptor
     * @param value the value exactly as the session should see it
     * @return this harness
     */
    public ExtractorHarness withUnchecked(String id, Object value) {
        if (extractor.descriptor().parameters.stream().noneMatch(p -> p.id.equals(id))) {
            throw new IllegalArgumentException("no parameter " + id + " in " + extractor.descriptor().id);
        }
        unchecked.put(id, value);
        return this;
    }

    /**
     * Sets the workflow's analysis rate (16000 Hz unless set).
     *
     * @param rate Hz
     * @return this harness
     */
    public ExtractorHarness rate(int rate) {
        this.sampleRate = rate;
        return this;
    }

    /**
     * Overrides the extractor's framing as a workflow's {@code blockSize} and {@code stepSize} do.
     *
     * @param block samples per block; 0 hands the whole file over as one block, and then {@code step} is ignored
     *     (a workflow may not give one)
     * @param step samples between block starts
     * @return this harness
     */
    public ExtractorHarness framing(int block, int step) {
        this.blockSize = block;
        this.stepSize = block == 0 ? null : step;
        return this;
    }

    /**
     * Overrides only the block size, as a workflow that sets {@code blockSize} alone: the host keeps the
     * extractor's overlap.
     *
     * @param block samples per block, or 0 for the whole file
     * @return this harness
     */
    public ExtractorHarness blockSize(int block) {
        this.blockSize = block;
        this.stepSize = null;
        return this;
    }

    /**
     * Binds one of the extractor's inputs to an upstream output, as a workflow's {@code inputs} do. A stand-in
     * upstream step with that output emits the given features, each once the audio up to its end has been
     * processed (any left over at the end of the audio, in {@code finish}), so the host delivers them to the
     * session after the {@code process} of the block during which they were emitted.
     *
     * @param id the input id, which must be in the descriptor
     * @param upstream the output bound to it: its {@code kind} must match the input's, and the session sees this
     *     descriptor in {@link SessionContext#inputs()}
     * @param features what the upstream step emits, in time order
     * @return this harness
     */
    public ExtractorHarness input(String id, OutputDescriptor upstream, List<Feature> features) {
        inputs.put(id, new UpstreamSource(id, upstream, features));
        return this;
    }

    /**
     * Binds an input to an upstream output that emits nothing, for tests that call the session themselves.
     *
     * @param id the input id
     * @param upstream the output bound to it
     * @return this harness
     * @see #input(String, OutputDescriptor, List)
     */
    public ExtractorHarness input(String id, OutputDescriptor upstream) {
        return input(id, upstream, List.of());
    }

    /** The workflow the harness stands for, validated by the host. */
    private Workflow workflow(FeatureExtractor tested) {
        WorkflowDefinition w = new WorkflowDefinition();
        w.name = "testkit";
        w.sampleRate = sampleRate;
        w.steps = new ArrayList<>();
        List<FeatureExtractor> installed = new ArrayList<>();
        installed.add(tested);
        StepDefinition s = new StepDefinition();
        s.id = STEP;
        s.extractor = extractor.descriptor().id;
        s.parameters = parameters;
        s.blockSize = blockSize;
        s.stepSize = stepSize;
        s.inputs = new LinkedHashMap<>();
        for (UpstreamSource source : inputs.values()) {
            installed.add(source);
            StepDefinition up = new StepDefinition();
            up.id = source.stepId();
            up.extractor = source.descriptor().id;
            up.blockSize = source.blockSize(sampleRate);
            w.steps.add(up);
            s.inputs.put(source.input(), source.stepId() + "." + source.output().id);
        }
        w.steps.add(s);
        w.outputs = new ArrayList<>();
        try {
            Workflow workflow = new WorkflowValidator(installed, List.of()).validate(w, "testkit");
            return workflow;
        } catch (WorkflowException e) {
            throw new IllegalArgumentException("the host refuses this run of " + extractor.descriptor().id + ": "
                + String.join("; ", e.problems()), e);
        }
    }

    private static Step tested(Workflow workflow) {
        return workflow.steps().stream().filter(s -> s.id().equals(STEP)).findFirst().orElseThrow();
    }

    /**
     * The session context the host would open the extractor with: checked parameters completed with defaults, the
     * fixed framing, and the descriptors of the outputs bound to its inputs.
     *
     * @return the context, for {@link #SOURCE}
     * @throws IllegalArgumentException if the host would refuse the settings
     */
    public SessionContext context() {
        SessionContext c = tested(workflow(extractor)).context(SOURCE, sampleRate);
        if (unchecked.isEmpty()) {
            return c;
        }
        Map<String, Object> values = new LinkedHashMap<>(c.parameters().asMap());
        values.putAll(unchecked);
        return new SessionContext(c.source(), c.sampleRate(), c.blockSize(), c.stepSize(), new Parameters(values),
            c.inputs());
    }

    /**
     * Opens a session as the host does, without running it, for tests that drive the session themselves.
     *
     * @return the extractor's own session
     * @throws ExtractionException if the extractor refuses the settings
     * @throws IllegalArgumentException if the host would refuse them before opening
     */
    public ExtractorSession open() throws ExtractionException {
        return extractor.open(context());
    }

    /** What a run emitted. */
    public static final class Result {
        private final Map<String, List<Feature>> outputs = new LinkedHashMap<>();
        private final Map<Feature, Double> emittedAfter = new IdentityHashMap<>();

        Result(List<OutputDescriptor> declared) {
            for (OutputDescriptor o : declared) {
                outputs.put(o.id, new ArrayList<>());
            }
        }

        void add(String output, Feature feature, double seconds) {
            outputs.get(output).add(feature);
            emittedAfter.put(feature, seconds);
        }

        /**
         * The features of one output, in emission order.
         *
         * @param outputId the output
         * @return its features, empty when it emitted none
         * @throws IllegalArgumentException if the extractor has no such output
         */
        public List<Feature> get(String outputId) {
            List<Feature> list = outputs.get(outputId);
            if (list == null) {
                throw new IllegalArgumentException("no output " + outputId + " (outputs: "
                    + String.join(", ", outputs.keySet()) + ")");
            }
            return list;
        }

        /**
         * How much audio the extractor had been given when it emitted a feature.
         *
         * @param feature a feature of this run
         * @return seconds from the start of the file to the end of the last block passed to {@code process}
         */
        public double emittedAfter(Feature feature) {
            Double seconds = emittedAfter.get(feature);
            if (seconds == null) {
                throw new IllegalArgumentException("not a feature of this run: " + feature);
            }
            return seconds;
        }
    }

    /**
     * Runs the extractor over some audio, as the host runs a file of exactly these samples at the analysis rate.
     *
     * @param audio mono samples at {@link #rate(int)}
     * @return the features by output id, every output of the step present
     * @throws ExtractionException if the extractor fails with one
     * @throws IllegalArgumentException if the host would refuse the settings
     */
    public Result run(float[] audio) throws ExtractionException {
        if (!unchecked.isEmpty()) {
            throw new IllegalStateException("withUnchecked is for context() and open(); the host never runs such values");
        }
        CheckedExtractor checked = new CheckedExtractor(extractor);
        Workflow workflow = workflow(checked);
        Result result = new Result(tested(workflow).outputs());
        checked.collectInto(result, tested(workflow).outputs());
        // the step under test is the last: analyze lets it end later, so the harness does too
        FileRecord record = new FileAnalyzer(workflow, FakeDecoder.serving(audio))
            .analyzeAsync(Path.of(SOURCE), SOURCE, seconds -> { }).join();
        checked.rethrowFailure();
        if (record.error != null) {
            throw new AssertionError(record.error);
        }
        return result;
    }
}
