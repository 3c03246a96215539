package io.auralis.ser.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.dataset.Dataset.Usage;

import io.auralis.ser.data.Corpus;
import io.auralis.ser.data.DatasetSplit;
import io.auralis.ser.data.SyntheticAudio;
import io.auralis.testkit.Corpora;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One epoch on real EmoDB recordings, end to end; skipped where the corpus is absent. */
class RealCorporaTrainingTest {

    @Test
    void oneEpochOnEmoDbWithHeldOutSpeakersWritesAModelTestedOnThoseSpeakersOnly(@TempDir Path dir)
        throws Exception {
        Path emodb = Corpora.require("emodb");
        TrainingOptions options = new TrainingOptions();
        options.architecture = "cnn3gru";
        options.epochs = 1;
        options.device = "cpu";
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        TrainingOutcome outcome = TrainingJob.builder().setCorpus(Corpus.EMODB).setData(emodb)
            .setDecoder(SyntheticAudio.decoder()).setOutput(dir.resolve("emodb-2")).setOptions(options)
            .optClasses(List.of("angry", "sad"))
            .optSplit(DatasetSplit.Method.SPEAKER, List.of("03", "16"), List.of("10"))
            .optLog(new PrintStream(log, true, StandardCharsets.UTF_8)).build().run();

        DatasetSplit split = DatasetSplit.read(dir.resolve("emodb-2/split.json"));
        assertEquals(Set.of("03", "16"), split.speakers(Usage.TEST));
        assertEquals(Set.of("10"), split.speakers(Usage.VALIDATION));
        assertEquals(0, outcome.skippedFiles(), log.toString(StandardCharsets.UTF_8));
        // The split holds every emotion of the test speakers; only anger (W) and sadness (T) are evaluated.
        assertEquals(split.ids(Usage.TEST).stream().filter(id -> id.matches(".*/(03|16)[ab]\\d\\d[WT].*")).count(),
            outcome.test().clips);
        assertTrue(outcome.test().clips > 0);
        assertTrue(outcome.test().toTable().contains("angry"), outcome.test().toTable());
    }
}
