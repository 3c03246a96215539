package io.auralis.ser.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Dataset.Usage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TESS and EmoDB (and a manifest) in their own layouts, read as one corpus. */
class CombinedDatasetTest {

    @TempDir
    Path dir;

    Path tess;
    Path emodb;

    @BeforeEach
    void corpora() throws IOException {
        tess = dir.resolve("tess");
        Path tessData = tess.resolve("TESS Toronto emotional speech set data");
        for (String speaker : List.of("OAF", "YAF")) {
            SyntheticAudio.writeTone(tessData.resolve(speaker + "_angry/" + speaker + "_back_angry.wav"));
            SyntheticAudio.writeTone(tessData.resolve(speaker + "_sad/" + speaker + "_back_sad.wav"));
            SyntheticAudio.writeTone(tessData.resolve(speaker + "_Pleasant_surprise/" + speaker + "_back_ps.wav"));
        }
        emodb = dir.resolve("emodb");
        for (String name : List.of("03a01Wa", "03a02Ta", "03a04Lc", "08a01Wa", "08a02Ta", "09a01Wb", "09b01Tc")) {
            SyntheticAudio.writeTone(emodb.resolve("wav/" + name + ".wav"));
        }
    }

    private CombinedDataset.Builder combined() {
        return CombinedDataset.builder().setSources(List.of(new CorpusSource(Corpus.TESS, tess),
            new CorpusSource(Corpus.EMODB, emodb))).setDecoder(SyntheticAudio.decoder());
    }

    @Test
    void speakersAndIdsAreNamespacedByCorpusAndLabelsKeepTheSharedVocabulary() throws IOException {
        CombinedDataset both = combined().build();
        Map<String, Clip> byId = both.catalog().stream().collect(Collectors.toMap(Clip::id, c -> c));

        assertEquals(13, byId.size());
        Clip oaf = byId.get("tess/TESS Toronto emotional speech set data/OAF_angry/OAF_back_angry.wav");
        assertEquals("tess-OAF", oaf.speaker());
        assertEquals("angry", oaf.label());
        assertEquals(tess.resolve("TESS Toronto emotional speech set data/OAF_angry/OAF_back_angry.wav"), oaf.file());
        Clip actor = byId.get("emodb/wav/03a02Ta.wav");
        assertEquals("emodb-03", actor.speaker());
        assertEquals("sad", actor.label());
        assertEquals(Set.of("tess-OAF", "tess-YAF", "emodb-03", "emodb-08", "emodb-09"),
            both.catalog().stream().map(Clip::speaker).collect(Collectors.toSet()));
        assertEquals("tess,emodb", both.corpus());
        assertTrue(both.license().contains("CC BY-NC-ND") && both.license().contains("EmoDB"), both.license());
    }

    @Test
    void aSpeakerSplitNamesSpeakersOfEitherCorpusAndClassesDropTheOtherLabelsWithACount() throws IOException {
        List<Clip> catalog = combined().build().catalog();
        DatasetSplit split = DatasetSplit.bySpeaker(catalog, List.of("emodb-03", "tess-OAF"), List.of("emodb-09"),
            1);
        List<String> shared = List.of("angry", "sad");

        CombinedDataset test = combined().optClasses(shared).optSplit(split, Usage.TEST).build();
        test.prepare(null);
        CombinedDataset train = combined().optClasses(shared).optSplit(split, Usage.TRAIN).build();
        train.prepare(null);

        assertEquals(Set.of("tess-OAF", "emodb-03"),
            test.clips().stream().map(Clip::speaker).collect(Collectors.toSet()));
        assertEquals(4, test.size(), "OAF angry and sad, 03 angry and sad");
        assertEquals(Map.of("surprise", 1, "boredom", 1), test.leftOutByLabel());
        assertEquals(Set.of("tess-YAF", "emodb-08"),
            train.clips().stream().map(Clip::speaker).collect(Collectors.toSet()));
        assertArrayEquals(new int[] {2, 2}, train.classCounts());
        assertEquals(Map.of("surprise", 1), train.leftOutByLabel());
    }

    @Test
    void withCorpusLabelsEachRecordAlsoCarriesItsCorpusIndexAndWithoutThemOnlyItsClass() throws IOException {
        CombinedDataset labelled = combined().optCorpusLabels(true).build();
        labelled.prepare(null);
        CombinedDataset plain = combined().build();
        plain.prepare(null);

        assertEquals(List.of("emodb", "tess"), labelled.corpora(), "sorted by name");
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int i = 0; i < labelled.size(); i++) {
                NDList labels = labelled.get(manager, i).getLabels();
                assertEquals(2, labels.size());
                assertEquals(labelled.label(i), labels.get(0).getLong());
                String corpus = labelled.corpusOf(labelled.clips().get(i));
                assertEquals(labelled.corpora().indexOf(corpus), labels.get(1).getLong(), corpus);
                assertEquals(1, plain.get(manager, i).getLabels().size());
            }
        }
    }

    @Test
    void withSpeakerLabelsEachRecordCarriesItsNamespacedSpeakersIndexAndCorpusLabelsCannotJoinThem()
            throws IOException {
        CombinedDataset labelled = combined().optSpeakerLabels(true).build();
        labelled.prepare(null);

        assertEquals(labelled.clips().stream().map(Clip::speaker).distinct().sorted().toList(), labelled.speakers());
        assertTrue(labelled.speakers().size() > labelled.corpora().size(), labelled.speakers().toString());
        assertTrue(labelled.speakers().stream().allMatch(s -> s.startsWith("emodb-") || s.startsWith("tess-")),
            labelled.speakers().toString());
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int i = 0; i < labelled.size(); i++) {
                NDList labels = labelled.get(manager, i).getLabels();
                assertEquals(2, labels.size());
                String speaker = labelled.clips().get(i).speaker();
                assertEquals(labelled.speakers().indexOf(speaker), labels.get(1).getLong(), speaker);
            }
        }
        assertThrows(IllegalStateException.class, () -> combined().optCorpusLabels(true).optSpeakerLabels(true)
            .build());
    }

    @Test
    void withArousalLabelsBavedsClipsTrainWithoutAClassAndEveryRecordEndsWithItsArousal() throws IOException {
        Path baved = dir.resolve("baved");
        SyntheticAudio.writeTone(baved.resolve("0/0-m-21-0-0-105.wav"));
        SyntheticAudio.writeTone(baved.resolve("0/0-m-21-0-2-106.wav"));
        SyntheticAudio.writeTone(baved.resolve("1/7-f-30-1-1-201.wav"));
        List<CorpusSource> sources = List.of(new CorpusSource(Corpus.TESS, tess), new CorpusSource(Corpus.BAVED,
            baved));
        List<String> classes = List.of("angry", "sad");
        CombinedDataset aroused = CombinedDataset.builder().setSources(sources).setDecoder(SyntheticAudio.decoder())
            .optClasses(classes).optCorpusLabels(true).optArousalLabels(true).build();
        aroused.prepare(null);
        CombinedDataset plain = CombinedDataset.builder().setSources(sources).setDecoder(SyntheticAudio.decoder())
            .optClasses(classes).build();
        plain.prepare(null);

        assertEquals(4, plain.size(), "TESS's angry and sad clips only");
        assertEquals(Map.of("arousal_high", 1, "arousal_low", 1, "arousal_neutral", 1, "surprise", 2),
            plain.leftOutByLabel());
        assertEquals(7, aroused.size(), "BAVED's three clips join");
        assertArrayEquals(new int[] {2, 2}, aroused.classCounts(), "arousal-only clips are of no class");
        Map<String, Long> arousal = Map.of("angry", 2L, "sad", 0L, "arousal_low", 0L, "arousal_neutral", 1L,
            "arousal_high", 2L);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int i = 0; i < aroused.size(); i++) {
                Clip clip = aroused.clips().get(i);
                NDList labels = aroused.get(manager, i).getLabels();
                assertEquals(3, labels.size(), "class, corpus, arousal");
                boolean bavedClip = clip.id().startsWith("baved/");
                assertEquals(bavedClip ? SpeechEmotionDataset.NO_CLASS : classes.indexOf(clip.label()),
                    labels.get(0).getLong(), clip.id());
                assertEquals(arousal.get(clip.label()), labels.get(2).getLong(), clip.id());
            }
        }
    }

    @Test
    void aManifestCanBeCombinedWithACorpusFolder() throws IOException {
        SyntheticAudio.writeTone(dir.resolve("mine/a.wav"));
        Path manifest = Files.writeString(dir.resolve("mine/list.csv"), "path,label,speaker\na.wav,anger,me\n");
        CombinedDataset both = CombinedDataset.builder().setSources(List.of(new CorpusSource(Corpus.CSV, manifest),
            new CorpusSource(Corpus.EMODB, emodb))).setDecoder(SyntheticAudio.decoder()).build();

        Clip mine = both.catalog().stream().filter(c -> c.id().equals("csv/a.wav")).findFirst().orElseThrow();

        assertEquals("csv-me", mine.speaker());
        assertEquals("angry", mine.label());
        assertEquals(manifest.getParent().resolve("a.wav"), mine.file());
    }

    @Test
    void aFileInTheSavedSplitThatIsGoneIsNamedByItsRealPath() throws IOException {
        List<Clip> catalog = combined().build().catalog();
        DatasetSplit split = DatasetSplit.bySpeaker(catalog, List.of("emodb-03"), List.of("emodb-09"), 1);
        Files.delete(emodb.resolve("wav/03a01Wa.wav"));

        CombinedDataset test = combined().optSplit(split, Usage.TEST).build();
        test.prepare(null);

        assertEquals(1, test.skipped().size());
        assertEquals(emodb.resolve("wav/03a01Wa.wav").toString(), test.skipped().get(0).file());
    }

    @Test
    void aMissingCorpusFolderIsNamed() {
        CombinedDataset both = CombinedDataset.builder().setSources(List.of(new CorpusSource(Corpus.TESS, tess),
            new CorpusSource(Corpus.EMODB, dir.resolve("nowhere")))).setDecoder(SyntheticAudio.decoder()).build();

        IOException e = assertThrows(IOException.class, both::catalog);

        assertEquals(dir.resolve("nowhere") + ": no such folder", e.getMessage());
    }

    @Test
    void oneCorpusOrTheSameCorpusTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class,
            () -> CombinedDataset.builder().setSources(List.of(new CorpusSource(Corpus.TESS, tess))));
        assertThrows(IllegalArgumentException.class, () -> CombinedDataset.builder().setSources(
            List.of(new CorpusSource(Corpus.TESS, tess), new CorpusSource(Corpus.TESS, emodb))));
    }
}
