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

/** The readers of the cross-corpus training set, on small trees laid out and named as the real repositories. */
class CrossCorpusReadersTest {

    @TempDir
    Path dir;

    private static SpeechEmotionDataset read(Corpus corpus, Path root) {
        return corpus.builder().setRoot(root).setDecoder(SyntheticAudio.decoder()).build();
    }

    @Test
    void asedTakesTheLabelFromTheLetterAndTheSpeakerFromTheLastField() throws IOException {
        SyntheticAudio.writeTone(dir.resolve("01Neutral/n1-01-01-01-01.wav"));
        SyntheticAudio.writeTone(dir.resolve("02Fearful/f2-03-02-02-50.wav"));
        SyntheticAudio.writeTone(dir.resolve("03Happy/h3-07-01-01-65.wav"));
        SyntheticAudio.writeTone(dir.resolve("04Sad/S4-04-02-01-29.wav"));
        SyntheticAudio.writeTone(dir.resolve("05Angry/a5-03-01-02-50.wav"));
        SyntheticAudio.writeTone(dir.resolve("05Angry/x5-03-01-02-50.wav"));
        Files.writeString(dir.resolve("README.md"), "# ASED");

        SpeechEmotionDataset ased = read(Corpus.ASED, dir);
        Map<String, Clip> clips = TessDatasetTest.byName(ased.catalog());

        assertEquals(5, clips.size());
        assertEquals("neutral", clips.get("n1-01-01-01-01.wav").label());
        assertEquals("01", clips.get("n1-01-01-01-01.wav").speaker());
        assertEquals("fear", clips.get("f2-03-02-02-50.wav").label());
        assertEquals("50", clips.get("f2-03-02-02-50.wav").speaker());
        assertEquals("sad", clips.get("S4-04-02-01-29.wav").label(), "the corpus's one upper-case letter");
        assertEquals("angry", clips.get("a5-03-01-02-50.wav").label());
        assertEquals(List.of("angry", "fear", "happy", "neutral", "sad"), ased.classes());
        assertTrue(ased.listingProblems().get(0).problem().contains("unknown emotion letter x"));
    }

    @Test
    void nemoReadsItsTabSeparatedLabelsAndTrimsThePaddedSpeakerIds() throws IOException {
        SyntheticAudio.writeTone(dir.resolve("samples/WR0_surprised_64.wav"));
        SyntheticAudio.writeTone(dir.resolve("samples/EB0_neutral_13.wav"));
        SyntheticAudio.writeTone(dir.resolve("samples/KS0_anger_1.wav"));
        SyntheticAudio.writeTone(dir.resolve("samples/KS0_sadness_2.wav"));
        Files.writeString(dir.resolve("data.tsv"), String.join("\n",
            "file_id\temotion\traw_text\tnormalized_text\tspeaker_id\tgender\tage",
            "WR0_surprised_64.wav\tsurprised\tUcho.\tucho\t        WR0\tmale\t23",
            "EB0_neutral_13.wav\tneutral\tInteresuje.\tinteresuje\t        EB0\tfemale\t27",
            "KS0_anger_1.wav\tanger\tA.\ta\t        KS0\tmale\t23",
            "KS0_sadness_2.wav\tsadness\tB.\tb\t        KS0\tmale\t23",
            "KS0_missing_3.wav\tfear\tC.\tc\t        KS0\tmale\t23", ""));

        SpeechEmotionDataset nemo = read(Corpus.NEMO, dir);
        Map<String, Clip> clips = TessDatasetTest.byName(nemo.catalog());

        assertEquals("surprise", clips.get("WR0_surprised_64.wav").label());
        assertEquals("WR0", clips.get("WR0_surprised_64.wav").speaker());
        assertEquals("angry", clips.get("KS0_anger_1.wav").label());
        assertEquals("sad", clips.get("KS0_sadness_2.wav").label());
        assertEquals("neutral", clips.get("EB0_neutral_13.wav").label());
        assertEquals(4, clips.size());
        assertTrue(nemo.listingProblems().get(0).problem().contains("not in samples/"), nemo.listingProblems()
            .toString());
    }

    @Test
    void nemoWithoutItsLabelsFileIsAOneLineErrorNamingIt() throws IOException {
        SyntheticAudio.writeTone(dir.resolve("samples/WR0_surprised_64.wav"));

        IOException e = assertThrows(IOException.class, () -> read(Corpus.NEMO, dir).catalog());

        assertEquals(dir.resolve("data.tsv") + ": no such file (expected data.tsv and samples/ (the nEMO "
            + "repository's top folder))", e.getMessage());
    }

    @Test
    void turevReadsOnlyTheSoundSourceFolderAndKeepsCalmForTheLabelMap() throws IOException {
        SyntheticAudio.writeTone(dir.resolve("Sound Source/Angry/1157_kz_acik.wav"));
        SyntheticAudio.writeTone(dir.resolve("Sound Source/Calm/1234_sk_acik.wav"));
        SyntheticAudio.writeTone(dir.resolve("Sound Source/Happy/6783_ab_beste.wav"));
        SyntheticAudio.writeTone(dir.resolve("Sound Source/Sad/7895_cd_algi.wav"));
        SyntheticAudio.writeTone(dir.resolve("Model Output for Test Data/testEmotions500HighPass/sound/Calm/"
            + "1358_sk_beste.wav"));

        SpeechEmotionDataset turev = read(Corpus.TUREV, dir);
        Map<String, Clip> clips = TessDatasetTest.byName(turev.catalog());

        assertEquals(4, clips.size(), "the high-pass copies are not read");
        assertEquals("calm", clips.get("1234_sk_acik.wav").label());
        assertEquals("1234", clips.get("1234_sk_acik.wav").speaker());
        assertEquals("angry", clips.get("1157_kz_acik.wav").label());

        SpeechEmotionDataset mapped = Corpus.TUREV.builder().setRoot(dir).setDecoder(SyntheticAudio.decoder())
            .optLabelMap(LabelMap.withDefaults(null)).build();
        assertEquals("neutral", TessDatasetTest.byName(mapped.catalog()).get("1234_sk_acik.wav").label());
        assertEquals(List.of("angry", "happy", "neutral", "sad"), mapped.classes());
    }

    @Test
    void emotionTtsTakesTheEmotionFromTheFileNumbersHundredAndIgnoresTheMainCorpus() throws IOException {
        Path emotional = dir.resolve("Dataset/SpeechCorpus/Emotional");
        SyntheticAudio.writeTone(emotional.resolve("emotional-to-emotional/nea/wav/nea00001.wav"));
        SyntheticAudio.writeTone(emotional.resolve("emotional-to-emotional/nea/wav/nea00101.wav"));
        SyntheticAudio.writeTone(emotional.resolve("emotional-to-emotional/nea/wav/nea00201.wav"));
        SyntheticAudio.writeTone(emotional.resolve("plain-to-emotional/ema/wav/ema00305.wav"));
        SyntheticAudio.writeTone(emotional.resolve("plain-to-emotional/ema/wav/ema00400.wav"));
        SyntheticAudio.writeTone(dir.resolve("Dataset/SpeechCorpus/Main/main/lmy/wav/lmy02261.wav"));

        SpeechEmotionDataset tts = read(Corpus.EMOTIONTTS, dir);
        Map<String, Clip> clips = TessDatasetTest.byName(tts.catalog());

        assertEquals(5, clips.size(), clips.keySet().toString());
        assertEquals("neutral", clips.get("nea00001.wav").label());
        assertEquals("happy", clips.get("nea00101.wav").label());
        assertEquals("angry", clips.get("nea00201.wav").label());
        assertEquals("sad", clips.get("ema00305.wav").label());
        assertEquals("sad", clips.get("ema00400.wav").label());
        assertEquals("ema", clips.get("ema00400.wav").speaker());
        assertTrue(tts.listingProblems().isEmpty(), tts.listingProblems().toString());
    }

    @Test
    void bavedLabelsArousalLevelsOutsideTheCategoricalVocabulary() throws IOException {
        SyntheticAudio.writeTone(dir.resolve("0/0-m-21-0-1-105.wav"));
        SyntheticAudio.writeTone(dir.resolve("0/100-f-6-0-0-0.wav"));
        SyntheticAudio.writeTone(dir.resolve("3/101-m-20-3-2-11.wav"));
        SyntheticAudio.writeTone(dir.resolve("3/101-m-20-3-7-11.wav"));

        SpeechEmotionDataset baved = read(Corpus.BAVED, dir);
        Map<String, Clip> clips = TessDatasetTest.byName(baved.catalog());

        assertEquals("arousal_neutral", clips.get("0-m-21-0-1-105.wav").label());
        assertEquals("arousal_low", clips.get("100-f-6-0-0-0.wav").label());
        assertEquals("arousal_high", clips.get("101-m-20-3-2-11.wav").label());
        assertEquals("101", clips.get("101-m-20-3-2-11.wav").speaker());
        assertEquals(3, clips.size());
        assertTrue(baved.listingProblems().get(0).problem().contains("unknown level 7"));
    }

    @Test
    void aMissingCorpusFolderIsAOneLineErrorNamingIt() {
        for (Corpus corpus : List.of(Corpus.ASED, Corpus.NEMO, Corpus.TUREV, Corpus.EMOTIONTTS, Corpus.BAVED)) {
            Path missing = dir.resolve("no-" + corpus.id());
            IOException e = assertThrows(IOException.class, () -> read(corpus, missing).catalog());
            assertEquals(missing + ": no such folder", e.getMessage());
        }
    }

    @Test
    void combinedCorporaNamespaceSpeakersAndApplyTheLabelMapOnce() throws IOException {
        Path turev = dir.resolve("turev");
        SyntheticAudio.writeTone(turev.resolve("Sound Source/Calm/1234_sk_acik.wav"));
        SyntheticAudio.writeTone(turev.resolve("Sound Source/Angry/1234_sk_algi.wav"));
        Path ased = dir.resolve("ased");
        SyntheticAudio.writeTone(ased.resolve("01Neutral/n1-01-01-01-01.wav"));

        SpeechEmotionDataset both = CombinedDataset.builder()
            .setSources(List.of(new CorpusSource(Corpus.TUREV, turev), new CorpusSource(Corpus.ASED, ased)))
            .setDecoder(SyntheticAudio.decoder()).optLabelMap(LabelMap.parse("calm=neutral,neutral=calm"))
            .build();
        Map<String, Clip> clips = TessDatasetTest.byName(both.catalog());

        assertEquals("neutral", clips.get("1234_sk_acik.wav").label(), "applied once, not chained");
        assertEquals("calm", clips.get("n1-01-01-01-01.wav").label());
        assertEquals("turev-1234", clips.get("1234_sk_acik.wav").speaker());
        assertEquals("ased", both.corpusOf(clips.get("n1-01-01-01-01.wav")));
    }
}
