package io.auralis.ser.extractor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.host.workflow.WorkflowDefinition;
import io.auralis.host.workflow.WorkflowReader;
import io.auralis.host.workflow.WorkflowValidator;
import io.auralis.ser.inference.EmotionModel;
import io.auralis.ser.model.SignalFixture;
import io.auralis.ser.runtime.ModelService;
import io.auralis.ser.runtime.TestModels;
import io.auralis.testkit.ExtractorHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerExtractorTest {
    private static final int RATE = 16000;
    private static final List<String> CLASSES = List.of("calm", "angry", "sad");
    /** Speech segments as the segmenter declares them, bound to the segments input. */
    private static final OutputDescriptor SPEECH = new OutputDescriptor("speech", "Speech", "segment", "dBFS", 1,
        SampleType.VARIABLE, true);

    @TempDir
    static Path models;
    static ModelService service;
    static SerExtractor extractor;
    static EmotionModel model;

    @BeforeAll
    static void install() throws Exception {
        TestModels.write(models, "default", CLASSES);
        TestModels.write(models, "other", List.of("x", "y", "z"));
        TestModels.write(models, "reordered", List.of("sad", "calm", "angry"));
        service = TestModels.service(models);
        extractor = new SerExtractor(service);
        model = service.model("default", Path.of(""), null);
    }

    @AfterAll
    static void close() {
        service.close();
    }

    @Test
    void batchOnlyChangesSpeedSoAWorkflowsDigestIgnoresItWhileTheHopStillCounts() throws Exception {
        // outputs written before the batch parameter existed, or with another batch, can be resumed
        String plain = digest("{}");
        assertEquals(plain, digest("{'batch': 1}"));
        assertEquals(plain, digest("{'batch': 32}"));
        assertTrue(extractor.descriptor().parameters.stream().filter(p -> p.performanceOnly).map(p -> p.id).toList()
            .equals(List.of(SerExtractor.BATCH)), "batch alone is marked");
        String hop = digest("{'mode': 'window', 'hop': 1.0}");
        assertTrue(!plain.equals(hop) && !hop.equals(digest("{'mode': 'window', 'hop': 0.5}")),
            "a parameter that changes the emotions changes the digest");
    }

    /** The digest of a workflow with one SER step and those parameters, as analyze computes it. */
    private static String digest(String parameters) throws Exception {
        String json = ("{'sampleRate': 16000, 'steps': [{'id': 'emotion', 'extractor': '" + SerExtractor.ID
            + "', 'parameters': " + parameters + "}]}").replace('\'', '"');
        WorkflowDefinition d = new WorkflowReader().parse(json.getBytes(StandardCharsets.UTF_8), "w.json");
        return new WorkflowValidator(List.of(extractor), List.of("jsonl")).validate(d, "w.json").digest();
    }

    /** The extractor as a workflow step runs it, through the test kit: parameters checked and completed by the host. */
    private static ExtractorHarness step(SerExtractor tested, Map<String, Object> parameters, int block, int step) {
        ExtractorHarness h = ExtractorHarness.of(tested).framing(block, step);
        parameters.forEach(h::with);
        return h;
    }

    private static ExtractorHarness step(Map<String, Object> parameters) {
        return step(extractor, parameters, 4096, 4096);
    }

    /** What the step emits when the host frames the samples and delivers the segments after their block. */
    private static List<Feature> emotions(ExtractorHarness step, float[] samples) throws ExtractionException {
        return step.run(samples).get(SerExtractor.OUTPUT);
    }

    private static float[] expected(float[] samples, double from, double to) throws Exception {
        float[] clip = java.util.Arrays.copyOfRange(samples, (int) Math.round(from * RATE),
            (int) Math.round(to * RATE));
        return model.predict(clip).probabilities();
    }

    @Test
    void descriptorDeclaresTheDefaultModelsClassesAndTheSegmentsInput() {
        OutputDescriptor out = extractor.descriptor().outputs.get(0);
        assertEquals(EmotionFeatures.KIND, out.kind);
        assertEquals(CLASSES, out.binNames);
        assertEquals("segment", extractor.descriptor().inputs.get(0).kind);
        assertEquals(16000, extractor.descriptor().sampleRate);
    }

    @Test
    void clipModeGivesOneEmotionForTheWholeFile() throws Exception {
        float[] samples = SignalFixture.signal(20000, 1);
        List<Feature> features = emotions(step(Map.of()), samples);
        assertEquals(1, features.size());
        assertEquals(0, features.get(0).time);
        assertEquals(1.25, features.get(0).duration, 1e-9);
        assertArrayEquals(expected(samples, 0, 1.25), features.get(0).values, 1e-6f);
    }

    @Test
    void windowModeStreamsWindowsAndATailWithTheSameResultsForAnyFraming() throws Exception {
        float[] samples = SignalFixture.signal(36800, 2); // 2.3 s
        Map<String, Object> window = Map.of("mode", "window", "window", 0.5, "hop", 0.25);
        List<Feature> plain = emotions(step(window), samples);
        // full windows start at 0, 0.25 .. 1.75; the tail from 2.0 covers the last 0.05 s they leave
        assertEquals(9, plain.size());
        for (int i = 0; i < 8; i++) {
            assertEquals(0.25 * i, plain.get(i).time, 1e-9);
            assertEquals(0.5, plain.get(i).duration, 1e-9);
            assertArrayEquals(expected(samples, 0.25 * i, 0.25 * i + 0.5), plain.get(i).values, 1e-5f);
        }
        assertEquals(2.0, plain.get(8).time, 1e-9);
        assertEquals(0.3, plain.get(8).duration, 1e-9);
        assertArrayEquals(expected(samples, 2.0, 2.3), plain.get(8).values, 1e-5f);
        List<Feature> overlapping = emotions(step(extractor, window, 4096, 1024), samples);
        List<Feature> whole = emotions(step(extractor, window, 0, 0), samples);
        for (List<Feature> other : List.of(overlapping, whole)) {
            assertEquals(plain.size(), other.size());
            for (int i = 0; i < plain.size(); i++) {
                assertArrayEquals(plain.get(i).values, other.get(i).values, 1e-5f);
            }
        }
    }

    @Test
    void segmentsGetOneEmotionEachAndTooShortOnesNone() throws Exception {
        float[] samples = SignalFixture.signal(48000, 3); // 3 s
        List<Feature> segments = List.of(new Feature(0.2, 0.8, new float[] {-20}, "speech"),
            new Feature(1.2, 0.01, new float[] {-20}, "speech"),
            new Feature(1.5, 1.1, new float[] {-20}, "speech"));
        List<Feature> features = emotions(step(Map.of("mode", "window")).input(SerExtractor.SEGMENTS, SPEECH, segments),
            samples);
        assertEquals(2, features.size());
        assertEquals(0.2, features.get(0).time, 1e-9);
        assertEquals(0.8, features.get(0).duration, 1e-9);
        assertArrayEquals(expected(samples, 0.2, 1.0), features.get(0).values, 1e-5f);
        assertArrayEquals(expected(samples, 1.5, 2.6), features.get(1).values, 1e-5f);
        assertTrue(CLASSES.contains(features.get(1).label));
    }

    @Test
    void batchOfOnePredictsEachSegmentWhenItArrivesAndTheDefaultHoldsThemForTheFileEnd() throws Exception {
        float[] samples = SignalFixture.signal(48000, 3);
        Feature segment = new Feature(0.2, 0.8, new float[] {-20}, "speech");
        for (long batch : new long[] {1, 8}) {
            ExtractorSession session = step(Map.of("batch", batch)).input(SerExtractor.SEGMENTS, SPEECH).open();
            List<Feature> out = new ArrayList<>();
            session.process(new AudioBlock(java.util.Arrays.copyOf(samples, 24000), 24000, 0, RATE),
                (id, f) -> out.add(f));
            session.consume(SerExtractor.SEGMENTS, segment, (id, f) -> out.add(f));
            // live input needs the emotion as soon as its segment is final; files batch for throughput
            assertEquals(batch == 1 ? 1 : 0, out.size(), "emitted on consume with batch " + batch);
            session.finish((id, f) -> out.add(f));
            session.close();
            assertEquals(1, out.size(), "emitted by the end with batch " + batch);
            assertArrayEquals(expected(samples, 0.2, 1.0), out.get(0).values, 1e-5f);
        }
    }

    @Test
    void everyModeEndingLaterEmitsWhatItEmitsAtOnce() throws Exception {
        float[] samples = SignalFixture.signal(36800, 5); // 2.3 s
        List<Feature> segments = List.of(new Feature(0.2, 0.8, new float[] {-20}, "speech"),
            new Feature(1.5, 0.7, new float[] {-20}, "speech"));
        List<ExtractorHarness> steps = List.of(step(Map.of()),
            step(Map.of("mode", "window", "window", 0.5, "hop", 0.25, "batch", 3L)),
            step(Map.of()).input(SerExtractor.SEGMENTS, SPEECH));
        for (ExtractorHarness step : steps) {
            List<List<Feature>> runs = new ArrayList<>();
            for (boolean later : new boolean[] {false, true}) {
                ExtractorSession session = step.open();
                List<Feature> out = new ArrayList<>();
                FeatureSink sink = (id, f) -> out.add(f);
                session.process(new AudioBlock(samples, samples.length, 0, RATE), sink);
                if (step == steps.get(2)) {
                    for (Feature segment : segments) {
                        session.consume(SerExtractor.SEGMENTS, segment, sink);
                    }
                }
                int before = out.size();
                if (later) {
                    session.finishAsync(sink).toCompletableFuture().get(60, TimeUnit.SECONDS);
                } else {
                    session.finish(sink);
                }
                session.close();
                assertTrue(out.size() > before, "the end emits what was held");
                runs.add(out);
            }
            assertEquals(runs.get(0).size(), runs.get(1).size());
            for (int i = 0; i < runs.get(0).size(); i++) {
                Feature now = runs.get(0).get(i);
                Feature later = runs.get(1).get(i);
                assertEquals(now.time, later.time);
                assertEquals(now.duration, later.duration);
                assertEquals(now.label, later.label);
                assertArrayEquals(now.values, later.values, 1e-6f);
            }
        }
    }

    @Test
    void aFileEndingLaterThatIsTooShortFailsAtOnce() throws Exception {
        ExtractorSession session = step(Map.of()).open();
        session.process(new AudioBlock(new float[100], 100, 0, RATE), (id, f) -> { });
        ExtractionException e = assertThrows(ExtractionException.class, () -> session.finishAsync((id, f) -> { }));
        assertEquals("6.3 ms of audio is shorter than the 13.8 ms cnn3gru needs", e.getMessage());
    }

    @Test
    void segmentOlderThanTheBufferIsAClearError() throws Exception {
        float[] samples = SignalFixture.signal(5 * RATE, 4);
        List<Feature> late = List.of(new Feature(0.5, 4.4, new float[] {-20}, "speech"));
        ExtractionException e = assertThrows(ExtractionException.class, () -> emotions(
            step(Map.of("buffer", 2.0)).input(SerExtractor.SEGMENTS, SPEECH, late), samples));
        assertTrue(e.getMessage().contains("raise its 'buffer' parameter"), e.getMessage());
    }

    @Test
    void tooShortFileIsAClearError() throws Exception {
        ExtractionException e = assertThrows(ExtractionException.class, () -> emotions(step(Map.of()),
            new float[100]));
        assertEquals("6.3 ms of audio is shorter than the 13.8 ms cnn3gru needs", e.getMessage());
    }

    @Test
    void eachModelsOutputCarriesThatModelsClassesInItsOrder() throws Exception {
        assertEquals(List.of("x", "y", "z"),
            extractor.outputs(Map.of(), step(Map.of("model", "other")).context().parameters()).get(0).binNames);
        List<String> reorderedClasses = extractor.outputs(Map.of(),
            step(Map.of("model", "reordered")).context().parameters()).get(0).binNames;
        assertEquals(List.of("sad", "calm", "angry"), reorderedClasses);

        float[] samples = SignalFixture.signal(8000, 5);
        Feature f = emotions(step(Map.of("model", "reordered")), samples).get(0);
        float[] p = service.model("reordered", Path.of(""), null).predict(samples).probabilities();
        assertArrayEquals(p, f.values, 1e-6f, "values follow the binNames the output declared for this model");
    }

    @Test
    void eachModelsOutputNamesThatModel() {
        OutputDescriptor other = extractor.outputs(Map.of(),
            step(Map.of("model", "other")).context().parameters()).get(0);
        assertEquals("other", other.model.name);
        assertTrue(other.model.location.endsWith("other"), other.model.location);
        assertEquals("default", extractor.descriptor().outputs.get(0).model.name, "the listing's default");
    }

    @Test
    void aMissingModelIsReportedWhenTheWorkflowIsValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> step(Map.of("model", "nope")).context());
        assertTrue(e.getMessage().endsWith(": nope: no such model directory (installed models: default, other, "
            + "reordered)"), e.getMessage());
    }

    @Test
    void withoutADefaultModelTheListingSaysSoAndANamedModelStillWorks(@TempDir Path empty) throws Exception {
        TestModels.write(empty, "mine", CLASSES);
        ModelService bare = TestModels.service(empty);
        try {
            SerExtractor noDefault = new SerExtractor(bare);
            assertEquals(List.of(), noDefault.descriptor().outputs.get(0).binNames);
            assertTrue(noDefault.descriptor().description.contains("none is installed"),
                noDefault.descriptor().description);
            ExtractorHarness mine = step(noDefault, Map.of("model", empty.resolve("mine").toString()), 4096, 4096);
            assertEquals(CLASSES, noDefault.outputs(Map.of(), mine.context().parameters()).get(0).binNames);
            float[] samples = SignalFixture.signal(8000, 3);
            assertEquals(1, emotions(mine, samples).size());
        } finally {
            bare.close();
        }
    }

    @Test
    void missingModelAndBadDeviceAreClearErrors() {
        // Past the host's checks, as a caller that bypasses the workflow could open it.
        ExtractionException e = assertThrows(ExtractionException.class,
            () -> step(Map.of()).withUnchecked("model", "nope").open());
        assertEquals("nope: no such model directory (installed models: default, other, reordered)", e.getMessage());
        e = assertThrows(ExtractionException.class, () -> step(Map.of("device", "tpu")).open());
        assertTrue(e.getMessage().startsWith("unknown device 'tpu'"), e.getMessage());
    }
}
