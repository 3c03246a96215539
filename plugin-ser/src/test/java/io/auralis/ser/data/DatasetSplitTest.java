package io.auralis.ser.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.dataset.Dataset.Usage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSplitTest {

    @TempDir
    Path dir;

    /** A TESS-shaped catalog: 2 speakers x 7 labels x 200 words, listed in a shuffled order. */
    private static List<Clip> tessLike() {
        List<Clip> clips = new ArrayList<>();
        for (String speaker : List.of("OAF", "YAF")) {
            for (String label : List.of("angry", "disgust", "fear", "happy", "neutral", "sad", "surprise")) {
                for (int w = 0; w < 200; w++) {
                    String id = speaker + "_" + label + "/" + speaker + "_w" + w + "_" + label + ".wav";
                    clips.add(new Clip(id, Path.of(id), label, speaker));
                }
            }
        }
        Collections.shuffle(clips, new Random(1));
        return clips;
    }

    /** An EmoDB-shaped catalog: 10 speakers with uneven labels. */
    private static List<Clip> manySpeakers() {
        List<Clip> clips = new ArrayList<>();
        String[] labels = {"angry", "sad", "neutral"};
        for (int s = 0; s < 10; s++) {
            for (int i = 0; i < 12 + s; i++) {
                String id = String.format("%02d_%02d.wav", s, i);
                clips.add(new Clip(id, Path.of(id), labels[i % 3], String.format("%02d", s)));
            }
        }
        return clips;
    }

    @Test
    void stratifiedSplitKeepsEachLabelsProportions() {
        List<Clip> clips = tessLike();
        DatasetSplit split = DatasetSplit.stratified(clips, 0.1, 0.1, 42);

        Map<String, String> labelOf = clips.stream().collect(Collectors.toMap(Clip::id, Clip::label));
        for (Usage usage : Usage.values()) {
            Map<String, Integer> counts = new TreeMap<>();
            split.ids(usage).forEach(id -> counts.merge(labelOf.get(id), 1, Integer::sum));
            int expected = usage == Usage.TRAIN ? 320 : 40;
            assertEquals(7, counts.size(), usage + " " + counts);
            counts.forEach((label, n) -> assertEquals(expected, n, usage + " " + label));
        }
        assertPartition(clips, split);
    }

    @Test
    void stratifiedSplitRoundsPerLabel() {
        List<Clip> clips = new ArrayList<>();
        for (int i = 0; i < 46; i++) {
            clips.add(new Clip("d" + i, Path.of("d" + i), "disgust", "s"));
        }
        DatasetSplit split = DatasetSplit.stratified(clips, 0.1, 0.1, 3);
        assertEquals(5, split.ids(Usage.TEST).size());
        assertEquals(5, split.ids(Usage.VALIDATION).size());
        assertEquals(36, split.ids(Usage.TRAIN).size());
    }

    @Test
    void theSameSeedGivesTheSameSplitWhateverTheListingOrder() {
        List<Clip> clips = tessLike();
        List<Clip> reordered = new ArrayList<>(clips);
        Collections.reverse(reordered);

        DatasetSplit a = DatasetSplit.stratified(clips, 0.1, 0.1, 42);
        DatasetSplit b = DatasetSplit.stratified(reordered, 0.1, 0.1, 42);
        DatasetSplit c = DatasetSplit.stratified(clips, 0.1, 0.1, 43);

        for (Usage usage : Usage.values()) {
            assertEquals(a.ids(usage), b.ids(usage), usage.name());
        }
        assertNotEquals(a.ids(Usage.TEST), c.ids(Usage.TEST));
    }

    @Test
    void speakerSplitHoldsOutWholeSpeakers() {
        List<Clip> clips = manySpeakers();
        DatasetSplit split = DatasetSplit.bySpeaker(clips, List.of(), List.of(), 42);

        Map<String, String> speakerOf = clips.stream().collect(Collectors.toMap(Clip::id, Clip::speaker));
        Map<Usage, Set<String>> speakers = new TreeMap<>();
        for (Usage usage : Usage.values()) {
            speakers.put(usage, split.ids(usage).stream().map(speakerOf::get).collect(Collectors.toSet()));
            assertEquals(split.speakers(usage), speakers.get(usage));
        }
        assertEquals(1, speakers.get(Usage.TEST).size());
        assertEquals(1, speakers.get(Usage.VALIDATION).size());
        assertEquals(8, speakers.get(Usage.TRAIN).size());
        assertDisjoint(speakers.get(Usage.TRAIN), speakers.get(Usage.TEST));
        assertDisjoint(speakers.get(Usage.TRAIN), speakers.get(Usage.VALIDATION));
        assertDisjoint(speakers.get(Usage.VALIDATION), speakers.get(Usage.TEST));
        assertPartition(clips, split);
        assertEquals(split.ids(Usage.TEST), DatasetSplit.bySpeaker(clips, List.of(), List.of(), 42).ids(Usage.TEST));
    }

    @Test
    void namedSpeakersGoWhereTheyAreTold() {
        DatasetSplit split = DatasetSplit.bySpeaker(manySpeakers(), List.of("03", "04"), List.of("09"), 1);

        assertEquals(Set.of("03", "04"), split.speakers(Usage.TEST));
        assertEquals(Set.of("09"), split.speakers(Usage.VALIDATION));
        assertEquals(7, split.speakers(Usage.TRAIN).size());
    }

    @Test
    void withTwoSpeakersOneIsTestAndValidationComesFromTheOther() {
        List<Clip> clips = tessLike();
        DatasetSplit split = DatasetSplit.bySpeaker(clips, List.of("YAF"), List.of(), 42);

        Map<String, String> speakerOf = clips.stream().collect(Collectors.toMap(Clip::id, Clip::speaker));
        assertEquals(Set.of("YAF"), split.ids(Usage.TEST).stream().map(speakerOf::get).collect(Collectors.toSet()));
        assertEquals(Set.of("OAF"), split.ids(Usage.TRAIN).stream().map(speakerOf::get).collect(Collectors.toSet()));
        assertEquals(Set.of("OAF"),
            split.ids(Usage.VALIDATION).stream().map(speakerOf::get).collect(Collectors.toSet()));
        assertEquals(1400, split.ids(Usage.TEST).size());
        assertEquals(140, split.ids(Usage.VALIDATION).size());
        assertEquals(1260, split.ids(Usage.TRAIN).size());
        assertTrue(split.description().contains("not speaker-independent"), split.description());
        assertPartition(clips, split);
    }

    @Test
    void badSpeakerChoicesAreErrorsThatSayWhy() {
        List<Clip> clips = manySpeakers();
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
            () -> DatasetSplit.bySpeaker(clips, List.of("99"), List.of(), 1));
        assertTrue(unknown.getMessage().startsWith("unknown speaker '99' (speakers: 00, 01,"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DatasetSplit.bySpeaker(clips, List.of("01"), List.of("01"), 1));
        List<String> everyone = clips.stream().map(Clip::speaker).distinct().toList();
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
            () -> DatasetSplit.bySpeaker(clips, everyone, List.of(), 1));
        assertTrue(none.getMessage().startsWith("no speaker left for training"), none.getMessage());
        List<Clip> one = clips.stream().filter(c -> c.speaker().equals("01")).toList();
        assertThrows(IllegalArgumentException.class, () -> DatasetSplit.bySpeaker(one, List.of(), List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> DatasetSplit.stratified(clips, 0.5, 0.5, 1));
    }

    @Test
    void allPutsEveryClipInTraining() {
        List<Clip> clips = manySpeakers();
        DatasetSplit split = DatasetSplit.all(clips);
        assertEquals(clips.size(), split.ids(Usage.TRAIN).size());
        assertTrue(split.ids(Usage.TEST).isEmpty());
        assertTrue(split.ids(Usage.VALIDATION).isEmpty());
    }

    @Test
    void aWrittenSplitReadsBackTheSame() throws IOException {
        DatasetSplit split = DatasetSplit.bySpeaker(manySpeakers(), List.of(), List.of(), 5);
        Path file = dir.resolve("model/split.json");
        split.write(file);

        DatasetSplit read = DatasetSplit.read(file);

        assertEquals(split.method(), read.method());
        assertEquals(split.seed(), read.seed());
        assertEquals(split.description(), read.description());
        for (Usage usage : Usage.values()) {
            assertEquals(split.ids(usage), read.ids(usage));
            assertEquals(split.speakers(usage), read.speakers(usage));
        }
    }

    @Test
    void aBrokenSplitFileIsAnErrorNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("split.json"), "{\"method\": \"zigzag\", \"train\": []}");
        IOException e = assertThrows(IOException.class, () -> DatasetSplit.read(file));
        assertTrue(e.getMessage().startsWith(file + ": unknown split 'zigzag'"), e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> DatasetSplit.read(dir.resolve("none.json")));
        assertTrue(missing.getMessage().endsWith("none.json: no such file"), missing.getMessage());
        Path text = Files.writeString(dir.resolve("text.json"), "not json");
        IOException notJson = assertThrows(IOException.class, () -> DatasetSplit.read(text));
        assertTrue(notJson.getMessage().startsWith(text + ": not a split file"), notJson.getMessage());
    }

    private static void assertPartition(List<Clip> clips, DatasetSplit split) {
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (Usage usage : Usage.values()) {
            seen.addAll(split.ids(usage));
            total += split.ids(usage).size();
        }
        assertEquals(clips.size(), total, "every clip in exactly one part");
        assertEquals(clips.size(), seen.size(), "no clip in two parts");
    }

    private static void assertDisjoint(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        assertTrue(both.isEmpty(), "shared speakers " + both);
    }
}
