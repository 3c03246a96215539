package io.auralis.ser.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset.Usage;
import ai.djl.training.dataset.Record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechEmotionDatasetTest {

    @TempDir
    Path dir;

    private SpeechEmotionDataset.ReaderBuilder<EmoDbDataset> emodb() {
        return EmoDbDataset.builder().setRoot(dir).setDecoder(SyntheticAudio.decoder());
    }

    @Test
    void recordsAreTheWaveformAndTheClassIndex() throws IOException {
        float[] tone = SyntheticAudio.tone(300, 0.1, 0.5);
        SyntheticAudio.write(dir.resolve("03a01Wa.wav"), tone);
        SyntheticAudio.write(dir.resolve("03a01Ta.wav"), SyntheticAudio.tone(500, 0.2, 0.25));
        EmoDbDataset data = emodb().build();

        data.prepare(null);

        assertEquals(List.of("angry", "sad"), data.classes());
        assertEquals(2, data.size());
        int angry = data.clips().get(0).label().equals("angry") ? 0 : 1;
        try (NDManager manager = NDManager.newBaseManager()) {
            Record record = data.get(manager, angry);
            assertEquals(new Shape(1600), record.getData().head().getShape());
            assertEquals(DataType.INT64, record.getLabels().head().getDataType());
            assertEquals(0L, record.getLabels().head().getLong());
            float[] read = record.getData().head().toFloatArray();
            for (int i = 0; i < tone.length; i++) {
                assertEquals(tone[i], read[i], 1.0 / 16384, "sample " + i);
            }
        }
        assertEquals(0.3, data.totalSeconds(), 1e-9);
        assertArrayEquals(new int[] {1, 1}, data.classCounts());
    }

    @Test
    void batchesAreZeroPaddedToTheLongestClip() throws Exception {
        SyntheticAudio.write(dir.resolve("03a01Wa.wav"), SyntheticAudio.tone(300, 0.01, 0.5));
        SyntheticAudio.write(dir.resolve("03a02Wa.wav"), SyntheticAudio.tone(300, 0.02, 0.5));
        EmoDbDataset data = emodb().setSampling(2, false).build();

        try (NDManager manager = NDManager.newBaseManager()) {
            int batches = 0;
            // DJL closes the iteration's arrays once it is exhausted, so look at each batch inside the loop.
            for (Batch batch : data.getData(manager)) {
                batches++;
                NDList x = batch.getData();
                assertEquals(new Shape(2, 320), x.head().getShape());
                float[] first = x.head().get(0).toFloatArray();
                for (int i = 160; i < 320; i++) {
                    assertEquals(0f, first[i], "padding at " + i);
                }
                assertTrue(Math.abs(first[10]) > 0.01f);
                assertEquals(new Shape(2), batch.getLabels().head().getShape());
                batch.close();
            }
            assertEquals(1, batches);
        }
    }

    @Test
    void unreadableAndTooShortFilesAreSkippedNamedAndCounted() throws IOException {
        SyntheticAudio.write(dir.resolve("03a01Wa.wav"), SyntheticAudio.tone(300, 0.1, 0.5));
        Files.writeString(dir.resolve("03a02Wa.wav"), "this is text, not audio");
        Files.write(dir.resolve("03a03Wa.wav"), new byte[0]);
        SyntheticAudio.write(dir.resolve("03a04Wa.wav"), SyntheticAudio.tone(300, 0.005, 0.5));
        List<SkippedFile> heard = new ArrayList<>();
        EmoDbDataset data = emodb().optMinimumSamples(220).optSkippedFileListener(heard::add).build();

        data.prepare(null);

        assertEquals(1, data.size());
        List<SkippedFile> skipped = data.skipped();
        assertEquals(skipped, heard);
        assertEquals(3, skipped.size(), skipped.toString());
        assertTrue(skipped.get(0).file().endsWith("03a02Wa.wav"), skipped.toString());
        assertTrue(skipped.get(1).file().endsWith("03a03Wa.wav") && skipped.get(1).problem().contains("empty"),
            skipped.toString());
        assertTrue(skipped.get(2).file().endsWith("03a04Wa.wav") && skipped.get(2).problem().startsWith("too short"),
            skipped.toString());
    }

    @Test
    void whenNoFileCanBeDecodedPreparingFailsWithTheFirstProblem() throws IOException {
        Files.writeString(dir.resolve("03a02Wa.wav"), "text");
        EmoDbDataset data = emodb().build();

        IOException e = assertThrows(IOException.class, () -> data.prepare(null));
        assertTrue(e.getMessage().contains("none of the 1 selected emodb recordings could be decoded"), e.getMessage());
        assertTrue(e.getMessage().contains("03a02Wa.wav"), e.getMessage());
    }

    @Test
    void restrictingClassesKeepsTheirOrderAndCountsWhatWasLeftOut() throws IOException {
        for (String name : List.of("03a01Wa", "03a01La", "03a02La", "03a01Ta")) {
            SyntheticAudio.writeTone(dir.resolve(name + ".wav"));
        }
        EmoDbDataset data = emodb().optClasses(List.of("sad", "anger")).build();

        data.prepare(null);

        assertEquals(List.of("sad", "angry"), data.classes());
        assertEquals(2, data.size());
        assertEquals(Map.of("boredom", 2), data.leftOutByLabel());
        for (int i = 0; i < data.size(); i++) {
            assertEquals(data.classes().get(data.label(i)), data.clips().get(i).label());
        }
    }

    @Test
    void aSplitPartKeepsOnlyItsClipsAndReportsSavedClipsThatAreGone() throws IOException {
        for (String name : List.of("03a01Wa", "03a02Wa", "03a03Wa", "03a04Wa", "03a05Wa")) {
            SyntheticAudio.writeTone(dir.resolve(name + ".wav"));
        }
        DatasetSplit split = DatasetSplit.stratified(emodb().build().catalog(), 0.2, 0.2, 7);
        String testId = split.ids(Usage.TEST).iterator().next();
        Files.delete(dir.resolve(testId));

        EmoDbDataset train = emodb().optSplit(split, Usage.TRAIN).build();
        EmoDbDataset test = emodb().optSplit(split, Usage.TEST).build();
        train.prepare(null);
        test.prepare(null);

        assertEquals(3, train.size());
        assertEquals(split.ids(Usage.TRAIN), Set.copyOf(train.clips().stream().map(Clip::id).toList()));
        assertEquals(0, test.size());
        assertEquals(1, test.skipped().size());
        assertTrue(test.skipped().get(0).problem().contains("in the saved split but not in the corpus"));
    }

    @Test
    void aMissingFolderIsAnErrorNamingIt() {
        EmoDbDataset data = EmoDbDataset.builder().setRoot(dir.resolve("nowhere")).setDecoder(SyntheticAudio.decoder())
            .build();
        IOException e = assertThrows(IOException.class, data::catalog);
        assertTrue(e.getMessage().endsWith("nowhere: no such folder"), e.getMessage());
    }
}
