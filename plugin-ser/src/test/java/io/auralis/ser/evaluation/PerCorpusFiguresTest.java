package io.auralis.ser.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.auralis.ser.data.CombinedDataset;
import io.auralis.ser.data.Corpus;
import io.auralis.ser.data.CorpusSource;
import io.auralis.ser.data.SpeechEmotionDataset;
import io.auralis.ser.data.SyntheticAudio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerCorpusFiguresTest {

    @TempDir
    Path dir;

    /** Every clip predicted as its own label, so each corpus's accuracy is 1. */
    private static Evaluation perfect(SpeechEmotionDataset data) throws IOException {
        ConfusionMatrix m = new ConfusionMatrix(data.classes());
        List<Evaluation.ClipResult> results = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            String label = data.classes().get(data.label(i));
            m.add(data.label(i), data.label(i));
            results.add(new Evaluation.ClipResult(data.clips().get(i).id(), label, label, 1, data.label(i),
                new float[data.classes().size()]));
        }
        return new Evaluation(m, results);
    }

    @Test
    void aCombinedDatasetGetsOneRowPerCorpus() throws IOException {
        Path turev = dir.resolve("turev");
        SyntheticAudio.writeTone(turev.resolve("Sound Source/Angry/1157_kz_a.wav"));
        SyntheticAudio.writeTone(turev.resolve("Sound Source/Sad/1157_kz_b.wav"));
        Path ased = dir.resolve("ased");
        SyntheticAudio.writeTone(ased.resolve("05Angry/a5-01-01-01-01.wav"));
        SpeechEmotionDataset data = CombinedDataset.builder()
            .setSources(List.of(new CorpusSource(Corpus.TUREV, turev), new CorpusSource(Corpus.ASED, ased)))
            .setDecoder(SyntheticAudio.decoder()).build();
        data.prepare(null);

        Map<String, Map<String, Object>> rows = perfect(data).summaryByCorpus(data);

        assertEquals(List.of("ased", "turev"), new ArrayList<>(rows.keySet()));
        assertEquals(2L, ((Number) rows.get("turev").get("clips")).longValue());
        assertEquals(1.0, ((Number) rows.get("ased").get("accuracy")).doubleValue());
    }

    @Test
    void oneCorpusInSubfoldersIsNotSplitIntoCorpora() throws IOException {
        SyntheticAudio.writeTone(dir.resolve("Actor_01/03-01-05-01-01-01-01.wav"));
        SyntheticAudio.writeTone(dir.resolve("Actor_02/03-01-04-01-01-01-02.wav"));
        SpeechEmotionDataset data = Corpus.RAVDESS.builder().setRoot(dir).setDecoder(SyntheticAudio.decoder())
            .build();
        data.prepare(null);

        assertNull(perfect(data).summaryByCorpus(data), "the actors' folders are not corpora");
    }
}
