package io.auralis.host.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.ModelDescriptor;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.Parameters;
import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.api.extractor.ParameterType;
import io.auralis.api.extractor.SessionContext;
import io.auralis.api.output.RunInfo;
import io.auralis.host.fake.FakeExtractor;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class WorkflowValidatorTest {
    private final FakeExtractor seg = FakeExtractor.of("t.seg").output("speech", "segment").output("silence", "segment")
        .parameter(ParameterDescriptor.number("thresholdDb", "Threshold", "", "dBFS", -100, 0, -50));
    private final FakeExtractor pitch = FakeExtractor.of("t.pitch").output("f0", "pitch").framing(1024, 512)
        .parameter(ParameterDescriptor.choice("algorithm", "Algorithm", "", List.of("yin", "mpm"), "yin"))
        .parameter(ParameterDescriptor.number("minFrequency", "Lowest", "", "Hz", 20, 1000, 60))
        .parameter(ParameterDescriptor.integer("frames", "Frames", "", null, 1, 100, 4))
        .parameter(ParameterDescriptor.bool("smooth", "Smooth", "", false))
        .parameter(ParameterDescriptor.text("tag", "Tag", "", "x"));
    private final FakeExtractor ser = FakeExtractor.of("t.ser").output("emotion", "emotion")
        .input("segments", "segment", true).input("pitch", "pitch", false).rate(16000);

    private Workflow valid(String json) throws WorkflowException {
        return validate(json, seg, pitch, ser);
    }

    private static Workflow validate(String json, FeatureExtractor... extractors) throws WorkflowException {
        WorkflowDefinition d = new WorkflowReader().parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8),
            "w.json");
        return new WorkflowValidator(List.of(extractors), List.of("jsonl", "csv")).validate(d, "w.json");
    }

    private List<String> problems(String json) {
        WorkflowException e = assertThrows(WorkflowException.class, () -> valid(json));
        assertEquals("w.json", e.source());
        return e.problems();
    }

    private String problem(String json) {
        List<String> p = problems(json);
        assertEquals(1, p.size(), p.toString());
        return p.get(0);
    }

    @Test
    void parametersAreCompletedWithDefaultsAndConvertedToTheirTypes() throws Exception {
        Workflow w = valid("{'steps':[{'id':'p','extractor':'t.pitch','parameters':{'minFrequency':70,'frames':8.0,"
            + "'smooth':true}}]}");
        Map<String, Object> values = w.steps().get(0).parameters().asMap();
        assertEquals(Map.of("algorithm", "yin", "minFrequency", 70.0, "frames", 8L, "smooth", true, "tag", "x"),
            values);
        assertEquals(Double.class, values.get("minFrequency").getClass(), "NUMBER given as 70 is a Double");
        assertEquals(Long.class, values.get("frames").getClass(), "INTEGER given as 8.0 is a Long");
        assertEquals(-50.0, valid("{'steps':[{'id':'s','extractor':'t.seg'}]}").steps().get(0).parameters()
            .getDouble("thresholdDb"));
    }

    @Test
    void defaultsOfLooselyDescribedParametersAreConvertedToo() throws Exception {
        ParameterDescriptor count = new ParameterDescriptor();
        count.id = "count";
        count.type = ParameterType.INTEGER;
        count.defaultValue = 3;
        ParameterDescriptor gain = new ParameterDescriptor();
        gain.id = "gain";
        gain.type = ParameterType.NUMBER;
        gain.defaultValue = 2;
        FakeExtractor loose = FakeExtractor.of("t.loose").output("o", "k").parameter(count).parameter(gain);
        Map<String, Object> values = validate("{'steps':[{'id':'l','extractor':'t.loose'}]}", loose).steps().get(0)
            .parameters().asMap();
        assertEquals(3L, values.get("count"));
        assertEquals(2.0, values.get("gain"));
    }

    @Test
    void anUnknownExtractorListsTheKnownOnes() {
        assertEquals("step 'p': unknown extractor 't.pich' (known: t.pitch, t.seg, t.ser)",
            problem("{'steps':[{'id':'p','extractor':'t.pich'}]}"));
    }

    @Test
    void aDuplicateStepIdNamesBothSteps() {
        assertEquals("step 'p': duplicate step id (steps[0] and steps[1])",
            problem("{'steps':[{'id':'p','extractor':'t.pitch'},{'id':'p','extractor':'t.seg'}]}"));
    }

    @Test
    void stepIdsAreRequiredAndHoldNoDots() {
        assertEquals(List.of("steps[0]: missing \"id\"", "step 'a.b': the id may hold only letters, digits, _ and -"),
            problems("{'steps':[{'extractor':'t.pitch'},{'id':'a.b','extractor':'t.seg'}]}"));
    }

    @Test
    void anUnknownParameterListsTheValidOnes() {
        assertEquals("step 'p': unknown parameter 'minFreq' for t.pitch (valid: algorithm, minFrequency, frames, "
            + "smooth, tag)", problem("{'steps':[{'id':'p','extractor':'t.pitch','parameters':{'minFreq':70}}]}"));
        assertEquals("step 'e': unknown parameter 'x' for t.ser (it takes no parameters)",
            problem("{'steps':[{'id':'s','extractor':'t.seg'},{'id':'e','extractor':'t.ser','parameters':{'x':1},"
                + "'inputs':{'segments':'s.speech'}}]}"));
    }

    @Test
    void aValueOfTheWrongTypeSaysWhatItMustBe() {
        assertEquals(List.of(
            "step 'p': parameter 'minFrequency' must be a number, not \"70\"",
            "step 'p': parameter 'frames' must be a whole number, not 2.5",
            "step 'p': parameter 'smooth' must be true or false, not 1",
            "step 'p': parameter 'tag' must be a string, not an array"),
            problems("{'steps':[{'id':'p','extractor':'t.pitch','parameters':{'minFrequency':'70','frames':2.5,"
                + "'smooth':1,'tag':[]}}]}"));
    }

    @Test
    void aValueOutOfRangeGivesTheRangeWithItsUnit() {
        assertEquals(List.of(
            "step 'p': parameter 'minFrequency' is 5 Hz, out of range: must be between 20 and 1000 Hz",
            "step 'p': parameter 'frames' is 0, out of range: must be between 1 and 100"),
            problems("{'steps':[{'id':'p','extractor':'t.pitch','parameters':{'minFrequency':5,'frames':0}}]}"));
    }

    @Test
    void aValueThatIsNotAChoiceListsTheChoices() {
        assertEquals("step 'p': parameter 'algorithm' must be one of \"yin\", \"mpm\", not \"crepe\"",
            problem("{'steps':[{'id':'p','extractor':'t.pitch','parameters':{'algorithm':'crepe'}}]}"));
    }

    @Test
    void inputsBoundToUnknownStepsOrOutputsAreNamed() {
        assertEquals("step 'e': input 'segments' refers to unknown step 'segs' (steps: s, e)",
            problem("{'steps':[{'id':'s','extractor':'t.seg'},"
                + "{'id':'e','extractor':'t.ser','inputs':{'segments':'segs.speech'}}]}"));
        assertEquals("step 'e': input 'segments' refers to unknown output 's.talk' (outputs of step 's': speech, "
            + "silence)", problem("{'steps':[{'id':'s','extractor':'t.seg'},"
                + "{'id':'e','extractor':'t.ser','inputs':{'segments':'s.talk'}}]}"));
        assertEquals("step 'e': input 'segments' must name an upstream output as step.output, not \"s\"",
            problem("{'steps':[{'id':'s','extractor':'t.seg'},"
                + "{'id':'e','extractor':'t.ser','inputs':{'segments':'s'}}]}"));
        assertEquals("step 's': t.seg has no input 'audio' (it takes no inputs)",
            problem("{'steps':[{'id':'s','extractor':'t.seg','inputs':{'audio':'s.speech'}}]}"));
    }

    @Test
    void anInputOfTheWrongKindIsRefused() {
        assertEquals("step 'e': input 'segments' needs kind 'segment', but 'p.f0' is of kind 'pitch'",
            problem("{'steps':[{'id':'p','extractor':'t.pitch'},"
                + "{'id':'e','extractor':'t.ser','inputs':{'segments':'p.f0'}}]}"));
    }

    @Test
    void aMissingRequiredInputSuggestsOutputsOfTheRightKind() {
        assertEquals("step 'e': missing required input 'segments' (kind 'segment'); bind it with \"inputs\": "
            + "{\"segments\": \"<step>.<output>\"} (candidates: s.speech, s.silence)",
            problem("{'steps':[{'id':'s','extractor':'t.seg'},{'id':'e','extractor':'t.ser'}]}"));
    }

    @Test
    void aCycleNamesItsSteps() {
        FakeExtractor relay = FakeExtractor.of("t.relay").output("out", "k").input("in", "k", true);
        WorkflowException e = assertThrows(WorkflowException.class, () -> validate("{'steps':["
            + "{'id':'a','extractor':'t.relay','inputs':{'in':'c.out'}},"
            + "{'id':'b','extractor':'t.relay','inputs':{'in':'a.out'}},"
            + "{'id':'c','extractor':'t.relay','inputs':{'in':'b.out'}},"
            + "{'id':'d','extractor':'t.relay','inputs':{'in':'d.out'}}]}", relay));
        assertEquals(List.of(
            "cycle: steps a -> b -> c -> a feed each other; a step may only consume outputs of steps before it",
            "cycle: steps d -> d feed each other; a step may only consume outputs of steps before it"),
            e.problems());
    }

    @Test
    void aCycleOfTwentyThousandStepsIsOneProblemNotAStackOverflow() {
        FakeExtractor relay = FakeExtractor.of("t.relay").output("out", "k").input("in", "k", true);
        int n = 20_000;
        StringBuilder json = new StringBuilder("{'steps':[");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",").append("{'id':'s").append(i).append("','extractor':'t.relay',")
                .append("'inputs':{'in':'s").append((i + n - 1) % n).append(".out'}}");
        }
        WorkflowException e = assertThrows(WorkflowException.class,
            () -> validate(json.append("]}").toString(), relay));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("cycle: steps s0 -> s1 -> s2 -> "), e.problems().get(0));
        assertTrue(e.problems().get(0).endsWith(" -> s19999 -> s0 feed each other; a step may only consume outputs"
            + " of steps before it"), e.problems().get(0));
    }

    @Test
    void anExtractorThatNeedsAnotherRateConflictsWithTheWorkflow() {
        assertEquals("step 'e': t.ser analyses audio at 16000 Hz, but the workflow's sampleRate is 22050 Hz",
            problem("{'sampleRate':22050,'steps':[{'id':'s','extractor':'t.seg'},"
                + "{'id':'e','extractor':'t.ser','inputs':{'segments':'s.speech'}}]}"));
        assertEquals("sampleRate is 100 Hz, out of range: must be between 1000 and 384000 Hz",
            problem("{'sampleRate':100,'steps':[{'id':'s','extractor':'t.seg'}]}"));
    }

    @Test
    void unknownOutputsAndWriterFormatsAreNamed() {
        assertEquals(List.of(
            "outputs: 'p.pitch' is not an output of step 'p' (outputs: f0)",
            "outputs: 'q.f0' refers to unknown step 'q' (steps: p)",
            "outputs: \"f0\" must name an output as step.output",
            "outputs: 'p.f0' is listed twice",
            "writers[0]: unknown format 'xml' (known: csv, jsonl)",
            "writers[1]: missing \"path\""),
            problems("{'steps':[{'id':'p','extractor':'t.pitch'}],'outputs':['p.pitch','q.f0','f0','p.f0','p.f0'],"
                + "'writers':[{'format':'xml','path':'r.xml'},{'format':'csv'}]}"));
    }

    @Test
    void badFramingIsReported() {
        assertEquals(List.of(
            "step 'a': blockSize must be 0 (the whole file as one block) or a number of samples up to 16777216, not -1",
            "step 'b': stepSize must be a positive number of samples, not 0",
            "step 'c': stepSize has no effect with blockSize 0 (the whole file as one block); remove it"),
            problems("{'steps':[{'id':'a','extractor':'t.pitch','blockSize':-1},"
                + "{'id':'b','extractor':'t.pitch','stepSize':0},"
                + "{'id':'c','extractor':'t.pitch','blockSize':0,'stepSize':10}]}"));
    }

    @Test
    void everyProblemIsReportedInOneGo() {
        List<String> p = problems("{'steps':[{'id':'p','extractor':'t.pitch','parameters':{'minFrequency':5,"
            + "'algorithm':'crepe','speed':1}},{'id':'x','extractor':'t.nope'},{'id':'e','extractor':'t.ser'}],"
            + "'outputs':['p.f1']}");
        assertEquals(List.of(
            "step 'p': unknown parameter 'speed' for t.pitch (valid: algorithm, minFrequency, frames, smooth, tag)",
            "step 'p': parameter 'algorithm' must be one of \"yin\", \"mpm\", not \"crepe\"",
            "step 'p': parameter 'minFrequency' is 5 Hz, out of range: must be between 20 and 1000 Hz",
            "step 'x': unknown extractor 't.nope' (known: t.pitch, t.seg, t.ser)",
            "step 'e': missing required input 'segments' (kind 'segment'); bind it with \"inputs\": "
                + "{\"segments\": \"<step>.<output>\"}",
            "outputs: 'p.f1' is not an output of step 'p' (outputs: f0)"), p);
        WorkflowException e = assertThrows(WorkflowException.class, () -> valid("{'steps':[{'id':'x','extractor':"
            + "'t.nope'},{'id':'y','extractor':'t.nope'}]}"));
        assertEquals("w.json: step 'x': unknown extractor 't.nope' (known: t.pitch, t.seg, t.ser) (and 1 more "
            + "problems)", e.getMessage());
    }

    @Test
    void stepsRunAfterTheStepsThatFeedThemAndOtherwiseAsWritten() throws Exception {
        Workflow w = valid("{'steps':[{'id':'e','extractor':'t.ser','inputs':{'segments':'s.speech','pitch':'p.f0'}},"
            + "{'id':'p','extractor':'t.pitch'},{'id':'s','extractor':'t.seg'},{'id':'q','extractor':'t.pitch'}]}");
        assertEquals(List.of("p", "s", "e", "q"), w.steps().stream().map(Step::id).toList());
        assertEquals(Map.of("segments", new OutputRef("s", "speech"), "pitch", new OutputRef("p", "f0")),
            w.steps().get(2).inputs());
        assertEquals(16000, w.sampleRate());
    }

    @Test
    void withoutOutputsEveryOutputOfEveryStepIsWritten() throws Exception {
        Workflow w = valid("{'steps':[{'id':'s','extractor':'t.seg'},{'id':'p','extractor':'t.pitch'}]}");
        assertEquals(List.of("s.speech", "s.silence", "p.f0"), new ArrayList<>(w.outputs().keySet()));
        assertEquals("pitch", w.outputs().get("p.f0").kind);
    }

    @Test
    void aStepThatOnlySetsItsBlockSizeKeepsItsExtractorsOverlap() throws Exception {
        Workflow w = valid("{'steps':[{'id':'a','extractor':'t.pitch'},{'id':'b','extractor':'t.pitch',"
            + "'blockSize':4096},{'id':'c','extractor':'t.pitch','blockSize':4096,'stepSize':100},"
            + "{'id':'d','extractor':'t.pitch','blockSize':0},{'id':'s','extractor':'t.seg','blockSize':2048}]}");
        List<String> framing = w.steps().stream().map(s -> s.id() + " " + s.blockSize() + "/" + s.stepSize())
            .toList();
        assertEquals(List.of("a 1024/512", "b 4096/2048", "c 4096/100", "d 0/0", "s 2048/2048"), framing);
        SessionContext c = w.steps().get(1).context("x.wav", 16000);
        assertEquals(4096, c.blockSize());
        assertEquals(2048, c.stepSize());
    }

    @Test
    void outputsThatDependOnWhatFeedsAStepAreAskedForAndHandedOn() throws Exception {
        // Like the emotion timeline (API 1.1): it passes on the class names of the emotion output that feeds it.
        FakeExtractor model = FakeExtractor.of("t.model").output("emotion", "emotion");
        model.descriptor().outputs.get(0).binNames = List.of("angry", "calm");
        FeatureExtractor relay = new FeatureExtractor() {
            @Override
            public ExtractorDescriptor descriptor() {
                ExtractorDescriptor d = FakeExtractor.of("t.relay").output("segments", "emotion")
                    .input("emotion", "emotion", true).descriptor();
                return d;
            }

            @Override
            public List<OutputDescriptor> outputs(Map<String, OutputDescriptor> inputs, Parameters parameters) {
                OutputDescriptor o = new OutputDescriptor("segments", "segments", "emotion", null, -1, null, true);
                o.binNames = inputs.get("emotion").binNames;
                return List.of(o);
            }

            @Override
            public ExtractorSession open(SessionContext context) throws ExtractionException {
                throw new ExtractionException("not run here");
            }
        };
        Workflow w = validate("{'steps':[{'id':'m','extractor':'t.model'},"
            + "{'id':'r','extractor':'t.relay','inputs':{'emotion':'m.emotion'}}],'outputs':['r.segments']}",
            model, relay);
        Map<String, OutputDescriptor> outputs = new LinkedHashMap<>(w.outputs());
        assertEquals(List.of("angry", "calm"), outputs.get("r.segments").binNames);
        assertEquals(List.of("angry", "calm"),
            w.steps().get(1).context("x.wav", 16000).inputs().get("emotion").binNames);
    }

    @Test
    void theRunsDescriptionNamesEachStepsModelOnceAlsoWhenItsOutputIsNotWritten() throws Exception {
        FakeExtractor model = FakeExtractor.of("t.model").output("emotion", "emotion");
        ModelDescriptor card = new ModelDescriptor();
        card.name = "default";
        card.version = "2026-12-01";
        card.location = "/opt/auralis/models/default";
        model.descriptor().outputs.get(0).model = card;
        Workflow w = validate("{'name':'calls','description':'Emotions of calls.','steps':["
            + "{'id':'a','extractor':'t.model'},{'id':'b','extractor':'t.model'},{'id':'p','extractor':'t.pitch'}],"
            + "'outputs':['p.f0']}", model, pitch);
        RunInfo run = w.describe(List.of("corpus", "x.wav"), "1.2.3");
        assertEquals("calls", run.workflow);
        assertEquals("Emotions of calls.", run.description);
        assertEquals(List.of("corpus", "x.wav"), run.inputs);
        assertEquals("1.2.3", run.auralisVersion);
        assertEquals(List.of(card), run.models, "one model for both steps, though neither output is written");
        assertEquals(List.of(), valid("{'steps':[{'id':'p','extractor':'t.pitch'}]}").describe(List.of(), null)
            .models);
    }

    @Test
    void outputsThatDependOnAParameterAreDescribedWithTheStepsParameters() throws Exception {
        // Like the emotion model: the output's classes are those of the model the 'model' parameter names.
        FeatureExtractor ser = new FeatureExtractor() {
            @Override
            public ExtractorDescriptor descriptor() {
                ExtractorDescriptor d = FakeExtractor.of("t.ser").output("emotion", "emotion").descriptor();
                d.parameters = List.of(ParameterDescriptor.text("model", "Model", "m", "default"));
                return d;
            }

            @Override
            public List<OutputDescriptor> outputs(Map<String, OutputDescriptor> inputs, Parameters parameters) {
                String model = parameters.getString("model");
                if (!model.startsWith("m")) {
                    throw new IllegalArgumentException("model '" + model + "' not found");
                }
                OutputDescriptor o = new OutputDescriptor("emotion", "emotion", "emotion", null, 2, null, true);
                o.binNames = List.of(model + "-a", model + "-b");
                return List.of(o);
            }

            @Override
            public ExtractorSession open(SessionContext context) throws ExtractionException {
                throw new ExtractionException("not run here");
            }
        };
        Workflow w = validate("{'steps':[{'id':'s','extractor':'t.ser','parameters':{'model':'mine'}}]}", ser);
        assertEquals(List.of("mine-a", "mine-b"), w.outputs().get("s.emotion").binNames);

        WorkflowException e = assertThrows(WorkflowException.class,
            () -> validate("{'steps':[{'id':'s','extractor':'t.ser','parameters':{'model':'nope'}}]}", ser));
        assertTrue(e.getMessage().contains("model 'nope' not found"), e.getMessage());
    }
}
