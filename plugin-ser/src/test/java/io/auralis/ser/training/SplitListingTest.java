package io.auralis.ser.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.training.dataset.Dataset.Usage;

import io.auralis.ser.data.Clip;
import io.auralis.ser.data.DatasetSplit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SplitListingTest {

    @Test
    void listsEveryClipOfTheClassesWithItsPartQuotingFieldsThatNeedItAndCountsTheRest() {
        List<Clip> clips = List.of(
            new Clip("a", Path.of("/data/a.wav"), "angry", "s1"),
            new Clip("b", Path.of("/data/b, take \"2\".wav"), "sad", "s2"),
            new Clip("c", Path.of("/data/c.wav"), "calm", "s1"),
            new Clip("d", Path.of("/data/d.wav"), "calm", "s2"));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();

        SplitListing listing = SplitListing.write(new PrintStream(csv, true, StandardCharsets.UTF_8), clips,
            Set.of("angry", "sad"), DatasetSplit.all(clips), false);

        assertEquals(List.of("part,speaker,label,file", "train,s1,angry,/data/a.wav",
            "train,s2,sad,\"/data/b, take \"\"2\"\".wav\""), csv.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals(2, listing.listed(Usage.TRAIN));
        assertEquals(0, listing.listed(Usage.TEST));
        assertEquals(2, listing.total());
        assertEquals(Map.of("calm", 2), listing.leftOut());
    }

    @Test
    void aRunWithAnArousalHeadListsTheArousalOnlyClipsItTrainsOn() {
        List<Clip> clips = List.of(
            new Clip("a", Path.of("/data/a.wav"), "angry", "s1"),
            new Clip("b", Path.of("/data/b.wav"), "arousal_low", "s2"));
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ByteArrayOutputStream aroused = new ByteArrayOutputStream();

        SplitListing without = SplitListing.write(new PrintStream(plain, true, StandardCharsets.UTF_8), clips,
            Set.of("angry", "sad"), DatasetSplit.all(clips), false);
        SplitListing with = SplitListing.write(new PrintStream(aroused, true, StandardCharsets.UTF_8), clips,
            Set.of("angry", "sad"), DatasetSplit.all(clips), true);

        assertEquals(Map.of("arousal_low", 1), without.leftOut());
        assertEquals(1, without.total());
        assertEquals(List.of("part,speaker,label,file", "train,s1,angry,/data/a.wav", "train,s2,arousal_low,/data/b.wav"),
            aroused.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals(Map.of(), with.leftOut());
    }
}
