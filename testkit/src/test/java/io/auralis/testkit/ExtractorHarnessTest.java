package io.auralis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.extractor.SessionContext;
import io.auralis.api.output.FileRecord;
import io.auralis.host.engine.FileAnalyzer;
import io.auralis.host.workflow.Workflow;
import io.auralis.host.workflow.WorkflowException;
import io.auralis.host.workflow.WorkflowReader;
import io.auralis.host.workflow.WorkflowValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ExtractorHarnessTest {
    private static final int RATE = 8000;
    private static final OutputDescriptor SEGMENTS = new OutputDescriptor("speech", "Speech", "segment", "dBFS", 1,
        SampleType.VARIABLE, true);

    /** A ramp: sample {@code i} is {@code i}, so a recorded block shows which samples it holds. */
    private static float[] ramp(int n) {
        float[] audio = new float[n];
        for (int i = 0; i < n; i++) {
            audio[i] = i;
        }
        return audio;
    }

    /** The workflow as a user writes it, one step named as the harness names its step. */
    private static String workflow(String stepSettings) {
        return "{\"name\":\"w\",\"sampleRate\":" + RATE + ",\"steps\":[{\"id\":\"" + ExtractorHarness.STEP
            + "\",\"extractor\":\"" + Recorder.ID + "\"" + stepSettings + "}]}";
    }

    private static Workflow validated(Recorder recorder, String stepSettings) throws WorkflowException {
        byte[] json = workflow(stepSettings).getBytes(StandardCharsets.UTF_8);
        return new WorkflowValidator(List.of(recorder), List.of()).validate(new WorkflowReader().parse(json, "w.json"),
            "w.json");
    }

    /** Runs the workflow through the host's reader, validator and engine, as {@code auralis analyze} does. */
    private static Recorder throughTheHost(String stepSettings, float[] audio) throws WorkflowException {
        Recorder recorder = new Recorder();
        FileRecord record = new FileAnalyzer(validated(recorder, stepSettings), FakeDecoder.serving(audio))
            .analyze(Path.of(ExtractorHarness.SOURCE), ExtractorHarness.SOURCE);
        assertNull(record.error);
        return recorder;
    }

    private static Recorder throughTheKit(UnaryOperator<ExtractorHarness> settings, float[] audio)
            throws ExtractionException {
        Recorder recorder = new Recorder();
        settings.apply(ExtractorHarness.of(recorder).rate(RATE)).run(audio);
        return recorder;
    }

    private static void assertSameRun(Recorder host, Recorder kit) {
        assertEquals(host.calls, kit.calls);
        assertEquals(1, host.contexts.size());
        assertEquals(1, kit.contexts.size());
        SessionContext h = host.contexts.get(0);
        SessionContext k = kit.contexts.get(0);
        assertEquals(h.source(), k.source());
        assertEquals(h.sampleRate(), k.sampleRate());
        assertEquals(h.blockSize(), k.blockSize());
        assertEquals(h.stepSize(), k.stepSize());
        assertEquals(h.parameters().asMap(), k.parameters().asMap());
        assertEquals(h.inputs().keySet(), k.inputs().keySet());
    }

    @Test
    void framesEveryWayAWorkflowCanExactlyAsTheHostsEngineDoes() throws Exception {
        float[] audio = ramp(1234);
        assertSameRun(throughTheHost("", audio), throughTheKit(h -> h, audio));
        assertSameRun(throughTheHost(",\"blockSize\":256", audio), throughTheKit(h -> h.blockSize(256), audio));
        assertSameRun(throughTheHost(",\"blockSize\":300,\"stepSize\":400", audio),
            throughTheKit(h -> h.framing(300, 400), audio));
        assertSameRun(throughTheHost(",\"blockSize\":0", audio), throughTheKit(h -> h.framing(0, 0), audio));
    }

    @Test
    void blocksAreTheHostsStepApartAndTheLastReachesTheEndShorterNeverPadded() throws Exception {
        Recorder skipping = throughTheKit(h -> h.framing(300, 400), ramp(1234));
        assertEquals(List.of("process 0+300 [0.0..299.0]", "process 400+300 [400.0..699.0]",
            "process 800+300 [800.0..1099.0]", "process 1200+34 [1200.0..1233.0]", "finish", "close"),
            skipping.calls);
        SessionContext keptOverlap = throughTheKit(h -> h.blockSize(256), ramp(300)).contexts.get(0);
        assertEquals(256, keptOverlap.blockSize());
        assertEquals(128, keptOverlap.stepSize(), "a block size alone keeps the descriptor's 100-every-50 overlap");
        Recorder whole = throughTheKit(h -> h.framing(0, 0), ramp(1234));
        assertEquals(List.of("process 0+1234 [0.0..1233.0]", "finish", "close"), whole.calls);
    }

    @Test
    void fillsParametersAsTheHostDoesWholeNumbersAsLongNumbersAsDouble() throws Exception {
        String given = ",\"parameters\":{\"count\":4,\"gain\":1,\"mode\":\"b\"}";
        Recorder host = throughTheHost(given, ramp(500));
        Recorder kit = throughTheKit(h -> h.with("count", 4).with("gain", 1).with("mode", "b"), ramp(500));
        assertSameRun(host, kit);
        Map<String, Object> values = kit.contexts.get(0).parameters().asMap();
        assertEquals(Map.of("count", 4L, "gain", 1.0, "loud", false, "label", "x", "mode", "b"), values);
        assertInstanceOf(Long.class, values.get("count"));
        assertInstanceOf(Double.class, values.get("gain"));
        assertEquals(values, ExtractorHarness.of(new Recorder()).rate(RATE).with("count", 4).with("gain", 1)
            .with("mode", "b").context().parameters().asMap(), "context() is what run() opens the session with");
    }

    @Test
    void refusesWhatTheHostsValidatorRefusesWithItsOwnWords() {
        WorkflowException host = assertThrows(WorkflowException.class, () -> validated(new Recorder(),
            ",\"parameters\":{\"count\":99,\"mode\":\"c\",\"speed\":1}"));
        IllegalArgumentException kit = assertThrows(IllegalArgumentException.class,
            () -> ExtractorHarness.of(new Recorder()).rate(RATE).with("count", 99).with("mode", "c").with("speed", 1)
                .context());
        assertEquals(3, host.problems().size(), host.problems().toString());
        for (String problem : host.problems()) {
            assertTrue(kit.getMessage().contains(problem), kit.getMessage() + " lacks: " + problem);
        }
    }

    @Test
    void deliversABoundInputAfterTheBlockDuringWhichItsEndWasReached() throws Exception {
        Feature early = new Feature(0.01, 0.02, new float[] {-20}, "speech");
        Feature late = new Feature(0.05, 0.05, new float[] {-20}, "speech");
        Recorder recorder = new Recorder();
        ExtractorHarness.Result result = ExtractorHarness.of(recorder).rate(RATE).framing(100, 100)
            .input("marks", SEGMENTS, List.of(early, late)).run(ramp(1000));
        // early ends at sample 240, inside the block 200-300; late at sample 800, the end of the block 700-800.
        List<String> calls = recorder.calls;
        assertEquals(calls.indexOf("process 200+100 [200.0..299.0]") + 1, calls.indexOf("consume marks 0.01"), calls
            .toString());
        assertEquals(calls.indexOf("process 700+100 [700.0..799.0]") + 1, calls.indexOf("consume marks 0.05"), calls
            .toString());
        assertEquals(SEGMENTS.kind, recorder.contexts.get(0).inputs().get("marks").kind);
        List<Feature> blocks = result.get("blocks");
        assertEquals(10, blocks.size());
        assertEquals(0.0125, result.emittedAfter(blocks.get(0)), 1e-12, "emitted while its own block was processed");
    }

    @Test
    void withUncheckedReachesTheContextPastTheChecksButNeverARun() {
        ExtractorHarness h = ExtractorHarness.of(new Recorder()).withUnchecked("count", 99);
        assertEquals(99, h.context().parameters().asMap().get("count"));
        assertThrows(IllegalStateException.class, () -> h.run(new float[10]));
        assertThrows(IllegalArgumentException.class, () -> ExtractorHarness.of(new Recorder()).withUnchecked("x", 1));
    }

    @Test
    void anUnknownOutputIdIsAClearError() throws Exception {
        ExtractorHarness.Result r = ExtractorHarness.of(new Recorder()).run(new float[200]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.get("nope"));
        assertEquals("no output nope (outputs: blocks)", e.getMessage());
    }

    /** What a faulty extractor does wrong, once, in its first {@code process} or in {@code finish}. */
    private enum Fault { UNDECLARED_OUTPUT, TOO_MANY_VALUES, BACK_IN_TIME, KEEPS_THE_BLOCK, THROWS }

    /** An extractor with one {@link Fault}. */
    private static final class Faulty implements FeatureExtractor {
        private final Fault fault;
        final ExtractionException thrown = new ExtractionException("boom");

        Faulty(Fault fault) {
            this.fault = fault;
        }

        @Override
        public ExtractorDescriptor descriptor() {
            ExtractorDescriptor d = new ExtractorDescriptor();
            d.id = "testkit.faulty";
            d.name = "Faulty";
            d.version = "1.0.0";
            d.description = "Does one thing wrong.";
            d.blockSize = 100;
            d.stepSize = 100;
            d.outputs.add(new OutputDescriptor("level", "Level", "level", null, 1, SampleType.VARIABLE, false));
            return d;
        }

        @Override
        public ExtractorSession open(SessionContext context) {
            return new ExtractorSession() {
                private float[] kept;

                @Override
                public void process(AudioBlock block, FeatureSink sink) throws ExtractionException {
                    if (block.startFrame() > 0) {
                        return;
                    }
                    switch (fault) {
                        case UNDECLARED_OUTPUT -> sink.emit("nope", new Feature(0, 0, new float[] {1}, null));
                        case TOO_MANY_VALUES -> sink.emit("level", new Feature(0, 0, new float[] {1, 2}, null));
                        case BACK_IN_TIME -> {
                            sink.emit("level", new Feature(1.0, 0, new float[] {1}, null));
                            sink.emit("level", new Feature(0.5, 0, new float[] {1}, null));
                        }
                        case KEEPS_THE_BLOCK -> kept = block.samples();
                        case THROWS -> throw thrown;
                        default -> throw new AssertionError(fault);
                    }
                }

                @Override
                public void finish(FeatureSink sink) {
                    if (kept != null) {
                        sink.emit("level", new Feature(0, 0, new float[] {kept[0]}, null));
                    }
                }
            };
        }
    }

    private static String failure(Fault fault) {
        return assertThrows(AssertionError.class, () -> ExtractorHarness.of(new Faulty(fault)).run(new float[300]))
            .getMessage();
    }

    @Test
    void failsAnExtractorThatBreaksItsDescriptorOrKeepsABlock() {
        assertEquals("testkit.faulty emitted to undeclared output nope", failure(Fault.UNDECLARED_OUTPUT));
        assertTrue(failure(Fault.TOO_MANY_VALUES).contains("emitted 2 values, declared 1"));
        assertTrue(failure(Fault.BACK_IN_TIME).contains("went back in time"));
        assertTrue(failure(Fault.KEEPS_THE_BLOCK).contains("value outside its extents"),
            "the block's array is spoilt once process returns");
    }

    @Test
    void throwsTheExtractorsOwnExceptionAsItWasThrown() {
        Faulty faulty = new Faulty(Fault.THROWS);
        ExtractionException e = assertThrows(ExtractionException.class,
            () -> ExtractorHarness.of(faulty).run(new float[300]));
        assertSame(faulty.thrown, e);
    }
}
