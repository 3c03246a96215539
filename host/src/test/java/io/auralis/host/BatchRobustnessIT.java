package io.auralis.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auralis.host.distribution.GeneratedWav;
import io.auralis.host.distribution.InstalledAuralis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code auralis analyze} end to end through the real launcher and the real decoder, on what users' folders hold:
 * good WAVs of several rates, channel counts and sample sizes beside empty, corrupt, truncated, non-audio and very
 * short files and a name with spaces and non-ASCII characters; and a run stopped with SIGINT (Ctrl-C) and finished
 * with {@code --resume}, in JSON Lines and CSV.
 *
 * <p>The tests share one state folder, as runs of one user do, so the platform (DJL's natives above all) is set up
 * once.
 */
class BatchRobustnessIT {
    /** Exit status of a process ended by SIGINT (128 + 2), which {@code analyze} keeps after its clean-up. */
    private static final int INTERRUPTED = 130;
    private static final int FILES_TO_INTERRUPT = 30;

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();

    private InstalledAuralis auralis() {
        return new InstalledAuralis(shared.resolve("state"), tmp);
    }

    /** A good file: how it is written, and the f0 of its voice. */
    private record Good(int rate, int channels, int bits, double seconds, double f0) {
    }

    /** The good files of the mixed folder, by name. */
    private static Map<String, Good> goodFiles() {
        Map<String, Good> good = new LinkedHashMap<>();
        good.put("voice-16k-a.wav", new Good(16000, 1, 16, 2.5, 140));
        good.put("voice-16k-b.wav", new Good(16000, 1, 16, 2.0, 220));
        good.put("voice 44.1k stereo.wav", new Good(44100, 2, 16, 2.5, 180));
        good.put("voice-24bit.wav", new Good(16000, 1, 24, 2.0, 160));
        good.put("Grüße aus Köln – 日本語.wav", new Good(16000, 1, 16, 2.0, 200));
        return good;
    }

    /**
     * The bad files of the mixed folder, by name, each with a word its error must contain, or {@code null} where
     * the wording depends on whether ffmpeg is installed (formats other than WAV go to it).
     */
    private static Map<String, String> badFiles() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("empty.wav", "empty");
        bad.put("corrupt-header.wav", "channels");
        bad.put("truncated.wav", "truncated");
        bad.put("notes.wav", "not an audio file");
        bad.put("noise.flac", null);
        bad.put("noise.mp3", null);
        return bad;
    }

    private static final String SHORT = "click-5ms.wav";

    private static void writeMixedFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        long seed = 1;
        for (Map.Entry<String, Good> e : goodFiles().entrySet()) {
            Good g = e.getValue();
            GeneratedWav.write(folder.resolve(e.getKey()), g.rate(), g.channels(), g.bits(), g.seconds(),
                GeneratedWav.voice(g.f0(), 0.5, g.seconds() - 0.5, seed++));
        }
        GeneratedWav.write(folder.resolve(SHORT), 16000, 1, 16, 0.005, GeneratedWav.voice(150, 0, 1, seed));

        Files.write(folder.resolve("empty.wav"), new byte[0]);
        byte[] wav = Files.readAllBytes(folder.resolve("voice-16k-a.wav"));
        byte[] corrupt = wav.clone();
        corrupt[22] = 0; // the fmt chunk's channel count
        corrupt[23] = 0;
        Files.write(folder.resolve("corrupt-header.wav"), corrupt);
        Files.write(folder.resolve("truncated.wav"), Arrays.copyOf(wav, 44 + 1000));
        Files.writeString(folder.resolve("notes.wav"), "Interview notes, not a recording.\n");
        Random random = new Random(42);
        for (String name : List.of("noise.flac", "noise.mp3")) {
            byte[] noise = new byte[4096];
            random.nextBytes(noise);
            Files.write(folder.resolve(name), noise);
        }
    }

    private List<String> workflowOutputs(String workflow) throws IOException {
        JsonNode definition = json.readTree(auralis().home().resolve("workflows/" + workflow + ".json").toFile());
        List<String> outputs = new ArrayList<>();
        definition.get("outputs").forEach(o -> outputs.add(o.asText()));
        return outputs;
    }

    @ParameterizedTest(name = "workflow {0}")
    @ValueSource(strings = {"default", "features"})
    void aMixedFolderGivesEveryGoodFileOneRecordAndEveryBadFileOneErrorLine(String workflow) throws Exception {
        writeMixedFolder(tmp.resolve("mixed"));
        InstalledAuralis.Run run = auralis().run("analyze", "--workflow", workflow, "--output", "out.jsonl", "mixed");

        int files = goodFiles().size() + badFiles().size() + 1;
        int ok = goodFiles().size() + 1;
        assertEquals(1, run.code(), "exit code 1: some files failed\n" + run.err());
        for (String line : run.errLines()) {
            assertTrue(line.startsWith("auralis: "), "every message is one line of its own: " + line);
        }
        String summary = run.errLines().get(run.errLines().size() - 1);
        assertTrue(summary.startsWith("auralis: analysed " + files + " files: " + ok + " ok, "
            + badFiles().size() + " failed; "), summary);

        Map<String, JsonNode> records = new HashMap<>();
        for (String line : Files.readAllLines(tmp.resolve("out.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode record = json.readTree(line);
            assertFalse(records.containsKey(record.get("file").asText()), "one record per file: " + line);
            records.put(record.get("file").asText(), record);
        }
        assertEquals(files, records.size(), records.keySet().toString());
        List<String> outputs = workflowOutputs(workflow);

        for (Map.Entry<String, Good> e : goodFiles().entrySet()) {
            String name = "mixed/" + e.getKey();
            Good g = e.getValue();
            JsonNode record = records.get(name);
            assertTrue(record != null && record.get("error").isNull(), name + ": " + record);
            assertEquals(g.rate(), record.get("sampleRate").asInt(), name);
            assertEquals(g.channels(), record.get("channels").asInt(), name);
            assertEquals(g.seconds(), record.get("duration").asDouble(), 1e-3, name);
            assertEquals(new TreeSet<>(outputs), fieldNames(record.get("outputs")), name + ": every output");
            assertEndsWithinTheFile(record);
            assertEquals(g.f0(), median(values(record.get("outputs").get("pitch.f0"), "f0")), 0.1 * g.f0(),
                name + ": f0 of the voice");
            for (double dbfs : values(record.get("outputs").get("loudness.dbfs"), "dbfs")) {
                assertTrue(dbfs <= 0 && dbfs > -100, name + ": loudness " + dbfs);
            }
            if (workflow.equals("default")) {
                assertFalse(record.get("outputs").get("segments.speech").isEmpty(), name + ": speech is found");
                assertEmotions(name, record.get("outputs").get("emotion.emotion"));
            }
            assertTrue(run.errLines().stream().noneMatch(l -> l.contains(name)), name + " has no message");
        }

        JsonNode click = records.get("mixed/" + SHORT);
        assertTrue(click.get("error").isNull(), "a 5 ms file is audio, only short: " + click);
        assertEquals(0.005, click.get("duration").asDouble(), 1e-4);
        assertEquals(new TreeSet<>(outputs), fieldNames(click.get("outputs")));
        assertEndsWithinTheFile(click);
        assertTrue(click.get("outputs").get("pitch.f0").isEmpty(), "too short for two periods of any f0: " + click);
        // The last block is shorter when the file ends inside it, never padded (docs/architecture.md).
        JsonNode level = click.get("outputs").get("loudness.dbfs");
        assertEquals(1, level.size(), click.toString());
        assertEquals(0.005, level.get(0).get("duration").asDouble(), 1e-4);
        if (workflow.equals("default")) {
            assertTrue(click.get("outputs").get("segments.speech").isEmpty(), "a click is not speech: " + click);
            assertTrue(click.get("outputs").get("emotion.emotion").isEmpty(), click.toString());
        }

        for (Map.Entry<String, String> e : badFiles().entrySet()) {
            String name = "mixed/" + e.getKey();
            JsonNode record = records.get(name);
            String error = record.get("error").asText("");
            assertTrue(error.startsWith(name + ": ") && error.length() > name.length() + 5,
                "the error names the file and the problem: " + record);
            if (e.getValue() != null) {
                assertTrue(error.contains(e.getValue()), name + ": '" + e.getValue() + "' in " + error);
            }
            assertFalse(error.matches(".*(Exception|Error)\\b.*"), "a problem, not a stack frame: " + error);
            assertTrue(record.get("outputs").isEmpty(), record.toString());
            List<String> lines = run.errLines().stream().filter(l -> l.contains(name)).toList();
            assertEquals(List.of("auralis: " + error), lines, name + ": exactly one line, the record's error");
        }
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The one value of each feature, written under its bin's name (f0, dbfs). */
    private static List<Double> values(JsonNode features, String bin) {
        List<Double> values = new ArrayList<>();
        features.forEach(f -> values.add(f.get(bin).asDouble()));
        return values;
    }

    private static double median(List<Double> values) {
        assertFalse(values.isEmpty(), "no values");
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /** Frame-based features lie inside the file: the last block is cut at its end, not padded. */
    private static void assertEndsWithinTheFile(JsonNode record) {
        double duration = record.get("duration").asDouble();
        for (String output : List.of("pitch.f0", "loudness.dbfs")) {
            for (JsonNode f : record.get("outputs").get(output)) {
                double end = f.get("time").asDouble() + f.get("duration").asDouble();
                assertTrue(end <= duration + 1e-6, record.get("file") + ": " + output + " " + f + " ends after "
                    + duration + " s");
            }
        }
    }

    private static void assertEmotions(String name, JsonNode emotions) {
        assertFalse(emotions.isEmpty(), name + ": the model labels the speech");
        for (JsonNode e : emotions) {
            double sum = 0;
            double best = 0;
            String label = null;
            for (Map.Entry<String, JsonNode> p : (Iterable<Map.Entry<String, JsonNode>>) e.get("distribution")::fields) {
                double v = p.getValue().asDouble();
                assertTrue(v >= 0 && v <= 1, name + ": " + e);
                sum += v;
                if (v > best) {
                    best = v;
                    label = p.getKey();
                }
            }
            assertEquals(1, sum, 1e-3, name + ": a distribution: " + e);
            assertEquals(label, e.get("label").asText(), name + ": the label is the likeliest class: " + e);
            assertEquals(best, e.get("confidence").asDouble(), 1e-4, name + ": " + e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"out.jsonl", "out.csv"})
    void aRunStoppedWithCtrlCKeepsCompleteRecordsAndResumeFinishesItWithoutRedoingThem(String output)
            throws Exception {
        Path folder = tmp.resolve("many");
        Files.createDirectories(folder);
        // Six seconds each: the run is still going when the first records are out, with about a second to spare.
        writeSpeechAndPauses(folder.resolve("f01.wav"));
        List<String> inputs = new ArrayList<>();
        for (int i = 1; i <= FILES_TO_INTERRUPT; i++) {
            String name = String.format("f%02d.wav", i);
            if (i > 1) {
                Files.copy(folder.resolve("f01.wav"), folder.resolve(name));
            }
            inputs.add("many/" + name);
        }
        Path out = tmp.resolve(output);
        Format format = output.endsWith(".csv") ? Format.CSV : Format.JSONL;
        InstalledAuralis auralis = auralis();

        Process launcher = auralis.start("interrupted", "analyze", "--workers", "1", "--output", output, "many");
        try {
            ProcessHandle jvm = InstalledAuralis.jvmOf(launcher);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (format.records(read(out)).size() < 3 && launcher.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            // If this fails, the files are too short for this machine: the run ended before it could be stopped.
            assertTrue(launcher.isAlive(), "the run is still going after 3 records");
            InstalledAuralis.interrupt(jvm);
            assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "the run stops on SIGINT");
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
        InstalledAuralis.Run interrupted = auralis.result("interrupted", launcher.exitValue());
        assertEquals(INTERRUPTED, interrupted.code(), interrupted.err());
        InstalledAuralis.Run help = auralis.run("analyze", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("130 interrupted (Ctrl-C)"),
            "the exit code is documented:\n" + help.out());
        assertTrue(interrupted.err().contains("auralis: interrupted; every record written is complete; run the same "
            + "command with --resume to analyse the rest"), interrupted.err());

        byte[] before = read(out);
        List<String> kept = format.records(before);
        assertTrue(format.endsOnACompleteRecord(before), "no partial record at the end:\n" + tail(before));
        assertTrue(kept.size() >= 3 && kept.size() < FILES_TO_INTERRUPT, kept.size() + " records");
        assertEquals(inputs.subList(0, kept.size()), kept, "records in input order, each once");

        InstalledAuralis.Run resumed = auralis.run("analyze", "--workers", "1", "--output", output, "--resume",
            "many");
        assertEquals(0, resumed.code(), resumed.err());
        int left = FILES_TO_INTERRUPT - kept.size();
        assertTrue(resumed.err().contains("auralis: resuming: " + kept.size() + " of " + FILES_TO_INTERRUPT
            + " files are already in " + output), resumed.err());
        assertTrue(resumed.err().contains("auralis: analysed " + left + " files: " + left + " ok, 0 failed; "),
            "only the rest is analysed: " + resumed.err());
        assertTrue(resumed.err().contains("; " + kept.size() + " were already done"), resumed.err());

        byte[] after = read(out);
        assertArrayEquals(before, Arrays.copyOf(after, before.length), "the records kept are unchanged");
        assertEquals(inputs, format.records(after), "every input exactly once, in order");
        assertTrue(format.endsOnACompleteRecord(after));
        // The files are copies of one: records written before and after the interruption are the same but for
        // the name, so none was lost or written half. Same up to a float's last digits: the model batches the clips
        // of several files (a worker does not wait for its file's emotion), and PyTorch's kernels round a batch of
        // a few clips a little differently from a batch of one.
        Set<String> distinct = new HashSet<>(format.recordsWithoutNames(after).stream()
            .map(BatchRobustnessIT::roundedNumbers).toList());
        assertEquals(1, distinct.size(), "one record, " + FILES_TO_INTERRUPT + " times");
    }

    /** Six seconds of two-second voiced stretches and pauses, so the model has speech to label. */
    private static void writeSpeechAndPauses(Path file) throws IOException {
        var voice = GeneratedWav.voice(150, 0, 6, 5);
        GeneratedWav.write(file, 16000, 1, 16, 6, t -> {
            double sample = voice.applyAsDouble(t);
            return t % 4 >= 1 && t % 4 < 3 ? sample : sample * 0.01;
        });
    }

    /** The text with every decimal number rounded to 5 significant digits. */
    private static String roundedNumbers(String text) {
        return java.util.regex.Pattern.compile("-?\\d+\\.\\d+(?:[eE]-?\\d+)?").matcher(text)
            .replaceAll(m -> String.format(java.util.Locale.ROOT, "%.5g", Double.parseDouble(m.group())));
    }

    private static byte[] read(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    }

    private static String tail(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.substring(Math.max(0, text.length() - 300));
    }

    /** How an output format splits into records, and what a complete record looks like. */
    private enum Format {
        /** One JSON object per line. */
        JSONL {
            @Override
            List<String> records(byte[] bytes) throws IOException {
                List<String> files = new ArrayList<>();
                for (String line : completeLines(bytes, "\n")) {
                    files.add(JSON.readTree(line).get("file").asText());
                }
                return files;
            }

            @Override
            boolean endsOnACompleteRecord(byte[] bytes) {
                return bytes.length > 0 && bytes[bytes.length - 1] == '\n';
            }

            @Override
            List<String> recordsWithoutNames(byte[] bytes) throws IOException {
                List<String> records = new ArrayList<>();
                for (String line : completeLines(bytes, "\n")) {
                    ObjectNode record = (ObjectNode) JSON.readTree(line);
                    record.remove("file");
                    records.add(record.toString());
                }
                return records;
            }
        },
        /**
         * RFC 4180 rows after a header: a file's feature rows, then its file row (empty {@code output}). The file
         * names here need no quoting.
         */
        CSV {
            @Override
            List<String> records(byte[] bytes) {
                List<String> files = new ArrayList<>();
                List<String> rows = completeLines(bytes, "\r\n");
                for (String row : rows.subList(Math.min(1, rows.size()), rows.size())) {
                    String[] fields = row.split(",", 3);
                    if (fields[1].isEmpty()) {
                        files.add(fields[0]);
                    }
                }
                return files;
            }

            @Override
            boolean endsOnACompleteRecord(byte[] bytes) {
                List<String> rows = completeLines(bytes, "\r\n");
                String text = new String(bytes, StandardCharsets.UTF_8);
                return text.endsWith("\r\n") && rows.size() > 1
                    && rows.get(rows.size() - 1).split(",", 3)[1].isEmpty();
            }

            @Override
            List<String> recordsWithoutNames(byte[] bytes) {
                List<String> records = new ArrayList<>();
                StringBuilder record = new StringBuilder();
                List<String> rows = completeLines(bytes, "\r\n");
                for (String row : rows.subList(1, rows.size())) {
                    String[] fields = row.split(",", 3);
                    record.append(fields[1]).append(',').append(fields[2]).append('\n');
                    if (fields[1].isEmpty()) {
                        records.add(record.toString());
                        record.setLength(0);
                    }
                }
                return records;
            }
        };

        private static final ObjectMapper JSON = new ObjectMapper();

        /** The files of the complete records, in order. */
        abstract List<String> records(byte[] bytes) throws IOException;

        abstract boolean endsOnACompleteRecord(byte[] bytes);

        /** Each complete record as text, without the file's name. */
        abstract List<String> recordsWithoutNames(byte[] bytes) throws IOException;

        /** The lines that end with the separator; a line being written is left out. */
        private static List<String> completeLines(byte[] bytes, String separator) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.lastIndexOf(separator);
            return end < 0 ? List.of() : List.of(text.substring(0, end).split(Pattern.quote(separator), -1));
        }
    }
}
