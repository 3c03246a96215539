package io.auralis.ser.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auralis.api.Platform;
import io.auralis.api.audio.AudioBlock;
import io.auralis.api.command.Command;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.ser.model.SignalFixture;
import io.auralis.testkit.CapturingContext;
import io.auralis.testkit.ExtractorHarness;
import io.auralis.testkit.OsgiFramework;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The SER bundle as bnd built it ({@code target/classes}; a missing manifest fails) in Felix 7 with SCR, the platform's audio, Jackson,
 * Commons CLI and DJL bundles, and the API exported by the system bundle as the launcher exports it:
 * {@code ser import} turns the reference cnn3gru checkpoint into the default model, {@code ser predict} reproduces
 * PyTorch's log-probabilities, and the {@code auralis.ser} extractor emits the same distribution.
 */
class SerBundleInFelixTest {
    private static final Path CLASSES = Path.of("target/classes");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void importPredictAndExtractInFelix() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        try (OsgiFramework osgi = OsgiFramework.builder(dir).exportApi()
                .property(Platform.MODELS, models.toString())
                .property(Platform.STATE, dir.resolve("state").toString())
                .property(Platform.DEVICE, "auto").start()) {
            for (String jar : List.of("jackson-annotations-", "jackson-core-", "jackson-databind-", "commons-cli-",
                    "auralis-tarsosdsp-", "auralis-audio-")) {
                osgi.installFromClassPath(jar);
            }
            Bundle djl = osgi.installFromClassPath("auralis-djl-");
            Bundle ser = osgi.install(CLASSES);
            osgi.startAll();
            assertSame(djl, FrameworkUtil.getBundle(ser.loadClass("ai.djl.nn.Block")),
                "DJL must come from the io.auralis.djl bundle");

            Command command = osgi.service(Command.class, c -> "ser".equals(c.name()));
            Path checkpoint = Path.of(SerBundleInFelixTest.class.getResource("/fixtures/cnn3gru.pth").toURI());
            String[] run = run(command, dir, "import", "--checkpoint", checkpoint.toString(), "--arch", "cnn3gru",
                "--labels", "angry,disgust,fear,happy,neutral,sad,surprise", "--out",
                models.resolve("default").toString());
            assertEquals("0", run[0], run[2]);

            // 32-bit float WAV: decoded exactly, so the result must match PyTorch's within the import tolerance
            JsonNode expected = JSON.readTree(SerBundleInFelixTest.class.getResourceAsStream("/fixtures/expected.json"))
                .get("cnn3gru").get("logprobs").get("4000");
            float[] signal = SignalFixture.signal(4000, 2);
            writeFloatWav(dir.resolve("clip.wav"), signal);
            run = run(command, dir, "predict", "clip.wav");
            assertEquals("0", run[0], run[2]);
            JsonNode line = JSON.readTree(run[1]);
            assertEquals("cpu", line.get("device").asText());
            float[] logprobs = floats(line.get("logprobs"));
            assertArrayEquals(floats(expected), logprobs, 1e-4f);

            // the extractor, reached as the host reaches it, must be built from the same default model
            FeatureExtractor extractor = osgi.extractor("auralis.ser");
            assertEquals(7, extractor.descriptor().outputs.get(0).binNames.size());
            List<Feature> features = new ArrayList<>();
            // Opened with the host's defaults and framing; the whole clip is then handed over as one block.
            try (ExtractorSession session = ExtractorHarness.of(extractor).framing(4096, 4096).open()) {
                session.process(new AudioBlock(signal, signal.length, 0, 16000), (id, f) -> features.add(f));
                session.finish((id, f) -> features.add(f));
            }
            assertEquals(1, features.size());
            float[] probabilities = new float[logprobs.length];
            for (int i = 0; i < logprobs.length; i++) {
                probabilities[i] = (float) Math.exp(logprobs[i]);
            }
            assertArrayEquals(probabilities, features.get(0).values, 1e-5f);
        }
    }

    private static String[] run(Command command, Path work, String... args) throws Exception {
        CapturingContext context = new CapturingContext(work);
        int code = command.run(List.of(args), context);
        return new String[] {String.valueOf(code), context.outText(), context.errText()};
    }

    private static float[] floats(JsonNode array) {
        float[] f = new float[array.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) array.get(i).asDouble();
        }
        return f;
    }

    /** A mono IEEE-float WAV at 16 kHz. */
    private static void writeFloatWav(Path file, float[] samples) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 4 * samples.length)
            .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
            .putInt(16).putShort((short) 3).putShort((short) 1).putInt(16000).putInt(64000).putShort((short) 4)
            .putShort((short) 32).put("data".getBytes(StandardCharsets.US_ASCII)).putInt(4 * samples.length);
        for (float s : samples) {
            b.putFloat(s);
        }
        Files.write(file, b.array());
    }
}
