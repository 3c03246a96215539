package io.auralis.ser.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.dataset.Dataset.Usage;
import io.auralis.testkit.Corpora;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Lists the real corpora of {@code shared/data} and decodes a part of each; skipped where they are absent. */
class RealCorporaDatasetTest {

    private static Map<String, Integer> countBy(List<Clip> clips, java.util.function.Function<Clip, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        clips.forEach(c -> counts.merge(key.apply(c), 1, Integer::sum));
        return counts;
    }

    @Test
    void tessHas400ClipsPerEmotionAnd1400PerSpeaker() throws IOException {
        Path root = Corpora.require("tess");
        TessDataset tess = TessDataset.builder().setRoot(root).setDecoder(SyntheticAudio.decoder()).build();

        List<Clip> clips = tess.catalog();

        assertEquals(2800, clips.size());
        assertEquals(List.of(), tess.listingProblems());
        countBy(clips, Clip::label).forEach((label, n) -> assertEquals(400, n, label));
        assertEquals(Map.of("OAF", 1400, "YAF", 1400), countBy(clips, Clip::speaker));
        assertEquals(List.of("angry", "disgust", "fear", "happy", "neutral", "sad", "surprise"), tess.classes());
    }

    @Test
    void emoDbHasItsPublishedCountsAndTheTestPartDecodes() throws IOException {
        Path root = Corpora.require("emodb");
        EmoDbDataset all = EmoDbDataset.builder().setRoot(root).setDecoder(SyntheticAudio.decoder()).build();

        List<Clip> clips = all.catalog();

        assertEquals(535, clips.size());
        assertEquals(Map.of("angry", 127, "boredom", 81, "neutral", 79, "happy", 71, "fear", 69, "sad", 62,
            "disgust", 46), countBy(clips, Clip::label));
        assertEquals(10, countBy(clips, Clip::speaker).size());

        DatasetSplit split = DatasetSplit.stratified(clips, 0.1, 0.1, 42);
        EmoDbDataset test = EmoDbDataset.builder().setRoot(root).setDecoder(SyntheticAudio.decoder())
            .optSplit(split, Usage.TEST).build();
        test.prepare(null);
        assertEquals(split.ids(Usage.TEST).size(), test.size());
        assertTrue(test.skipped().isEmpty(), test.skipped().toString());
        assertTrue(test.totalSeconds() > 50 * 1.0, "about 2.8 s per clip: " + test.totalSeconds());
    }
}
