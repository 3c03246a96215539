package io.auralis.ser.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IemocapDatasetTest {

    @TempDir
    Path dir;

    /** The head of a real EmoEvaluation file: a header, then per turn a summary line and the evaluators' lines. */
    private static final String EVALUATION = """
        % [START_TIME - END_TIME] TURN_NAME EMOTION [V, A, D]

        [6.2901 - 8.2357]\tSes01F_impro01_F000\tneu\t[2.5000, 2.5000, 2.5000]
        C-E2:\tNeutral;\t()
        C-E3:\tNeutral;\t()
        A-E3:\tval 3; act 2; dom  2;\t()

        [10.0100 - 11.3925]\tSes01F_impro01_F001\tang\t[2.0000, 3.5000, 3.5000]
        C-E2:\tAnger;\t()

        [14.8872 - 18.0175]\tSes01F_impro01_M001\texc\t[3.5000, 3.5000, 3.0000]

        [19.2900 - 20.7875]\tSes01F_impro01_M002\tfru\t[2.0000, 3.0000, 3.0000]

        [21.0000 - 22.0000]\tSes01F_impro01_M003\txxx\t[2.0000, 3.0000, 3.0000]

        [23.0000 - 24.5000]\tSes01F_impro01_M004\thap\t[4.0000, 3.0000, 3.0000]

        [25.0000 - 26.5000]\tSes01F_impro01_F005\tsad\t[1.5000, 2.0000, 2.0000]
        """;

    private void session(String session, String dialog, String evaluation, String... turnsWithAudio)
        throws IOException {
        Path s = dir.resolve(session);
        Files.createDirectories(s.resolve("dialog/EmoEvaluation/Categorical"));
        Files.writeString(s.resolve("dialog/EmoEvaluation/" + dialog + ".txt"), evaluation);
        // Per-evaluator files in subfolders are not the agreed labels and must be ignored.
        Files.writeString(s.resolve("dialog/EmoEvaluation/Categorical/" + dialog + "_e1_cat.txt"),
            "Ses01F_impro01_F000 :Anger; ()\n");
        for (String turn : turnsWithAudio) {
            SyntheticAudio.writeTone(s.resolve("sentences/wav/" + dialog + "/" + turn + ".wav"));
        }
    }

    @Test
    void labelsComeFromTheEvaluationLinesWithExcitedMergedIntoHappy() throws IOException {
        session("Session1", "Ses01F_impro01", EVALUATION, "Ses01F_impro01_F000", "Ses01F_impro01_F001",
            "Ses01F_impro01_M001", "Ses01F_impro01_M002", "Ses01F_impro01_M003", "Ses01F_impro01_M004",
            "Ses01F_impro01_F005");

        IemocapDataset iemocap = IemocapDataset.builder().setRoot(dir).setDecoder(SyntheticAudio.decoder()).build();
        Map<String, Clip> clips = TessDatasetTest.byName(iemocap.catalog());

        assertEquals(5, clips.size(), clips.keySet().toString());
        assertEquals("neutral", clips.get("Ses01F_impro01_F000.wav").label());
        assertEquals("angry", clips.get("Ses01F_impro01_F001.wav").label());
        assertEquals("happy", clips.get("Ses01F_impro01_M001.wav").label());
        assertEquals("happy", clips.get("Ses01F_impro01_M004.wav").label());
        assertEquals("sad", clips.get("Ses01F_impro01_F005.wav").label());
        assertEquals("Ses01F", clips.get("Ses01F_impro01_F000.wav").speaker());
        assertEquals("Ses01M", clips.get("Ses01F_impro01_M001.wav").speaker());
        assertEquals("Session1/sentences/wav/Ses01F_impro01/Ses01F_impro01_F000.wav",
            clips.get("Ses01F_impro01_F000.wav").id());
        assertEquals(List.of("angry", "happy", "neutral", "sad"), iemocap.classes());
        assertTrue(iemocap.listingProblems().isEmpty(), iemocap.listingProblems().toString());
    }

    @Test
    void scriptedDialogsWithUnderscoresFindTheirAudioAndMissingAudioIsAProblem() throws IOException {
        session("Session2", "Ses02M_script01_1",
            "[1.0 - 2.0]\tSes02M_script01_1_F000\tang\t[2.0, 3.0, 3.0]\n"
                + "[3.0 - 4.0]\tSes02M_script01_1_M001\tneu\t[2.0, 3.0, 3.0]\n",
            "Ses02M_script01_1_F000");

        IemocapDataset iemocap = IemocapDataset.builder().setRoot(dir).setDecoder(SyntheticAudio.decoder()).build();

        assertEquals(List.of("Session2/sentences/wav/Ses02M_script01_1/Ses02M_script01_1_F000.wav"),
            iemocap.catalog().stream().map(Clip::id).toList());
        assertEquals("Ses02F", iemocap.catalog().get(0).speaker());
        List<SkippedFile> problems = iemocap.listingProblems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).file().endsWith("Ses02M_script01_1_M001.wav"), problems.toString());
        assertTrue(problems.get(0).problem().contains("audio file is missing"), problems.toString());
    }

    @Test
    void aFolderWithoutSessionsIsAnErrorThatSaysWhatWasExpected() throws IOException {
        Files.createDirectories(dir.resolve("IEMOCAP_full_release/Documentation"));

        IemocapDataset iemocap = IemocapDataset.builder().setRoot(dir.resolve("IEMOCAP_full_release"))
            .setDecoder(SyntheticAudio.decoder()).build();

        IOException e = assertThrows(IOException.class, iemocap::catalog);
        assertTrue(e.getMessage().contains("IEMOCAP_full_release: no iemocap recordings found"), e.getMessage());
        assertTrue(e.getMessage().contains("Session1..Session5"), e.getMessage());
    }
}
