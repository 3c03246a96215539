package io.auralis.ser.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmoDbDatasetTest {

    @TempDir
    Path dir;

    @Test
    void germanEmotionLettersMapToTheVocabularyAndTheSpeakerIsTheFirstTwoDigits() throws IOException {
        for (String name : List.of("03a01Wa", "08a02Lb", "09b03Nc", "10a04Fd", "11b09Aa", "12a05Ta", "16b10Eb")) {
            SyntheticAudio.writeTone(dir.resolve("wav/" + name + ".wav"));
        }
        EmoDbDataset emodb = EmoDbDataset.builder().setRoot(dir).setDecoder(SyntheticAudio.decoder()).build();
        Map<String, Clip> clips = TessDatasetTest.byName(emodb.catalog());

        assertEquals("angry", clips.get("03a01Wa.wav").label());
        assertEquals("boredom", clips.get("08a02Lb.wav").label());
        assertEquals("neutral", clips.get("09b03Nc.wav").label());
        assertEquals("happy", clips.get("10a04Fd.wav").label());
        assertEquals("fear", clips.get("11b09Aa.wav").label());
        assertEquals("sad", clips.get("12a05Ta.wav").label());
        assertEquals("disgust", clips.get("16b10Eb.wav").label());
        assertEquals("03", clips.get("03a01Wa.wav").speaker());
        assertEquals("16", clips.get("16b10Eb.wav").speaker());
        assertEquals("wav/03a01Wa.wav", clips.get("03a01Wa.wav").id());
    }

    @Test
    void unknownLettersAndOtherNamesAreProblems() throws IOException {
        SyntheticAudio.writeTone(dir.resolve("03a01Wa.wav"));
        SyntheticAudio.writeTone(dir.resolve("03a01Xa.wav"));
        SyntheticAudio.writeTone(dir.resolve("recording.wav"));

        EmoDbDataset emodb = EmoDbDataset.builder().setRoot(dir).setDecoder(SyntheticAudio.decoder()).build();

        assertEquals(1, emodb.catalog().size());
        List<SkippedFile> problems = emodb.listingProblems();
        assertEquals(2, problems.size());
        assertTrue(problems.get(0).toString().contains("03a01Xa.wav: unknown emotion letter X"), problems.toString());
    }
}
