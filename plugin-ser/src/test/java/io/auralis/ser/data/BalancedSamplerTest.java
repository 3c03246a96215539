package io.auralis.ser.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BalancedSamplerTest {

    @TempDir
    Path dir;

    /** TurEV-style corpus of 100 clips (90 angry, 10 sad) and an ASED-style one of 25 (all neutral). */
    private SpeechEmotionDataset prepared() throws IOException {
        Path big = dir.resolve("turev/Sound Source");
        for (int i = 0; i < 90; i++) {
            SyntheticAudio.write(big.resolve("Angry/1157_kz_w" + i + ".wav"), new float[400]);
        }
        for (int i = 0; i < 10; i++) {
            SyntheticAudio.write(big.resolve("Sad/1157_kz_w" + i + ".wav"), new float[400]);
        }
        Path small = dir.resolve("ased");
        for (int i = 0; i < 25; i++) {
            SyntheticAudio.write(small.resolve(String.format("01Neutral/n1-01-%02d-01-01.wav", i + 1)), new float[400]);
        }
        SpeechEmotionDataset data = CombinedDataset.builder()
            .setSources(List.of(new CorpusSource(Corpus.TUREV, dir.resolve("turev")),
                new CorpusSource(Corpus.ASED, small)))
            .setDecoder(SyntheticAudio.decoder()).build();
        data.prepare(null);
        return data;
    }

    @Test
    void corporaWeighByTheSquareRootOfTheirSizeAndClassesEquallyWithinThem() throws IOException {
        SpeechEmotionDataset data = prepared();
        double[] w = BalancedSampler.weights(data);
        Map<String, Double> mass = new HashMap<>();
        for (int i = 0; i < w.length; i++) {
            Clip clip = data.clips().get(i);
            mass.merge(data.corpusOf(clip) + "/" + clip.label(), w[i], Double::sum);
        }
        double turev = Math.sqrt(100) / (Math.sqrt(100) + Math.sqrt(25));

        assertEquals(turev / 2, mass.get("turev/angry"), 1e-9);
        assertEquals(turev / 2, mass.get("turev/sad"), 1e-9);
        assertEquals(1 - turev, mass.get("ased/neutral"), 1e-9);
    }

    @Test
    void aCorpusLabelledWithArousalAloneBalancesItsLevels() throws IOException {
        Path baved = dir.resolve("baved");
        for (int i = 0; i < 12; i++) {
            // levels 0, 0, 0, ..., 1, 2: nine low clips, two neutral, one high
            int level = i < 9 ? 0 : i < 11 ? 1 : 2;
            SyntheticAudio.write(baved.resolve("0/" + i + "-m-21-0-" + level + "-1.wav"), new float[400]);
        }
        Path small = dir.resolve("ased");
        for (int i = 0; i < 4; i++) {
            SyntheticAudio.write(small.resolve(String.format("01Neutral/n1-01-%02d-01-01.wav", i + 1)), new float[400]);
        }
        SpeechEmotionDataset data = CombinedDataset.builder()
            .setSources(List.of(new CorpusSource(Corpus.BAVED, baved), new CorpusSource(Corpus.ASED, small)))
            .setDecoder(SyntheticAudio.decoder()).optClasses(List.of("neutral", "sad")).optArousalLabels(true)
            .build();
        data.prepare(null);
        double[] w = BalancedSampler.weights(data);
        Map<String, Double> mass = new HashMap<>();
        for (int i = 0; i < w.length; i++) {
            mass.merge(data.clips().get(i).label(), w[i], Double::sum);
        }
        double share = Math.sqrt(12) / (Math.sqrt(12) + Math.sqrt(4));

        assertEquals(share / 3, mass.get("arousal_low"), 1e-9);
        assertEquals(share / 3, mass.get("arousal_neutral"), 1e-9);
        assertEquals(share / 3, mass.get("arousal_high"), 1e-9);
        assertEquals(1 - share, mass.get("neutral"), 1e-9);
    }

    @Test
    void anEpochHasAsManyDrawsAsClipsInTheSameOrderForTheSameSeedAndEpoch() throws IOException {
        SpeechEmotionDataset data = prepared();

        List<Long> first = drain(new BalancedSampler(5, 2).sample(data));
        List<Long> again = drain(new BalancedSampler(5, 2).sample(data));
        BalancedSampler sampler = new BalancedSampler(5, 1);
        sampler.sample(data);
        List<Long> resumedAtTwo = drain(sampler.sample(data));

        assertEquals(data.size(), first.size());
        assertEquals(first, again);
        assertEquals(first, resumedAtTwo);
        assertNotEquals(first, drain(new BalancedSampler(5, 3).sample(data)));
        long sad = first.stream().filter(i -> data.clips().get(i.intValue()).label().equals("sad")).count();
        assertEquals(first.size() / 3.0, sad, first.size() / 6.0, "a third of the draws, not 8 %");
    }

    private static List<Long> drain(Iterator<Long> it) {
        List<Long> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
