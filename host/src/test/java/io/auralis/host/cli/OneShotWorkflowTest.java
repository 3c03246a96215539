package io.auralis.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.command.Command;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.output.OutputWriter;
import io.auralis.audio.AudioDecoderComponent;
import io.auralis.extractors.loudness.LoudnessExtractor;
import io.auralis.extractors.pitch.PitchExtractor;
import io.auralis.extractors.segment.SpeechSegmenter;
import io.auralis.host.fake.FakeExtractor;
import io.auralis.host.fake.FakeServices;
import io.auralis.host.workflow.Step;
import io.auralis.host.workflow.Workflow;
import io.auralis.host.workflow.WorkflowDefinition;
import io.auralis.host.workflow.WorkflowException;
import io.auralis.host.workflow.WorkflowReader;
import io.auralis.host.workflow.WorkflowValidator;
import io.auralis.testkit.CapturingContext;
import io.auralis.writers.csv.CsvWriter;
import io.auralis.writers.jsonl.JsonLinesWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code analyze --extractor a,b} (a workflow without a file), {@code analyze --workflow-template} (a skeleton that
 * validates as printed) and the hint that names the bundle of a missing example extractor, with the real
 * extractors and writers as plain objects.
 */
class OneShotWorkflowTest {
    private static final Path HOME = Path.of("src/main/dist");

    /** Stands in for the emotion model: takes speech segments when given them, emits emotions. */
    private final FakeExtractor ser = FakeExtractor.of("auralis.ser").rate(16000).input("segments", "segment", false)
        .output("emotion", "emotion");

    /** Needs emotions, as the timeline and the escalation plugin do. */
    private final FakeExtractor timeline = FakeExtractor.of("auralis.emotion-timeline")
        .input("emotion", "emotion", true).output("changes", "event");

    /** Speech segments alone, unlike the real segmenter, whose speech and silence are both segments. */
    private final FakeExtractor vad = FakeExtractor.of("test.vad").output("speech", "segment");

    private final List<FeatureExtractor> extractors = List.of(new SpeechSegmenter(), new PitchExtractor(),
        new LoudnessExtractor(), ser, timeline, vad);
    private final List<OutputWriter> writers = List.of(new JsonLinesWriter(), new CsvWriter());
    private final WorkflowValidator validator = new WorkflowValidator(extractors, List.of("jsonl", "csv"));

    @TempDir
    Path cwd;

    private int analyze(CapturingContext context, String... args) {
        return context.launch(new AnalyzeCommand(new FakeServices(extractors, new AudioDecoderComponent(), writers),
            HOME), List.of(args));
    }

    @Test
    void extractorListBuildsTheWorkflowTheEquivalentFileWould() throws Exception {
        Path file = cwd.resolve("w.json");
        Files.writeString(file, "{\"steps\": [{\"id\": \"pitch\", \"extractor\": \"auralis.pitch\"},"
            + " {\"id\": \"loudness\", \"extractor\": \"auralis.loudness\"}]}");
        Workflow written = validator.validate(new WorkflowReader().read(file), "w.json");

        Workflow oneShot = ChosenWorkflow.oneShot(List.of("auralis.pitch", "auralis.loudness"), extractors, validator)
            .workflow();

        assertEquals(written.digest(), oneShot.digest());
        assertEquals(List.of("pitch.f0", "pitch.voicing", "loudness.rms", "loudness.dbfs"),
            new ArrayList<>(oneShot.outputs().keySet()));
        // Parameters completed with the extractor's defaults, as for a file that sets none.
        assertEquals(written.steps().get(0).parameters().asMap(), oneShot.steps().get(0).parameters().asMap());
    }

    @Test
    void analyzeWithExtractorsRunsThemOverTheFilesWithoutAWorkflowFile() throws Exception {
        CapturingContext context = new CapturingContext(cwd, false);
        int code = analyze(context, "--extractor", "auralis.pitch,auralis.loudness", "-o", "r.jsonl",
            HOME.toAbsolutePath().resolve("samples/calm.wav").toString());

        assertEquals(Command.OK, code, context.errText());
        JsonNode record = new ObjectMapper().readTree(Files.readString(cwd.resolve("r.jsonl")).lines().findFirst()
            .orElseThrow());
        assertTrue(record.get("outputs").has("pitch.f0"), record.toString());
        assertTrue(record.get("outputs").has("loudness.dbfs"), record.toString());
        assertTrue(context.errText().contains("with workflow 'auralis.pitch,auralis.loudness'"), context.errText());
    }

    @Test
    void anInputIsBoundWhenExactlyOneOutputOfAnotherListedExtractorFitsItWhateverTheOrder() throws Exception {
        Workflow w = ChosenWorkflow.oneShot(List.of("auralis.emotion-timeline", "auralis.ser", "test.vad"),
            extractors, validator).workflow();

        Map<String, String> bound = new LinkedHashMap<>();
        for (Step s : w.steps()) {
            s.inputs().forEach((in, ref) -> bound.put(s.id() + "." + in, ref.toString()));
        }
        assertEquals(Map.of("ser.segments", "vad.speech", "emotion-timeline.emotion", "ser.emotion"), bound);
        assertEquals(List.of("vad", "ser", "emotion-timeline"), w.steps().stream().map(Step::id).toList());
    }

    @Test
    void aRequiredInputNothingListedProducesIsOneLineSayingToWriteAWorkflow() throws Exception {
        CapturingContext context = new CapturingContext(cwd, false);
        int code = analyze(context, "--extractor", "auralis.emotion-timeline",
            HOME.toAbsolutePath().resolve("samples/calm.wav").toString());

        assertEquals(Command.USAGE, code);
        assertEquals(List.of("auralis: --extractor: auralis.emotion-timeline needs input 'emotion' of kind "
            + "'emotion', which none of the other extractors given produces; add one that does, or write a workflow "
            + "(auralis analyze --workflow-template)"), context.errLines());
    }

    @Test
    void anInputThatSeveralListedOutputsFitIsAnErrorNotAGuess() {
        // The segmenter's speech and silence are both segments: which one the model hears is the user's choice.
        WorkflowException e = assertThrows(WorkflowException.class, () -> ChosenWorkflow.oneShot(
            List.of("auralis.segmenter", "auralis.ser"), extractors, validator));

        assertEquals(List.of("auralis.ser: input 'segments' could take any of segmenter.speech, segmenter.silence; "
            + "write a workflow that says which (auralis analyze --workflow-template)"), e.problems());
    }

    @Test
    void extractorAndWorkflowTogetherAreBadUsage() {
        CapturingContext context = new CapturingContext(cwd, false);
        int code = analyze(context, "--extractor", "auralis.pitch", "--workflow", "features", "x.wav");

        assertEquals(Command.USAGE, code);
        assertEquals(List.of("auralis: analyze: --extractor runs its own workflow; --workflow names another: choose "
            + "one"), context.errLines());
    }

    @Test
    void theTemplateForTheInstalledExtractorsIsAValidWorkflowThatExplainsItself() throws Exception {
        CapturingContext context = new CapturingContext(cwd, false);
        int code = analyze(context, "--workflow-template");

        assertEquals(Command.OK, code, context.errText());
        byte[] printed = context.outText().getBytes(StandardCharsets.UTF_8);
        WorkflowDefinition d = new WorkflowReader().parse(printed, "template");
        Workflow w = validator.validate(d, "template");
        assertEquals(List.of("auralis.emotion-timeline", "auralis.loudness", "auralis.pitch", "auralis.segmenter",
            "auralis.ser", "test.vad"), d.steps.stream().map(s -> s.extractor).sorted().toList());
        assertTrue(d.comment.get(0).contains("--workflow-template"), d.comment.toString());
        for (var s : d.steps) {
            if (s.extractor.equals("auralis.pitch")) {
                // Every parameter written out at its default, and explained.
                assertEquals(new PitchExtractor().descriptor().parameters.size(), s.parameters.size());
                assertTrue(s.comment.stream().anyMatch(c -> c.startsWith("parameter minFrequency (number, Hz, "
                    + "from ")), s.comment.toString());
            }
        }
        assertTrue(w.outputs().containsKey("emotion-timeline.changes"), w.outputs().toString());
        assertEquals(w.outputs().size(), d.outputs.size());
    }

    @Test
    void theTemplateOfListedExtractorsPutsFeedersFirstAndLeavesOutWhatCannotBeFed() throws Exception {
        CapturingContext context = new CapturingContext(cwd, false);
        int code = analyze(context, "--workflow-template", "--extractor",
            "auralis.emotion-timeline,auralis.ser,test.vad,auralis.nothing");

        assertEquals(Command.OK, code, context.errText());
        WorkflowDefinition d = new WorkflowReader().parse(context.outText().getBytes(StandardCharsets.UTF_8), "t");
        Workflow w = validator.validate(d, "t");
        assertEquals(List.of("vad", "ser", "emotion-timeline"), d.steps.stream().map(s -> s.id).toList());
        assertEquals("ser.emotion", w.steps().get(2).inputs().get("emotion").toString());
        assertTrue(d.comment.contains("Left out: auralis.nothing is not installed."), d.comment.toString());

        context = new CapturingContext(cwd, false);
        analyze(context, "--workflow-template", "--extractor", "auralis.emotion-timeline,auralis.pitch");
        d = new WorkflowReader().parse(context.outText().getBytes(StandardCharsets.UTF_8), "t");
        validator.validate(d, "t");
        assertEquals(List.of("pitch"), d.steps.stream().map(s -> s.id).toList());
        assertTrue(d.comment.contains("Left out: auralis.emotion-timeline needs input 'emotion', which no other "
            + "extractor here produces."), d.comment.toString());
    }

    @Test
    void anUnknownExampleExtractorNamesTheBundleToInstall() throws Exception {
        Path home = cwd.resolve("home");
        Files.createDirectories(home.resolve("examples"));
        Files.copy(HOME.resolve("examples/extractors.properties"), home.resolve("examples/extractors.properties"));
        Path jar = Files.writeString(home.resolve("examples/auralis-example-escalation.jar"), "a jar");
        Map<String, Path> providers = ExamplePlugins.providers(home);
        assertEquals(Map.of("example.escalation", jar.toAbsolutePath().normalize()), providers);

        WorkflowValidator hinted = new WorkflowValidator(extractors, List.of("jsonl"), providers);
        WorkflowException e = assertThrows(WorkflowException.class, () -> hinted.validate(new WorkflowReader()
            .read(HOME.resolve("workflows/escalation.json")), "escalation"));
        String expected = "step 'escalation': unknown extractor 'example.escalation': it is in the bundle "
            + providers.get("example.escalation") + ", which is not installed; install it with 'auralis bundles "
            + "install " + providers.get("example.escalation") + "'";
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(expected)), e.problems().toString());
    }

    @Test
    void anExampleJarThatIsNotThereGivesNoHint() {
        // src/main/dist lists the jar, which the build copies in; the source folder itself does not carry it.
        assertEquals(Map.of(), ExamplePlugins.providers(HOME));
    }
}
