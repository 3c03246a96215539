package io.auralis.ser.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TessDatasetTest {

    @TempDir
    Path dir;

    private TessDataset dataset(Path root) {
        return TessDataset.builder().setRoot(root).setDecoder(SyntheticAudio.decoder()).build();
    }

    @Test
    void labelComesFromTheLastTokenOfTheFileNameWhateverTheFolderSays() throws IOException {
        Path data = dir.resolve("TESS Toronto emotional speech set data");
        SyntheticAudio.writeTone(data.resolve("OAF_Fear/OAF_back_fear.wav"));
        SyntheticAudio.writeTone(data.resolve("OAF_Pleasant_surprise/OAF_back_ps.wav"));
        SyntheticAudio.writeTone(data.resolve("YAF_pleasant_surprised/YAF_bar_ps.wav"));
        SyntheticAudio.writeTone(data.resolve("YAF_pleasant_surprised/YAF_base_pleasant_surprised.wav"));
        SyntheticAudio.writeTone(data.resolve("YAF_pleasant_surprised/YAF_bath_pleasant_surprise.wav"));
        SyntheticAudio.writeTone(data.resolve("YAF_angry/YAF_bean_angry.wav"));
        SyntheticAudio.writeTone(data.resolve("OAF_Sad/OAF_bean_sad.wav"));
        SyntheticAudio.writeTone(data.resolve("YAF_disgust/YAF_beg_disgust.WAV"));
        SyntheticAudio.writeTone(data.resolve("YAF_happy/YAF_bite_happy.wav"));

        Map<String, Clip> clips = byName(dataset(dir).catalog());

        assertEquals("fear", clips.get("OAF_back_fear.wav").label());
        assertEquals("surprise", clips.get("OAF_back_ps.wav").label());
        assertEquals("surprise", clips.get("YAF_bar_ps.wav").label());
        assertEquals("surprise", clips.get("YAF_base_pleasant_surprised.wav").label());
        assertEquals("surprise", clips.get("YAF_bath_pleasant_surprise.wav").label());
        assertEquals("angry", clips.get("YAF_bean_angry.wav").label());
        assertEquals("sad", clips.get("OAF_bean_sad.wav").label());
        assertEquals("disgust", clips.get("YAF_beg_disgust.WAV").label());
        assertEquals("happy", clips.get("YAF_bite_happy.wav").label());
        assertEquals("TESS Toronto emotional speech set data/OAF_Fear/OAF_back_fear.wav",
            clips.get("OAF_back_fear.wav").id());
        assertEquals(List.of("angry", "disgust", "fear", "happy", "sad", "surprise"), dataset(dir).classes());
    }

    @Test
    void malformedSpeakerPrefixTakesTheFoldersSpeaker() throws IOException {
        SyntheticAudio.writeTone(dir.resolve("OAF_neutral/OA_bite_neutral.wav"));
        SyntheticAudio.writeTone(dir.resolve("OAF_neutral/OAF_bath_neutral.wav"));
        SyntheticAudio.writeTone(dir.resolve("YAF_neutral/YAF_bath_neutral.wav"));

        Map<String, Clip> clips = byName(dataset(dir).catalog());

        assertEquals("OAF", clips.get("OA_bite_neutral.wav").speaker());
        assertEquals("neutral", clips.get("OA_bite_neutral.wav").label());
        assertEquals("OAF", clips.get("OAF_bath_neutral.wav").speaker());
        assertEquals("YAF", clips.get("YAF_bath_neutral.wav").speaker());
    }

    @Test
    void filesOutsideTheNamingSchemeAreListedAsProblemsNotClips() throws IOException {
        SyntheticAudio.writeTone(dir.resolve("OAF_angry/OAF_back_angry.wav"));
        SyntheticAudio.writeTone(dir.resolve("OAF_angry/OAF_back_furious.wav"));
        SyntheticAudio.writeTone(dir.resolve("misc/XX_back_angry.wav"));
        SyntheticAudio.writeTone(dir.resolve("misc/nounderscore.wav"));
        Files.writeString(dir.resolve("OAF_angry/notes.txt"), "not audio, not a wav name");

        TessDataset tess = dataset(dir);

        assertEquals(List.of("OAF_back_angry.wav"), tess.catalog().stream()
            .map(c -> c.file().getFileName().toString()).toList());
        List<SkippedFile> problems = tess.listingProblems();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.file().endsWith("OAF_back_furious.wav")
            && p.problem().contains("unknown emotion 'furious'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.file().endsWith("XX_back_angry.wav")
            && p.problem().contains("speaker")), problems.toString());
    }

    @Test
    void speakersAreTheTwoActors() throws IOException {
        SyntheticAudio.writeTone(dir.resolve("OAF_happy/OAF_dog_happy.wav"));
        SyntheticAudio.writeTone(dir.resolve("YAF_happy/YAF_dog_happy.wav"));

        assertEquals(List.of("OAF", "YAF"), dataset(dir).catalog().stream().map(Clip::speaker).sorted().toList());
    }

    static Map<String, Clip> byName(List<Clip> clips) {
        return clips.stream().collect(Collectors.toMap(c -> c.file().getFileName().toString(), Function.identity()));
    }
}
