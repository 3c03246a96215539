package io.auralis.host.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.command.Command;
import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.api.output.OutputWriter;
import io.auralis.audio.AudioDecoderComponent;
import io.auralis.extractors.loudness.LoudnessExtractor;
import io.auralis.extractors.pitch.PitchExtractor;
import io.auralis.extractors.segment.SpeechSegmenter;
import io.auralis.host.cli.AnalyzeCommand;
import io.auralis.host.fake.FakeExtractor;
import io.auralis.host.fake.FakeServices;
import io.auralis.host.workflow.WorkflowException;
import io.auralis.host.workflow.WorkflowLibrary;
import io.auralis.host.workflow.WorkflowReader;
import io.auralis.host.workflow.WorkflowValidator;
import io.auralis.testkit.CapturingContext;
import io.auralis.writers.csv.CsvWriter;
import io.auralis.writers.jsonl.JsonLinesWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The workflows and samples that ship in the distribution, run with the real decoder, extractors and writers as
 * plain objects.
 */
class ShippedWorkflowsTest {
    private static final Path HOME = Path.of("src/main/dist");

    private final List<FeatureExtractor> extractors = List.of(new SpeechSegmenter(), new PitchExtractor(),
        new LoudnessExtractor(), standInEmotionModel());

    /**
     * The SER extractor's interface (id, segments input, model parameter, emotion output) with a fixed answer per
     * segment, so the shipped workflows' wiring is checked here without DJL; plugin-ser tests the real one.
     */
    private static FeatureExtractor standInEmotionModel() {
        List<String> classes = List.of("angry", "neutral");
        FakeExtractor ser = FakeExtractor.of("auralis.ser").rate(16000)
            .input("segments", "segment", false)
            .parameter(ParameterDescriptor.text("model", "Model", "A model directory or name.", "default"))
            .output("emotion", EmotionFeatures.KIND);
        ser.descriptor().outputs.set(0, EmotionFeatures.output("emotion", "Emotion", classes));
        return ser.sessions(context -> new ExtractorSession() {
            @Override
            public void process(AudioBlock block, FeatureSink sink) {
            }

            @Override
            public void consume(String input, Feature segment, FeatureSink sink) {
                sink.emit("emotion", new Feature(segment.time, segment.duration, new float[] {0.25f, 0.75f},
                    "neutral"));
            }

            @Override
            public void finish(FeatureSink sink) {
            }
        });
    }
    private final List<OutputWriter> writers = List.of(new JsonLinesWriter(), new CsvWriter());

    @TempDir
    Path cwd;

    @Test
    void everyShippedWorkflowIsValidOrLacksOnlyExtractorsFromOtherBundles() throws Exception {
        WorkflowLibrary library = new WorkflowLibrary(HOME.resolve("workflows"));
        List<Path> files = library.list();
        assertTrue(files.stream().map(WorkflowLibrary::nameOf).toList().containsAll(List.of("default", "features")),
            files.toString());
        WorkflowValidator validator = new WorkflowValidator(extractors, List.of("jsonl", "csv"));
        for (Path f : files) {
            String name = WorkflowLibrary.nameOf(f);
            try {
                validator.validate(new WorkflowReader().read(f), f.toString());
            } catch (WorkflowException e) {
                assertTrue(!name.equals("default") && !name.equals("features"), name + ": " + e.problems());
                for (String p : e.problems()) {
                    assertTrue(p.contains(": unknown extractor '") || p.startsWith("outputs: ")
                        && p.contains("refers to unknown step") || p.contains("refers to unknown step"),
                        name + ": " + p);
                }
            }
        }
    }

    @Test
    void theDefaultWorkflowFindsSpeechItsEmotionPitchAndLoudnessInTheSamples() throws Exception {
        CapturingContext context = new CapturingContext(cwd, false);
        int code = new AnalyzeCommand(new FakeServices(extractors, new AudioDecoderComponent(), writers), HOME)
            .run(List.of("--workers", "2", HOME.toAbsolutePath().resolve("samples").toString()), context);

        assertEquals(Command.OK, code, context.errText());
        List<String> lines = context.outText().lines().toList();
        assertEquals(3, lines.size());
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode r = json.readTree(line);
            String file = r.get("file").asText();
            assertTrue(r.get("error").isNull(), line);
            double duration = r.get("duration").asDouble();
            assertTrue(duration > 2 && duration < 10, file + " lasts " + duration);
            JsonNode speech = r.get("outputs").get("segments.speech");
            assertTrue(speech.size() >= 1, file + " has speech");
            double speaking = 0;
            for (JsonNode s : speech) {
                speaking += s.get("duration").asDouble();
            }
            assertTrue(speaking > duration / 2, file + ": " + speaking + " s of speech in " + duration + " s");
            JsonNode f0 = r.get("outputs").get("pitch.f0");
            assertTrue(f0.size() > 20, file + " has voiced frames");
            for (JsonNode f : f0) {
                // the output names its bin, so the value is a field of that name
                double hz = f.get("f0").asDouble();
                assertTrue(hz >= 60 && hz <= 500, file + ": f0 " + hz);
            }
            JsonNode emotions = r.get("outputs").get("emotion.emotion");
            assertEquals(speech.size(), emotions.size(), file + ": one emotion per speech segment");
            assertEquals("neutral", emotions.get(0).get("label").asText(), "emotions are written as results");
            assertEquals(0.75, emotions.get(0).get("distribution").get("neutral").asDouble(), 1e-6);
            JsonNode dbfs = r.get("outputs").get("loudness.dbfs");
            assertEquals(Math.ceil(duration * 10), dbfs.size(), 1, file + ": one level per 100 ms");
        }
        assertTrue(lines.get(0).contains("\"file\":\"" + HOME.toAbsolutePath().resolve("samples/calm.wav")),
            "records in sorted order: " + lines.get(0).substring(0, 120));
    }

    @Test
    void theFeaturesWorkflowWritesCsv() throws Exception {
        CapturingContext context = new CapturingContext(cwd, false);
        Path sample = HOME.toAbsolutePath().resolve("samples/welcome.wav");
        int code = new AnalyzeCommand(new FakeServices(extractors, new AudioDecoderComponent(), writers), HOME)
            .run(List.of("-w", "features", "-o", "f.csv", sample.toString()), context);
        assertEquals(Command.OK, code, context.errText());
        List<String> rows = Files.readAllLines(cwd.resolve("f.csv"));
        assertEquals("file,output,time,duration,label,confidence,f0,voicing,rms,dbfs,values,sampleRate,channels,error",
            rows.get(0));
        assertTrue(rows.get(rows.size() - 1).startsWith(sample + ",,,"), rows.get(rows.size() - 1));
        assertTrue(rows.get(rows.size() - 1).endsWith(",16000,1,"), rows.get(rows.size() - 1));
    }
}
