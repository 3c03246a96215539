package io.auralis.ser.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.dataset.Dataset.Usage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusSplitTest {

    @TempDir
    Path dir;

    /** Clips as CombinedDataset names them: corpus a with 20 speakers, b with 6, c (TESS-like) with 2. */
    private static List<Clip> clips() {
        List<Clip> clips = new ArrayList<>();
        String[][] corpora = {{"a", "20"}, {"b", "6"}, {"c", "2"}};
        for (String[] c : corpora) {
            for (int s = 0; s < Integer.parseInt(c[1]); s++) {
                for (int k = 0; k < 4; k++) {
                    String id = c[0] + "/s" + s + "_" + k + ".wav";
                    clips.add(new Clip(id, Path.of(id), k % 2 == 0 ? "angry" : "sad", c[0] + "-s" + s));
                }
            }
        }
        return clips;
    }

    private static Set<String> corporaOf(Set<String> speakers) {
        Set<String> corpora = new TreeSet<>();
        speakers.forEach(s -> corpora.add(s.substring(0, s.indexOf('-'))));
        return corpora;
    }

    @Test
    void corpusSpeakerSplitHoldsSpeakersOutOfEveryCorpusAndNeverSharesOne() {
        DatasetSplit split = DatasetSplit.byCorpusSpeaker(clips(), 3);

        assertEquals(Set.of("a", "b", "c"), corporaOf(split.speakers(Usage.TEST)));
        assertEquals(Set.of("a", "b"), corporaOf(split.speakers(Usage.VALIDATION)), "c has too few speakers");
        assertEquals(3, split.speakers(Usage.TEST).stream().filter(s -> s.startsWith("a-")).count());
        assertEquals(1, split.speakers(Usage.TEST).stream().filter(s -> s.startsWith("c-")).count());
        Set<String> all = new HashSet<>();
        for (Usage u : Usage.values()) {
            for (String s : split.speakers(u)) {
                assertTrue(all.add(s), s + " is in two parts");
            }
        }
        assertEquals(clips().size(), split.ids(Usage.TRAIN).size() + split.ids(Usage.VALIDATION).size()
            + split.ids(Usage.TEST).size());
        assertEquals(DatasetSplit.Method.CORPUS_SPEAKER, split.method());
        assertEquals(split.ids(Usage.TEST), DatasetSplit.byCorpusSpeaker(clips(), 3).ids(Usage.TEST));
    }

    @Test
    void leaveOneCorpusOutTestsOnAllOfItAndValidatesOnTheOthersSpeakers() throws IOException {
        DatasetSplit split = DatasetSplit.leaveCorpusOut(clips(), "b", 3);

        assertEquals(Set.of("b"), corporaOf(split.speakers(Usage.TEST)));
        assertEquals(24, split.ids(Usage.TEST).size());
        assertEquals(Set.of("a", "c"), corporaOf(split.speakers(Usage.VALIDATION)));
        assertTrue(split.ids(Usage.TRAIN).stream().noneMatch(id -> id.startsWith("b/")));
        assertTrue(split.description().startsWith("leave-one-corpus-out: test corpus b"), split.description());

        Path file = dir.resolve("split.json");
        split.write(file);
        DatasetSplit read = DatasetSplit.read(file);
        assertEquals(DatasetSplit.Method.CORPUS, read.method());
        assertEquals(split.ids(Usage.TEST), read.ids(Usage.TEST));
    }

    @Test
    void aCorpusLabelledWithArousalAloneTrainsWholeAndLeavesTheOtherCorporasSplitAsItWas() {
        List<Clip> withBaved = new ArrayList<>(clips());
        for (int s = 0; s < 10; s++) {
            String id = "baved/" + s + ".wav";
            withBaved.add(new Clip(id, Path.of(id), EmotionLabels.AROUSAL_LEVELS.get(s % 3), "baved-" + s));
        }
        for (String test : new String[] {null, "b"}) {
            DatasetSplit before = test == null ? DatasetSplit.byCorpusSpeaker(clips(), 3)
                : DatasetSplit.leaveCorpusOut(clips(), test, 3);
            DatasetSplit after = test == null ? DatasetSplit.byCorpusSpeaker(withBaved, 3)
                : DatasetSplit.leaveCorpusOut(withBaved, test, 3);
            for (Usage u : Usage.values()) {
                Set<String> others = new TreeSet<>(after.ids(u));
                others.removeIf(id -> id.startsWith("baved/"));
                assertEquals(before.ids(u), others, u + " with test corpus " + test);
            }
            assertEquals(10, after.ids(Usage.TRAIN).stream().filter(id -> id.startsWith("baved/")).count());
        }
    }

    @Test
    void anUnknownHeldOutCorpusNamesTheCorpora() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> DatasetSplit.leaveCorpusOut(clips(), "z", 1));
        assertEquals("--test-corpus z is not among the corpora (a, b, c)", e.getMessage());
        assertEquals(DatasetSplit.Method.CORPUS, DatasetSplit.Method.fromId("corpus"));
        assertEquals("corpus-speaker", DatasetSplit.Method.fromId("corpus-speaker").id());
    }
}
