package io.auralis.ser.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset.Usage;
import ai.djl.training.dataset.Record;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.audio.AudioInfo;
import io.auralis.api.audio.AudioStream;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
    void clipsAreDecodedConcurrentlyAndKeptAndReportedInCatalogOrder() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one core decodes one clip at a time");
        for (int i = 1; i <= 9; i++) {
            SyntheticAudio.write(dir.resolve("03a0" + i + "Wa.wav"), SyntheticAudio.tone(100 * i, 0.05, 0.5));
        }
        Files.writeString(dir.resolve("03a04Wa.wav"), "not audio");
        Files.writeString(dir.resolve("03a07Wa.wav"), "not audio either");
        // the first file's decoding waits until another file has been opened: only concurrent decoding gets past it
        CountDownLatch another = new CountDownLatch(1);
        AudioDecoder real = SyntheticAudio.decoder();
        AudioDecoder gated = new AudioDecoder() {
            @Override
            public AudioInfo probe(Path file) throws IOException {
                return real.probe(file);
            }

            @Override
            public AudioStream open(Path file, int sampleRate) throws IOException {
                if (file.getFileName().toString().equals("03a01Wa.wav")) {
                    try {
                        if (!another.await(60, TimeUnit.SECONDS)) {
                            throw new IOException("no other clip was decoded beside the first in 60 s");
                        }
                    } catch (InterruptedException e) {
                        throw new InterruptedIOException();
                    }
                } else {
                    another.countDown();
                }
                return real.open(file, sampleRate);
            }
        };
        List<SkippedFile> heard = new ArrayList<>();
        EmoDbDataset data = EmoDbDataset.builder().setRoot(dir).setDecoder(gated).optSkippedFileListener(heard::add)
            .build();

        data.prepare(null);

        assertEquals(7, data.size(), data.skipped().toString());
        List<String> names = new ArrayList<>();
        data.clips().forEach(c -> names.add(c.file().getFileName().toString()));
        assertEquals(List.of("03a01Wa.wav", "03a02Wa.wav", "03a03Wa.wav", "03a05Wa.wav", "03a06Wa.wav",
            "03a08Wa.wav", "03a09Wa.wav"), names);
        assertEquals(2, heard.size(), heard.toString());
        assertTrue(heard.get(0).file().endsWith("03a04Wa.wav") && heard.get(1).file().endsWith("03a07Wa.wav"),
            heard.toString());
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] first = data.get(manager, 0).getData().head().toFloatArray();
            float[] tone = SyntheticAudio.tone(100, 0.05, 0.5);
            assertEquals(tone.length, first.length);
            assertEquals(tone[5], first[5], 1.0 / 16384, "the first clip holds the first file's samples");
        }
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
