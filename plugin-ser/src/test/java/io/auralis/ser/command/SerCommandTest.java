package io.auralis.ser.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auralis.api.command.Command;
import io.auralis.ser.checkpoint.PickleWriter;
import io.auralis.ser.data.SyntheticAudio;
import io.auralis.ser.inference.EmotionModel;
import io.auralis.ser.model.ModelDirectory;
import io.auralis.ser.model.SignalFixture;
import io.auralis.ser.runtime.ModelService;
import io.auralis.ser.runtime.TestModels;
import io.auralis.testkit.CapturingContext;
import io.auralis.testkit.Corpora;
import io.auralis.testkit.UnsearchableFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    static ModelService models;
    static SerCommand command;

    @BeforeAll
    static void setUp() throws Exception {
        Path folder = Files.createDirectories(work.resolve("models"));
        TestModels.write(folder, "default", List.of("calm", "angry", "sad"));
        models = TestModels.service(folder);
        command = new SerCommand(new SerServices(models, SyntheticAudio.decoder()), Subcommands.ALL);
        SyntheticAudio.write(work.resolve("a.wav"), SignalFixture.signal(24000, 1));
        SyntheticAudio.write(work.resolve("b.wav"), SignalFixture.signal(40000, 2));
        SyntheticAudio.write(work.resolve("tiny.wav"), new float[100]);
        Files.writeString(work.resolve("notes.wav"), "not audio");
    }

    @AfterAll
    static void close() {
        models.close();
    }

    /** Runs {@code auralis ser ...} in the work folder. */
    record Run(int code, String out, String err) {
        List<JsonNode> lines() throws Exception {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
            return nodes;
        }
    }

    static Run ser(String... args) throws Exception {
        CapturingContext context = new CapturingContext(work);
        int code = context.launch(command, List.of(args));
        return new Run(code, context.outText(), context.errText());
    }

    private static float[] floats(JsonNode array) {
        float[] f = new float[array.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) array.get(i).asDouble();
        }
        return f;
    }

    @Test
    void predictPrintsOneJsonLinePerFileWithTheModelsLogProbabilities() throws Exception {
        Run run = ser("predict", "a.wav", "b.wav");
        assertEquals(Command.OK, run.code(), run.err());
        List<JsonNode> lines = run.lines();
        assertEquals(2, lines.size());
        JsonNode a = lines.get(0);
        assertEquals("a.wav", a.get("file").asText());
        assertEquals(1.5, a.get("duration").asDouble(), 1e-9);
        assertEquals("cpu", a.get("device").asText());
        assertEquals("default", a.get("model").asText());
        EmotionModel model = models.model("default", work, null);
        float[] expected = model.predict(SignalFixture.signal(24000, 1)).logProbabilities();
        // the WAV file holds 16-bit samples, so the decoded audio differs from the floats by quantisation
        assertArrayEquals(expected, floats(a.get("logprobs")), 2e-3f);
        assertEquals(3, a.get("distribution").size());
        String label = a.get("label").asText();
        assertEquals(a.get("distribution").get(label).asDouble(), a.get("confidence").asDouble(), 1e-6);
    }

    @Test
    void windowModeAddsWindowsAndReportsTheirMeanProbabilities() throws Exception {
        Run run = ser("predict", "--window", "1", "--hop=0.5", "b.wav");
        assertEquals(Command.OK, run.code(), run.err());
        JsonNode b = run.lines().get(0);
        JsonNode windows = b.get("windows");
        assertEquals(4, windows.size()); // 2.5 s: windows at 0, 0.5, 1.0, 1.5
        assertEquals(1.5, windows.get(3).get("time").asDouble(), 1e-9);
        double mean = 0;
        for (JsonNode w : windows) {
            mean += w.get("distribution").get("calm").asDouble() / windows.size();
        }
        assertEquals(mean, b.get("distribution").get("calm").asDouble(), 1e-6);
        assertEquals(Math.log(mean), b.get("logprobs").get(0).asDouble(), 1e-5);
    }

    @Test
    void badFilesGetOneLineEachNamedAsTypedAndTheOthersGoOn() throws Exception {
        Run run = ser("predict", "a.wav", "./notes.wav", "tiny.wav");
        assertEquals(Command.PARTIAL_FAILURE, run.code());
        assertEquals(1, run.lines().size());
        String[] errors = run.err().strip().split("\n");
        assertEquals(2, errors.length, run.err());
        // named as typed, not as the path the decoder was handed
        assertTrue(errors[0].startsWith("auralis: ./notes.wav: ") && !errors[0].contains(work.toString()), errors[0]);
        assertEquals("auralis: tiny.wav: 6.3 ms of audio is shorter than the 13.8 ms cnn3gru needs", errors[1]);
    }

    @Test
    void exitCodesAreAnalyzesAllFilesFailedIsOneAndAMissingInputIsBadUsageWithNothingRead() throws Exception {
        Run allFailed = ser("predict", "notes.wav", "tiny.wav");
        assertEquals(Command.PARTIAL_FAILURE, allFailed.code(), allFailed.err());
        Run missing = ser("predict", "a.wav", "missing.wav");
        assertEquals(Command.USAGE, missing.code());
        assertEquals("auralis: ser predict: missing.wav: no such file\n", missing.err());
        assertEquals("", missing.out(), "nothing is predicted before the inputs are checked");
    }

    @Test
    void foldersAreSearchedAsAnalyzeSearchesThemAndTheirFilesNamedUnderTheFolderTyped() throws Exception {
        Path clips = Files.createDirectories(work.resolve("clips/b"));
        Files.createDirectories(work.resolve("clips/.cache"));
        Files.copy(work.resolve("a.wav"), clips.resolve("x.wav"));
        Files.copy(work.resolve("a.wav"), work.resolve("clips/A.WAV"));
        Files.copy(work.resolve("a.wav"), work.resolve("clips/.hidden.wav"));
        Files.copy(work.resolve("a.wav"), work.resolve("clips/.cache/y.wav"));
        Files.writeString(work.resolve("clips/notes.txt"), "not audio");
        Run run = ser("predict", "clips/", "clips/b/x.wav");
        assertEquals(Command.OK, run.code(), run.err());
        List<String> files = new ArrayList<>();
        for (JsonNode line : run.lines()) {
            files.add(line.get("file").asText());
        }
        // sorted by the path inside the folder, hidden names and other extensions skipped, x.wav read once
        assertEquals(List.of("clips/A.WAV", "clips/b/x.wav"), files);

        // a part of a folder that cannot be searched is a failed file, as in analyze, not a warning
        String deep = UnsearchableFolder.create(work.resolve("clips"));
        try {
            Run locked = ser("predict", "clips/");
            assertEquals(Command.PARTIAL_FAILURE, locked.code(), locked.err());
            assertEquals(2, locked.lines().size(), locked.out());
            assertTrue(locked.err().startsWith("auralis: clips/" + deep) && locked.err().strip()
                .endsWith(": cannot be searched: File name too long"), locked.err());
        } finally {
            UnsearchableFolder.delete(work.resolve("clips"));
        }

        Files.createDirectories(work.resolve("silent"));
        Run empty = ser("predict", "silent");
        assertEquals(Command.USAGE, empty.code());
        assertTrue(empty.err().startsWith("auralis: ser predict: no audio files in silent"), empty.err());
    }

    @Test
    void filesDecodedOnSeveralWorkersAndBatchedTogetherComeOutInTheGivenOrderWithTheirLoneResults() throws Exception {
        List<String> args = new ArrayList<>(List.of("predict", "--workers", "3"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            String name = "order-" + i + ".wav";
            // lengths from 0.3 s to 4 s in a shuffled order, so that batches mix files of different lengths
            SyntheticAudio.write(work.resolve(name), SignalFixture.signal(4800 + (i * 7919) % 60000, i));
            names.add(i == 5 ? "tiny.wav" : i == 9 ? "notes.wav" : name);
        }
        args.addAll(names);
        Run together = ser(args.toArray(String[]::new));
        assertEquals(Command.PARTIAL_FAILURE, together.code(), together.err());
        List<JsonNode> lines = together.lines();
        assertEquals(12, lines.size());
        String[] errors = together.err().strip().split("\n");
        assertTrue(errors[0].contains("tiny.wav") && errors[1].contains("notes.wav"), together.err());
        int k = 0;
        for (String name : names) {
            if (name.equals("tiny.wav") || name.equals("notes.wav")) {
                continue;
            }
            JsonNode line = lines.get(k++);
            assertEquals(name, line.get("file").asText());
            JsonNode alone = ser("predict", "--workers", "1", name).lines().get(0);
            assertArrayEquals(floats(alone.get("logprobs")), floats(line.get("logprobs")), 1e-5f, name);
        }
        assertEquals("auralis: ser predict: --workers must be at least 1, got 0\n",
            ser("predict", "--workers", "0", "a.wav").err());
    }

    @Test
    void predictReadsRealRecordingsIncludingOnesWithExtraChunks() throws Exception {
        Path wav = Corpora.require("emodb").resolve("wav");
        // 14a07Aa carries a 4044-byte padding chunk before its data
        List<String> files = List.of("14a07Aa.wav", "03a01Fa.wav", "16b10Wb.wav");
        for (String f : files) {
            assumeTrue(Files.isRegularFile(wav.resolve(f)), "missing " + f);
        }
        Run run = ser("predict", "--window", "1", wav.resolve(files.get(0)).toString(),
            wav.resolve(files.get(1)).toString(), wav.resolve(files.get(2)).toString());
        assertEquals(Command.OK, run.code(), run.err());
        assertEquals(3, run.lines().size());
        for (JsonNode line : run.lines()) {
            assertTrue(line.get("duration").asDouble() > 1, line.toString());
            assertTrue(line.get("windows").size() >= 1, line.toString());
        }
    }

    @Test
    void badUsageIsOneLineWithExitCodeTwo() throws Exception {
        Run run = ser("predict", "--model", "nope", "a.wav");
        assertEquals(Command.USAGE, run.code());
        assertTrue(run.err().startsWith("auralis: ser predict: nope: no such model directory"), run.err());
        assertEquals(Command.USAGE, ser("predict").code());
        assertEquals("auralis: ser predict: unknown option --speed\n", ser("predict", "--speed", "2", "a.wav").err());
        assertEquals("auralis: ser predict: --window needs a value\n", ser("predict", "a.wav", "--window").err());
        assertEquals("auralis: ser predict: --model given twice\n",
            ser("predict", "--model", "a", "--model=b", "a.wav").err());
        assertEquals(Command.USAGE, ser("predict", "--hop", "1", "a.wav").code());
        assertEquals(Command.USAGE, ser("predict", "--device", "tpu", "a.wav").code());
        assertEquals(Command.USAGE, ser("predict", "--window", "0.01", "a.wav").code());
        assertEquals("auralis: ser: unknown subcommand 'frobnicate' (expected one of predict, import, train, "
            + "evaluate, search, bench)\nRun 'auralis help ser' for the list of subcommands.\n", ser("frobnicate").err());
        assertEquals(Command.USAGE, ser().code());
    }

    @Test
    void helpListsSubcommandsAndTheirUsage() throws Exception {
        Run run = ser("--help");
        assertEquals(Command.OK, run.code());
        assertTrue(run.out().contains("predict") && run.out().contains("import"), run.out());
        Run predict = ser("predict", "--help");
        assertTrue(predict.out().startsWith("Usage: auralis ser predict"), predict.out());
        assertTrue(predict.out().contains("--hop S") && predict.out().contains("seconds between window starts"),
            predict.out());
    }

    @Test
    void everySubcommandsHelpIsInThePlatformsHelpStyle() throws Exception {
        List<String> helps = new ArrayList<>(List.of(ser("--help").out()));
        for (Subcommand sub : Subcommands.ALL) {
            Run help = ser(sub.name(), "--help");
            assertEquals(Command.OK, help.code(), help.err());
            assertTrue(help.out().startsWith("Usage: auralis ser " + sub.name() + " "), help.out());
            assertTrue(help.out().contains("\nOptions:\n") && help.out().contains("\n  -h, --help  "), help.out());
            helps.add(help.out());
        }
        for (String help : helps) {
            assertTrue(help.startsWith("Usage: auralis ser "), help);
            boolean options = false;
            for (String line : help.lines().toList()) {
                // a single word longer than that (an example search space) gets a line of its own
                assertTrue(line.length() <= 100 || !line.strip().contains(" "), "at most 100 columns: " + line);
                // options as the host names them: "-h, --help", "    --model DIR|NAME", never "--model <DIR|NAME>";
                // in the Options section a row starts at column 2 or 6, its wrapped description much further in
                options = line.equals("Options:") || options && !line.isBlank();
                if (options && line.matches("  (    )?-.*")) {
                    assertTrue(line.matches("  (-\\w, |    )--[a-z0-9-]+( [^ <>]+)?(  .*)?"), "option row: " + line);
                }
            }
        }
    }

    @Test
    void importWritesAModelThatPredictUses() throws Exception {
        Path checkpoint = Path.of(SerCommandTest.class.getResource("/fixtures/cnn3gru.pth").toURI());
        Run run = ser("import", "--checkpoint", checkpoint.toString(), "--arch", "cnn3gru", "--labels",
            "angry,disgust,fear,happy,neutral,sad,surprise", "--out", "imported", "--license", "CC0-1.0");
        assertEquals(Command.OK, run.code(), run.err());
        assertTrue(run.out().startsWith("wrote " + work.resolve("imported")), run.out());
        ModelDirectory dir = ModelDirectory.open(work.resolve("imported"));
        assertEquals("CC0-1.0", dir.config().license);
        Run predict = ser("predict", "--model", "imported", "a.wav");
        assertEquals(Command.OK, predict.code(), predict.err());
        assertEquals(7, predict.lines().get(0).get("logprobs").size());
        Run again = ser("import", "--checkpoint", checkpoint.toString(), "--arch", "cnn3gru", "--labels",
            "angry,disgust,fear,happy,neutral,sad,surprise", "--out", "imported");
        assertEquals(Command.USAGE, again.code());
        assertTrue(again.err().contains("pass --force"), again.err());
    }

    @Test
    void importRefusesToOverwriteAModelCardWithoutForceAndAFileIsAUsageError() throws Exception {
        Path checkpoint = Path.of(SerCommandTest.class.getResource("/fixtures/cnn3gru.pth").toURI());
        Path folder = Files.createDirectories(work.resolve("carded"));
        Files.writeString(folder.resolve(ModelDirectory.CARD), "my notes");
        Run run = ser("import", "--checkpoint", checkpoint.toString(), "--arch", "cnn3gru", "--labels",
            "angry,disgust,fear,happy,neutral,sad,surprise", "--out", "carded");
        assertEquals(Command.USAGE, run.code(), run.err());
        assertEquals("auralis: ser import: " + folder + ": already holds README.md; pass --force to replace it\n",
            run.err());
        assertEquals("my notes", Files.readString(folder.resolve(ModelDirectory.CARD)));

        Files.writeString(work.resolve("a-file"), "x");
        Run onFile = ser("import", "--checkpoint", checkpoint.toString(), "--arch", "cnn3gru", "--labels",
            "angry,disgust,fear,happy,neutral,sad,surprise", "--out", "a-file");
        assertEquals(Command.USAGE, onFile.code(), onFile.err());
        assertEquals("auralis: ser import: " + work.resolve("a-file") + ": is a file, not a folder: --out names the"
            + " model folder to write\n", onFile.err());
    }

    @Test
    void importOfAHostileCheckpointIsOneLineAndExitCode2NotAnInternalError() throws Exception {
        // A stride of 2^62: the view's last element wrapped around and the read went outside the storage.
        Path file = work.resolve("stride.pth");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("archive/data.pkl"));
            zip.write(new PickleWriter().op('}').str("w").tensor(4, 0, new long[] {3}, new long[] {1L << 62})
                .ops("s.").bytes());
            zip.putNextEntry(new java.util.zip.ZipEntry("archive/data/0"));
            zip.write(new byte[16]);
        }
        Run run = ser("import", "--checkpoint", "stride.pth", "--arch", "cnn3gru", "--labels", "a,b", "--out", "y");
        assertEquals(Command.USAGE, run.code(), run.err());
        assertTrue(run.err().startsWith("auralis: ser import: " + file + ": tensor of shape [3]"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void importOfABadCheckpointIsOneLineNamingIt() throws Exception {
        Files.writeString(work.resolve("bad.pth"), "nope");
        Run run = ser("import", "--checkpoint", "bad.pth", "--arch", "cnn3gru", "--labels", "a,b", "--out", "x");
        assertEquals(Command.USAGE, run.code());
        assertEquals("auralis: ser import: " + work.resolve("bad.pth") + ": not a PyTorch checkpoint (not a zip "
            + "archive)\n", run.err());
        assertEquals(Command.USAGE, ser("import", "--checkpoint", "bad.pth", "--arch", "cnn7", "--labels", "a,b",
            "--out", "x").code());
    }
}
