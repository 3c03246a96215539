package io.auralis.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.emotion.EmotionResult;
import io.auralis.api.output.FileRecord;
import io.auralis.host.embed.Analysis;
import io.auralis.host.embed.Auralis;
import io.auralis.host.runtime.HostException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auralis as a library ({@link Auralis}) on the built installation, with the emotion model: the example of
 * {@code docs/library.md}, run as printed there, and several handles in one JVM, at once and one after another.
 * The handles share the JVM's one platform, on the state folder failsafe names in {@code AURALIS_STATE}.
 */
class LibraryIT {
    private static final String EXAMPLE_BEGIN = "// docs/library.md: the example begins";
    private static final String EXAMPLE_END = "// docs/library.md: the example ends";

    @TempDir
    Path tmp;

    private static Path installation() {
        return Path.of(System.getProperty("auralis.dist"));
    }

    @Test
    void theDocumentedExampleFindsEmotionsInASampleAndPitchInSamplesFromMemory() throws Exception {
        Path installation = installation();
        Path recording = installation.resolve("samples/raised-voice.wav");
        float[] samples = new float[44100];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * 220 * i / 44100.0));
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // docs/library.md: the example begins
            try (Auralis auralis = Auralis.open(installation)) {
                Analysis timeline = auralis.workflow("emotion-timeline");
                FileRecord record = timeline.analyze(recording);
                for (EmotionResult emotion : timeline.emotions(record, "emotion.emotion")) {
                    System.out.printf("%.2f s: %s (%.2f)%n", emotion.time, emotion.label, emotion.confidence);
                }
                FileRecord tone = auralis.analyze(samples, 44100, "features");
                System.out.println(tone.outputs.get("pitch.f0").size() + " pitch values, error " + tone.error);
            }
            // docs/library.md: the example ends
        } finally {
            System.setOut(stdout);
        }
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        System.out.println(String.join("\n", lines));
        assertTrue(lines.size() >= 2, "at least one emotion and the pitch line: " + lines);
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertTrue(line.matches("\\d+\\.\\d\\d s: [a-z]+ \\(\\d\\.\\d\\d\\)"), line);
        }
        String pitch = lines.get(lines.size() - 1);
        assertTrue(pitch.matches("[1-9]\\d* pitch values, error null"), pitch);
    }

    @Test
    void docsLibraryMdPrintsTheExampleThisTestRuns() throws IOException {
        Path source = Path.of("src/test/java/io/auralis/host/LibraryIT.java");
        List<String> test = Files.readAllLines(source);
        int begin = test.indexOf(test.stream().filter(l -> l.strip().equals(EXAMPLE_BEGIN)).findFirst().orElseThrow());
        int end = test.indexOf(test.stream().filter(l -> l.strip().equals(EXAMPLE_END)).findFirst().orElseThrow());
        String indent = test.get(begin).substring(0, test.get(begin).indexOf("//"));
        String example = test.subList(begin + 1, end).stream().map(l -> l.startsWith(indent)
            ? l.substring(indent.length()) : l.strip()).collect(Collectors.joining("\n"));
        String doc = Files.readString(Path.of("../docs/library.md"), StandardCharsets.UTF_8);
        assertTrue(doc.contains("```java\n" + example + "\n```"), "docs/library.md shows, in a java block:\n"
            + example);
    }

    @Test
    void twoHandlesAnalyseWithTheEmotionModelAtOnceAndTheSecondOutlivesTheFirst() throws Exception {
        Path recording = installation().resolve("samples/raised-voice.wav");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Auralis second = Auralis.open(installation())) {
            Auralis first = Auralis.open(installation());
            Future<FileRecord> a = pool.submit(() -> first.analyze(recording, "emotion-timeline"));
            Future<FileRecord> b = pool.submit(() -> second.analyze(recording, "emotion-timeline"));
            List<String> byFirst = labels(first.workflow("emotion-timeline"), a.get(3, TimeUnit.MINUTES));
            List<String> bySecond = labels(second.workflow("emotion-timeline"), b.get(3, TimeUnit.MINUTES));
            assertFalse(byFirst.isEmpty(), "the model found speech");
            assertEquals(byFirst, bySecond, "both handles run the same model");

            first.close();
            assertThrows(IllegalStateException.class, () -> first.analyze(recording, "emotion-timeline"));
            assertEquals(byFirst, labels(second.workflow("emotion-timeline"),
                second.analyze(recording, "emotion-timeline")), "the second handle goes on after the first closed");
        } finally {
            pool.shutdownNow();
        }
        // After the last handle closed, a new one finds the platform, and PyTorch, still usable.
        try (Auralis third = Auralis.open(installation())) {
            assertFalse(labels(third.workflow("emotion-timeline"), third.analyze(recording, "emotion-timeline"))
                .isEmpty());
        }
    }

    @Test
    void aSecondInstallationInTheSameJvmIsRefusedWithTheReason() throws Exception {
        try (Auralis running = Auralis.open(installation())) {
            HostException refused = assertThrows(HostException.class, () -> Auralis.open(tmp));
            assertTrue(refused.getMessage().contains("this JVM runs Auralis from " + running.installation()),
                refused.getMessage());
            assertTrue(refused.getMessage().contains("PyTorch loads once per JVM"), refused.getMessage());
        }
    }

    private static List<String> labels(Analysis analysis, FileRecord record) {
        assertTrue(record.ok(), record.error);
        return analysis.emotions(record, "emotion.emotion").stream().map(e -> e.label).toList();
    }
}
