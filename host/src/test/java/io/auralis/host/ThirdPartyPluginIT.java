package io.auralis.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stranger's plugin in the real distribution: the example escalation bundle, built in this reactor against the
 * API alone and shipped in the distribution's {@code examples/}, is installed with {@code auralis bundles install}
 * into a fresh state folder, used by the shipped {@code escalation} workflow together with the platform's segmenter,
 * loudness and emotion model on generated audio, and its output reaches the JSON Lines record. Uninstalled, the
 * workflow is refused before any audio is read, naming the jar to install.
 */
class ThirdPartyPluginIT {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) throws Exception {
        Path dist = Path.of(System.getProperty("auralis.dist"));
        List<String> command = new ArrayList<>(List.of(dist.resolve("bin/auralis").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile());
        builder.environment().put("AURALIS_STATE", tmp.resolve("state").toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("AURALIS_DEBUG");
        builder.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "auralis " + String.join(" ", args) + " finished");
        return new Run(process.exitValue(), Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
            Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    /** The example plugin's jar as the distribution ships it, in examples/ (not installed). */
    private static Path examplePlugin() {
        Path jar = Path.of(System.getProperty("auralis.dist")).toAbsolutePath().resolve(
            "examples/auralis-example-escalation.jar");
        assertTrue(Files.isRegularFile(jar), "the distribution ships the example plugin: " + jar);
        return jar;
    }

    /** Six seconds of 22.05 kHz stereo: silence, a voiced buzz that gets louder, silence. */
    private static void writeRisingVoice(Path file) throws IOException {
        int rate = 22050;
        int frames = rate * 6;
        ByteBuffer data = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        Random noise = new Random(7);
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double s = 0;
            if (t >= 1 && t < 5) {
                double f0 = 140 + 30 * Math.sin(2 * Math.PI * 0.7 * t);
                for (int h = 1; h <= 8; h++) {
                    s += Math.sin(2 * Math.PI * f0 * h * t) / h;
                }
                s *= 0.05 + 0.2 * (t - 1) / 4;
            }
            s += 0.001 * noise.nextGaussian();
            short v = (short) Math.max(-32768, Math.min(32767, Math.round(s * 32767)));
            data.putShort(v).putShort(v);
        }
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data.capacity())
            .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 2)
            .putInt(rate).putInt(rate * 4).putShort((short) 4).putShort((short) 16)
            .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data.capacity());
        Files.write(file, concat(header.array(), data.array()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void aPluginInstalledWithBundlesInstallIsUsedInAWorkflowAndItsOutputIsWritten() throws Exception {
        Run install = run("bundles", "install", examplePlugin().toString());
        assertEquals(0, install.code(), install.err());

        Run extractors = run("extractors");
        assertEquals(0, extractors.code(), extractors.err());
        assertTrue(extractors.out().contains("example.escalation"), "the plugin's extractor is registered");

        writeRisingVoice(tmp.resolve("rising.wav"));
        Run analyze = run("analyze", "--workflow", "escalation", "--output", "out.jsonl", "rising.wav");
        assertEquals(0, analyze.code(), analyze.err());

        List<String> records = Files.readAllLines(tmp.resolve("out.jsonl"));
        assertEquals(1, records.size(), records.toString());
        JsonNode record = new ObjectMapper().readTree(records.get(0));
        assertTrue(record.get("error").isNull(), records.get(0));
        assertEquals(22050, record.get("sampleRate").asInt());
        assertEquals(2, record.get("channels").asInt());
        JsonNode outputs = record.get("outputs");
        assertTrue(outputs.get("segments.speech").size() >= 1, "the buzz is found as speech: " + records.get(0));
        JsonNode emotion = outputs.get("emotion.emotion").get(0);
        assertTrue(emotion.get("distribution").has("angry"), "emotions are written with the model's classes");
        assertTrue(outputs.get("escalation.escalations").isArray(), "the plugin's output is in the record");

        Run uninstall = run("bundles", "uninstall", "org.example.escalation");
        assertEquals(0, uninstall.code(), uninstall.err());
        Run refused = run("analyze", "--workflow", "escalation", "--output", "again.jsonl", "rising.wav");
        assertEquals(2, refused.code(), refused.err());
        // The launcher names the installation as it finds it (links resolved), so only the path's end is fixed.
        assertTrue(refused.err().contains("unknown extractor 'example.escalation': it is in the bundle "),
            refused.err());
        assertTrue(refused.err().contains("examples/auralis-example-escalation.jar, which is not installed; install it "
            + "with 'auralis bundles install "), refused.err());
        assertTrue(Files.notExists(tmp.resolve("again.jsonl")) || Files.readAllLines(tmp.resolve("again.jsonl"))
            .isEmpty(), "a workflow that does not validate writes nothing");
    }
}
