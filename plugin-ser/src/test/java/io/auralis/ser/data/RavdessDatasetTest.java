package io.auralis.ser.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RavdessDatasetTest {

    @TempDir
    Path dir;

    @Test
    void emotionIsTheThirdFieldAndTheActorTheLast() throws IOException {
        String[] codes = {"01", "02", "03", "04", "05", "06", "07", "08"};
        for (String code : codes) {
            SyntheticAudio.writeTone(dir.resolve("Actor_12/03-01-" + code + "-01-02-01-12.wav"));
        }
        SyntheticAudio.writeTone(dir.resolve("Actor_01/03-01-05-02-01-02-01.wav"));

        RavdessDataset ravdess = RavdessDataset.builder().setRoot(dir).setDecoder(SyntheticAudio.decoder()).build();
        Map<String, Clip> clips = TessDatasetTest.byName(ravdess.catalog());

        assertEquals("neutral", clips.get("03-01-01-01-02-01-12.wav").label());
        assertEquals("calm", clips.get("03-01-02-01-02-01-12.wav").label());
        assertEquals("happy", clips.get("03-01-03-01-02-01-12.wav").label());
        assertEquals("sad", clips.get("03-01-04-01-02-01-12.wav").label());
        assertEquals("angry", clips.get("03-01-05-01-02-01-12.wav").label());
        assertEquals("fear", clips.get("03-01-06-01-02-01-12.wav").label());
        assertEquals("disgust", clips.get("03-01-07-01-02-01-12.wav").label());
        assertEquals("surprise", clips.get("03-01-08-01-02-01-12.wav").label());
        assertEquals("12", clips.get("03-01-08-01-02-01-12.wav").speaker());
        assertEquals("01", clips.get("03-01-05-02-01-02-01.wav").speaker());
        assertEquals(List.of("angry", "disgust", "fear", "happy", "neutral", "sad", "surprise", "calm"),
            ravdess.classes());
    }

    @Test
    void songIsLeftOutUnlessAskedForAndBadNamesAreProblems() throws IOException {
        SyntheticAudio.writeTone(dir.resolve("03-01-05-01-02-01-12.wav"));
        SyntheticAudio.writeTone(dir.resolve("03-02-05-01-02-01-12.wav"));
        SyntheticAudio.writeTone(dir.resolve("03-01-09-01-02-01-12.wav"));
        SyntheticAudio.writeTone(dir.resolve("angry_take2.wav"));

        RavdessDataset speech = RavdessDataset.builder().setRoot(dir).setDecoder(SyntheticAudio.decoder()).build();
        RavdessDataset withSong = RavdessDataset.builder().setRoot(dir).setDecoder(SyntheticAudio.decoder())
            .optIncludeSong(true).build();

        assertEquals(1, speech.catalog().size());
        assertEquals(2, withSong.catalog().size());
        List<SkippedFile> problems = speech.listingProblems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).problem().contains("unknown emotion code 09"), problems.toString());
        assertTrue(problems.get(1).file().endsWith("angry_take2.wav"), problems.toString());
    }
}
