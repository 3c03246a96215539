package io.auralis.ser.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.command.Command;
import io.auralis.ser.data.SyntheticAudio;
import io.auralis.ser.evaluation.EvaluationReport;
import io.auralis.ser.runtime.ModelService;
import io.auralis.ser.runtime.TestModels;
import io.auralis.testkit.CapturingContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ser train} and {@code ser evaluate} as the host runs them: arguments in, exit code and lines out. */
class TrainAndEvaluateCommandTest {

    @TempDir
    static Path dir;

    static ModelService models;
    static Path manifest;

    @BeforeAll
    static void corpus() throws IOException {
        models = TestModels.service(dir.resolve("models"));
        // Two easy classes, two speakers: enough to train for one epoch and evaluate.
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("path,label,speaker\n");
        for (int i = 0; i < 10; i++) {
            SyntheticAudio.write(dir.resolve("data/low" + i + ".wav"),
                SyntheticAudio.tone(200 + 50 * random.nextDouble(), 0.3, 0.5));
            SyntheticAudio.write(dir.resolve("data/noise" + i + ".wav"), SyntheticAudio.noise(i, 0.3, 0.5));
            csv.append("low").append(i).append(".wav,low,s").append(i % 2).append('\n');
            csv.append("noise").append(i).append(".wav,noise,s").append(i % 2).append('\n');
        }
        manifest = Files.writeString(dir.resolve("data/manifest.csv"), csv);
    }

    @AfterAll
    static void close() {
        models.close();
    }

    /** Runs {@code auralis ser ARGS...} and returns the exit code with what it printed. */
    private static Run ser(String... args) throws Exception {
        CapturingContext context = new CapturingContext(dir);
        SerCommand command = new SerCommand(new SerServices(models, SyntheticAudio.decoder()), Subcommands.ALL);
        int code = context.launch(command, List.of(args));
        return new Run(code, context.outText(), context.errText());
    }

    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }
    }

    private static List<String> train(String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--dataset", "csv", "--data", "data/manifest.csv",
            "--arch", "cnn3gru", "--batch-size", "4", "--device", "cpu"));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void helpListsTrainAndEvaluateAndExplainsTheirOptions() throws Exception {
        Run all = ser("--help");
        assertEquals(Command.OK, all.code());
        assertTrue(all.out().contains("train ") && all.out().contains("evaluate "), all.out());
        Run train = ser("train", "--help");
        assertEquals(Command.OK, train.code());
        assertTrue(train.out().contains("--resume") && train.out().contains("--split S"), train.out());
        Run evaluate = ser("evaluate", "--help");
        assertTrue(evaluate.out().contains("--split S"), evaluate.out());
    }

    @Test
    void badFlagsAreOneLineAndExitCode2() throws Exception {
        assertUsage(ser(train("--out", "m0", "--epochs", "0").toArray(String[]::new)),
            "auralis: ser train: --epochs must be at least 1, got 0");
        assertUsage(ser(train("--out", "m0", "--epochs", "many").toArray(String[]::new)),
            "auralis: ser train: --epochs must be an integer, got 'many'");
        assertUsage(ser(train("--out", "m0", "--colour", "red").toArray(String[]::new)),
            "auralis: ser train: unknown option --colour");
        assertUsage(ser(train("--out", "m0", "--lr", "-1").toArray(String[]::new)),
            "auralis: ser train: --lr must be positive, got -1.0");
        assertUsage(ser("train", "--dataset", "timit", "--data", "x", "--arch", "cnn3gru", "--out", "m0"),
            "auralis: ser train: unknown dataset 'timit' (expected tess, ravdess, emodb, iemocap, ased, nemo, turev, emotiontts, baved, csv)");
        assertUsage(ser(train("--out", "m0", "--split", "random", "--test-speakers", "s1").toArray(String[]::new)),
            "auralis: ser train: --test-speakers and --val-speakers need --split speaker");
        assertUsage(ser("train", "--resume", "--out", "m0", "--lr", "0.1"),
            "auralis: ser train: --lr cannot be changed when resuming: the checkpoint keeps its settings");
        assertUsage(ser("train", "--dataset", "csv", "--data", "nowhere.csv", "--arch", "cnn3gru", "--out", "m0"),
            "auralis: ser train: " + dir.resolve("nowhere.csv") + ": no such file");
        assertUsage(ser("evaluate", "--model", "nomodel", "--dataset", "csv", "--data", "data/manifest.csv"),
            null);
        assertTrue(!Files.exists(dir.resolve("m0")), "nothing written for bad arguments");
    }

    @Test
    void trainWritesAModelThatEvaluateMeasuresOnItsOwnTestPart() throws Exception {
        Run trained = ser(train("--out", "m1", "--epochs", "1").toArray(String[]::new));
        assertEquals(Command.OK, trained.code(), trained.err());
        assertTrue(trained.out().contains("accuracy"), trained.out());
        assertTrue(trained.out().contains("wrote " + dir.resolve("m1") + ": kept epoch 1 of 1"), trained.out());
        assertTrue(trained.err().contains("epoch 1/1: train loss"), trained.err());

        Run evaluated = ser("evaluate", "--model", "m1", "--dataset", "csv", "--data", "data/manifest.csv",
            "--out", "eval");
        assertEquals(Command.OK, evaluated.code(), evaluated.err());
        assertTrue(evaluated.out().startsWith("m1 on csv (test): 2 clips"), evaluated.out());
        EvaluationReport metrics = EvaluationReport.read(dir.resolve("eval/metrics.json"));
        EvaluationReport atTraining = EvaluationReport.read(dir.resolve("m1/metrics.json"));
        assertEquals(atTraining.accuracy, metrics.accuracy, 1e-9, "the same test part gives the same result");
        assertTrue(Files.size(dir.resolve("eval/confusion_matrix.png")) > 1000);

        Run everything = ser("evaluate", "--model", "m1", "--dataset", "csv", "--data", "data/manifest.csv",
            "--split", "all");
        assertEquals(Command.OK, everything.code(), everything.err());
        assertTrue(everything.out().startsWith("m1 on csv (all): 20 clips"), everything.out());

        assertUsage(ser("evaluate", "--model", "m1", "--dataset", "emodb", "--data", "data", "--split", "test"),
            "auralis: ser evaluate: " + dir.resolve("m1") + ": was trained on csv; its test part is of that "
                + "corpus, not emodb; use --split all");

        Run resumed = ser("train", "--resume", "--out", "m1", "--epochs", "2");
        assertEquals(Command.OK, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("resuming after epoch 1 of 2"), resumed.err());
        assertEquals(3, Files.readAllLines(dir.resolve("m1/history.csv")).size());
        assertUsage(ser(train("--out", "m1", "--epochs", "1").toArray(String[]::new)),
            "auralis: ser train: " + dir.resolve("m1") + ": already holds a model or a checkpoint; pass --resume "
                + "to continue training it, or choose another --out");
    }

    /** Writes tiny TESS and EmoDB corpora in their own layouts under data/multi: two labels shared, one not. */
    private static void twoCorpora() throws IOException {
        Random random = new Random(7);
        Path tess = dir.resolve("data/multi/tess/TESS Toronto emotional speech set data");
        for (String speaker : List.of("OAF", "YAF")) {
            for (String word : List.of("back", "bar", "base")) {
                SyntheticAudio.write(tess.resolve(speaker + "_angry/" + speaker + "_" + word + "_angry.wav"),
                    SyntheticAudio.noise(random.nextLong(), 0.3, 0.5));
                SyntheticAudio.write(tess.resolve(speaker + "_sad/" + speaker + "_" + word + "_sad.wav"),
                    SyntheticAudio.tone(200 + 50 * random.nextDouble(), 0.3, 0.5));
            }
            SyntheticAudio.writeTone(tess.resolve(speaker + "_Pleasant_surprise/" + speaker + "_back_ps.wav"));
        }
        Path emodb = dir.resolve("data/multi/emodb/wav");
        for (String actor : List.of("03", "08", "09", "10")) {
            for (String text : List.of("a01", "a02")) {
                SyntheticAudio.write(emodb.resolve(actor + text + "Wa.wav"),
                    SyntheticAudio.noise(random.nextLong(), 0.3, 0.5));
                SyntheticAudio.write(emodb.resolve(actor + text + "Ta.wav"),
                    SyntheticAudio.tone(200 + 50 * random.nextDouble(), 0.3, 0.5));
            }
            SyntheticAudio.writeTone(emodb.resolve(actor + "a05La.wav"));
        }
    }

    private static List<String> trainBoth(String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--dataset", "tess,emodb", "--data",
            "data/multi/tess,data/multi/emodb", "--classes", "angry,sad", "--split", "speaker", "--test-speakers",
            "emodb-03,tess-OAF", "--val-speakers", "emodb-09", "--arch", "cnn3gru", "--batch-size", "4",
            "--device", "cpu"));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void aDryRunListsTwoCorporaAsOneSplitWithNamespacedSpeakersAndCountsDroppedLabels() throws Exception {
        twoCorpora();

        Run listed = ser(trainBoth("--dry-run").toArray(String[]::new));

        assertEquals(Command.OK, listed.code(), listed.err());
        List<String> lines = List.of(listed.out().split("\n"));
        assertEquals("part,speaker,label,file", lines.get(0));
        assertEquals(1 + 14 + 4 + 10, lines.size(), listed.out());
        assertTrue(lines.contains("test,tess-OAF,angry," + dir.resolve(
            "data/multi/tess/TESS Toronto emotional speech set data/OAF_angry/OAF_back_angry.wav")), listed.out());
        assertTrue(lines.contains("validation,emodb-09,sad," + dir.resolve("data/multi/emodb/wav/09a02Ta.wav")),
            listed.out());
        assertEquals(List.of("emodb-08", "emodb-10", "tess-YAF"), lines.stream().skip(1)
            .filter(l -> l.startsWith("train,")).map(l -> l.split(",")[1]).distinct().sorted().toList());
        assertTrue(listed.err().contains("tess,emodb: 14 training, 4 validation, 10 test clips, classes angry, sad"),
            listed.err());
        assertTrue(listed.err().contains("left out 6 clips of labels not among the classes (boredom 4, surprise 2)"),
            listed.err());
        assertTrue(!Files.exists(dir.resolve("split.json")), "a dry run writes nothing");

        assertUsage(ser("train", "--dataset", "tess,emodb", "--data", "data/multi/tess", "--arch", "cnn3gru",
            "--out", "m0"), "auralis: ser train: --dataset names 2 corpora (tess, emodb) but --data gives 1 path; "
                + "give one path per corpus, in the same order, separated by commas");
        assertUsage(ser(trainBoth("--out", "m0", "--test-speakers", "OAF").toArray(String[]::new)), null);
    }

    @Test
    void aModelTrainedOnTwoCorporaIsEvaluatedOnTheirJointTestPart() throws Exception {
        twoCorpora();

        Run trained = ser(trainBoth("--out", "both", "--epochs", "1").toArray(String[]::new));

        assertEquals(Command.OK, trained.code(), trained.err());
        assertTrue(trained.err().contains("tess,emodb: 14 training, 4 validation, 10 test clips"), trained.err());
        assertTrue(trained.err().contains("left out 6 clips of labels not among the classes"), trained.err());
        String card = Files.readString(dir.resolve("both/README.md"));
        assertTrue(card.contains("- Trained on tess and emodb only, from 3 speakers (emodb-08, emodb-10, tess-YAF)"),
            card);
        Run evaluated = ser("evaluate", "--model", "both", "--dataset", "tess,emodb", "--data",
            "data/multi/tess,data/multi/emodb");
        assertEquals(Command.OK, evaluated.code(), evaluated.err());
        assertTrue(evaluated.out().startsWith("both on tess,emodb (test): 10 clips"), evaluated.out());
        Run resumed = ser("train", "--resume", "--out", "both", "--epochs", "2", "--data",
            "data/multi/tess,data/multi/emodb");
        assertEquals(Command.OK, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("resuming after epoch 1 of 2"), resumed.err());
    }

    @Test
    void aModelTrainedAgainstACorpusClassifierRecordsItResumesAndEvaluatesAndOneCorpusIsRefused() throws Exception {
        twoCorpora();

        Run trained = ser(trainBoth("--out", "adv", "--epochs", "1", "--adversary", "0.5").toArray(String[]::new));

        assertEquals(Command.OK, trained.code(), trained.err());
        String json = Files.readString(dir.resolve("adv/model.json"));
        assertTrue(json.contains("\"adversaryCorpora\" : 2"), json);
        assertTrue(json.contains("gradient reversal of weight 0.5"), json);
        assertTrue(Files.readString(dir.resolve("adv/README.md")).contains("classifier of its 2 training corpora"));
        resumesToTwoEpochsAndEvaluatesOnBoth("adv");

        for (int attempt = 0; attempt < 2; attempt++) {
            // nothing is written, so the same command fails the same way, not with "already holds a model"
            assertUsage(ser(train("--out", "adv1", "--epochs", "1", "--adversary", "0.5").toArray(String[]::new)),
                "auralis: ser train: --adversary needs at least 2 training corpora; the training part holds only "
                    + "csv");
            assertTrue(!Files.exists(dir.resolve("adv1/split.json")), "a run that cannot start leaves no split");
        }
        assertUsage(ser(train("--out", "adv2", "--adversary", "strong").toArray(String[]::new)), null);
    }

    @Test
    void aModelTrainedAgainstASpeakerClassifierHasOneAdversaryOutputPerTrainingSpeakerAndSaysSo() throws Exception {
        twoCorpora();

        Run trained = ser(trainBoth("--out", "spk", "--epochs", "1", "--adversary", "0.5", "--adversary-of",
            "speaker").toArray(String[]::new));

        assertEquals(Command.OK, trained.code(), trained.err());
        String json = Files.readString(dir.resolve("spk/model.json"));
        // tess-YAF, emodb-08 and emodb-10: the test and validation speakers are not the adversary's to learn
        assertTrue(json.contains("\"adversaryCorpora\" : 3"), json);
        assertTrue(json.contains("\"adversaryOf\" : \"speaker\""), json);
        assertTrue(json.contains("classifier of the training speakers behind a gradient reversal of weight 0.5"), json);
        assertTrue(Files.readString(dir.resolve("spk/README.md")).contains("classifier of its 3 training speakers"));
        resumesToTwoEpochsAndEvaluatesOnBoth("spk");

        assertUsage(ser(trainBoth("--out", "spk2", "--adversary", "0.5", "--adversary-of", "microphone")
            .toArray(String[]::new)), "auralis: ser train: --adversary-of must be corpus or speaker, got microphone");
    }

    @Test
    void anArousalHeadTrainsOnBavedBesideTheEmotionCorporaResumesAndEvaluates() throws Exception {
        twoCorpora();
        Random random = new Random(11);
        Path baved = dir.resolve("data/multi/baved");
        for (int speaker = 0; speaker < 3; speaker++) {
            for (int level = 0; level < 3; level++) {
                SyntheticAudio.write(baved.resolve("0/" + speaker + "-m-21-0-" + level + "-" + speaker + level
                    + ".wav"), level == 2 ? SyntheticAudio.noise(random.nextLong(), 0.3, 0.5)
                    : SyntheticAudio.tone(200 + 50 * random.nextDouble(), 0.3, 0.5));
            }
        }
        List<String> args = new ArrayList<>(trainBoth("--out", "aro", "--epochs", "1", "--arousal", "0.5"));
        args.set(args.indexOf("tess,emodb"), "tess,emodb,baved");
        args.set(args.indexOf("data/multi/tess,data/multi/emodb"), "data/multi/tess,data/multi/emodb,"
            + "data/multi/baved");

        Run trained = ser(args.toArray(String[]::new));

        assertEquals(Command.OK, trained.code(), trained.err());
        // 6 TESS (YAF) and 8 EmoDB (08, 10) clips of the two classes, and all 9 of BAVED
        assertTrue(trained.err().contains(": 23 training, 4 validation, 10 test clips"), trained.err());
        String json = Files.readString(dir.resolve("aro/model.json"));
        assertTrue(json.contains("\"arousalHead\" : true"), json);
        assertTrue(json.contains("arousal head (low, neutral, high) of loss weight 0.5"), json);
        resumesToTwoEpochsAndEvaluatesOnBoth("aro");
        assertUsage(ser(train("--out", "aro2", "--arousal", "-1").toArray(String[]::new)),
            "auralis: ser train: --arousal must be a weight of 0 or more, got -1.0");
    }

    @Test
    void searchTrainsEveryTrialContinuesTheBestAndNamesTheWinner() throws Exception {
        Run run = ser("search", "--dataset", "csv", "--data", "data/manifest.csv", "--split", "speaker",
            "--batch-size", "4", "--device", "cpu", "--out", "search1", "--trials", "3", "--rungs", "1,2",
            "--space", "arch=cnn3gru,hidden=4|8,augment=on|off", "--crop", "0.2", "--normalize", "-25");

        assertEquals(Command.OK, run.code(), run.err());
        assertTrue(run.out().startsWith("best: trial "), run.out());
        List<String> table = Files.readAllLines(dir.resolve("search1/trials.csv"));
        assertEquals("trial,arch,hidden,augment,epochs,rung,validationLoss,failure", table.get(0));
        assertEquals(4, table.size());
        assertEquals(1, table.stream().filter(row -> row.contains(",2,2,")).count(), "one trial reached rung 2");
        assertTrue(Files.exists(dir.resolve("search1/trial-01/model.json")));

        Run again = ser("search", "--dataset", "csv", "--data", "data/manifest.csv", "--split", "speaker",
            "--batch-size", "4", "--device", "cpu", "--out", "search1", "--trials", "3", "--rungs", "1,2",
            "--space", "arch=cnn3gru,hidden=4|8,augment=on|off", "--crop", "0.2", "--normalize", "-25");
        assertEquals(Command.OK, again.code(), again.err());
        assertTrue(again.err().contains("continuing the search"), again.err());
        assertTrue(!again.err().contains("epoch 1/"), "nothing is trained twice: " + again.err());
    }

    /** A one-epoch model of {@link #trainBoth} trains on to epoch 2 and evaluates on TESS and EmoDB. */
    private static void resumesToTwoEpochsAndEvaluatesOnBoth(String model) throws Exception {
        Run resumed = ser("train", "--resume", "--out", model, "--epochs", "2");
        assertEquals(Command.OK, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("resuming after epoch 1 of 2"), resumed.err());
        Run evaluated = ser("evaluate", "--model", model, "--dataset", "tess,emodb", "--data",
            "data/multi/tess,data/multi/emodb");
        assertEquals(Command.OK, evaluated.code(), evaluated.err());
    }

    private static void assertUsage(Run run, String line) {
        assertEquals(Command.USAGE, run.code(), run.err() + run.out());
        assertEquals(1, run.errLines().size(), run.err());
        if (line != null) {
            assertEquals(line, run.errLines().get(0));
        }
    }
}
