package io.auralis.ser.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auralis.api.Platform;
import io.auralis.api.audio.AudioBlock;
import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.api.extractor.Parameters;
import io.auralis.api.extractor.SessionContext;
import io.auralis.ser.model.SignalFixture;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The SER bundle as bnd built it ({@code target/classes}) in Felix 7 with SCR, the platform's audio, Jackson,
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
        assumeTrue(Files.isRegularFile(CLASSES.resolve("META-INF/MANIFEST.MF")), "no bnd manifest");
        Path models = Files.createDirectories(dir.resolve("models"));
        Framework framework = new FrameworkFactory().newFramework(Map.of(
            Constants.FRAMEWORK_STORAGE, dir.resolve("cache").toString(),
            Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
            Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, apiPackages(),
            Platform.MODELS, models.toString(),
            Platform.STATE, dir.resolve("state").toString(),
            Platform.DEVICE, "auto"));
        framework.start();
        try {
            BundleContext context = framework.getBundleContext();
            List<Bundle> bundles = new ArrayList<>();
            for (String jar : List.of("org.osgi.util.function-", "org.osgi.util.promise-",
                    "org.osgi.service.component-", "org.apache.felix.scr-", "jackson-annotations-",
                    "jackson-core-", "jackson-databind-", "commons-cli-", "auralis-tarsosdsp-", "auralis-audio-",
                    "auralis-djl-")) {
                bundles.add(context.installBundle(onClassPath(jar).toUri().toString()));
            }
            Bundle ser = context.installBundle("reference:file:" + CLASSES.toAbsolutePath());
            bundles.add(ser);
            for (Bundle b : bundles) {
                b.start();
            }
            Bundle djl = bundles.get(bundles.size() - 2);
            assertSame(djl, FrameworkUtil.getBundle(ser.loadClass("ai.djl.nn.Block")),
                "DJL must come from the io.auralis.djl bundle");

            Command command = service(context, Command.class, c -> "ser".equals(c.name()));
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
            FeatureExtractor extractor = service(context, FeatureExtractor.class,
                e -> "auralis.ser".equals(e.descriptor().id));
            assertEquals(7, extractor.descriptor().outputs.get(0).binNames.size());
            Map<String, Object> values = new HashMap<>();
            for (ParameterDescriptor p : extractor.descriptor().parameters) {
                values.put(p.id, p.defaultValue);
            }
            List<Feature> features = new ArrayList<>();
            try (ExtractorSession session = extractor.open(new SessionContext("clip.wav", 16000, 4096, 4096,
                    new Parameters(values), Map.of()))) {
                session.process(new AudioBlock(signal, signal.length, 0, 16000), (id, f) -> features.add(f));
                session.finish((id, f) -> features.add(f));
            }
            assertEquals(1, features.size());
            float[] probabilities = new float[logprobs.length];
            for (int i = 0; i < logprobs.length; i++) {
                probabilities[i] = (float) Math.exp(logprobs[i]);
            }
            assertArrayEquals(probabilities, features.get(0).values, 1e-5f);
        } finally {
            framework.stop();
            framework.waitForStop(30_000);
        }
    }

    private static <S> S service(BundleContext context, Class<S> type, java.util.function.Predicate<S> which)
        throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            Object[] services = tracker.getServices();
            if (services != null) {
                for (Object s : services) {
                    if (which.test(type.cast(s))) {
                        return type.cast(s);
                    }
                }
            }
            tracker.waitForService(500);
            Thread.sleep(50);
        }
        throw new AssertionError("no matching " + type.getSimpleName() + " service");
    }

    private static String[] run(Command command, Path work, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = command.run(List.of(args), new CommandContext() {
                @Override
                public PrintStream out() {
                    return o;
                }

                @Override
                public PrintStream err() {
                    return e;
                }

                @Override
                public Path workingDirectory() {
                    return work;
                }

                @Override
                public boolean interactive() {
                    return false;
                }
            });
            return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8)};
        }
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

    /** The API's packages at the versions its manifest declares, as the launcher exports them. */
    private static String apiPackages() throws IOException {
        Path api = Path.of(URI.create(Command.class.getProtectionDomain().getCodeSource().getLocation().toString()));
        String exports;
        if (Files.isDirectory(api)) {
            try (InputStream in = Files.newInputStream(api.resolve("META-INF/MANIFEST.MF"))) {
                exports = new Manifest(in).getMainAttributes().getValue("Export-Package");
            }
        } else {
            try (JarFile jar = new JarFile(api.toFile())) {
                exports = jar.getManifest().getMainAttributes().getValue("Export-Package");
            }
        }
        assertNotNull(exports, "no Export-Package in " + api);
        List<String> packages = new ArrayList<>();
        Matcher m = Pattern.compile("(io\\.auralis\\.api[\\w.]*);version=\"([\\d.]+)\"").matcher(exports);
        while (m.find()) {
            packages.add(m.group(1) + ";version=" + m.group(2));
        }
        assertTrue(!packages.isEmpty());
        return String.join(",", packages);
    }

    private static Path onClassPath(String prefix) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".jar")) {
                return p;
            }
        }
        throw new IllegalStateException(prefix + "*.jar is not on the test class path");
    }
}
