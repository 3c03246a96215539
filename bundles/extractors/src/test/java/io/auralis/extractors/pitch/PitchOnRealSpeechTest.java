package io.auralis.extractors.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.Feature;
import io.auralis.extractors.Decoding;
import io.auralis.testkit.Corpora;
import io.auralis.testkit.ExtractorHarness;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Pitch on EmoDB's neutral sentences; skipped where the corpus is absent. */
class PitchOnRealSpeechTest {
    private static final Set<String> MALE = Set.of("03", "10", "11", "12", "15");

    /** Neutral (N) sentences of each speaker, the first two by name. */
    private static List<Path> neutralFiles() throws IOException {
        return Corpora.wavFiles("emodb").stream()
            .filter(f -> f.getFileName().toString().charAt(5) == 'N')
            .collect(Collectors.groupingBy(f -> f.getFileName().toString().substring(0, 2)))
            .values().stream().flatMap(files -> files.stream().limit(2)).sorted().collect(Collectors.toList());
    }

    private static double median(List<Feature> f0) {
        double[] v = f0.stream().mapToDouble(f -> f.values[0]).sorted().toArray();
        return v[v.length / 2];
    }

    @Test
    void neutralSpeechHasPlausiblePitchForMenAndWomen() throws IOException, ExtractionException {
        int voicedBlocks = 0;
        int blocks = 0;
        for (Path file : neutralFiles()) {
            ExtractorHarness.Result r = ExtractorHarness.of(new PitchExtractor()).run(Decoding.decode(file, 16000));
            List<Feature> f0 = r.get(PitchExtractor.F0);
            voicedBlocks += f0.size();
            blocks += r.get(PitchExtractor.VOICING).size();
            double voiced = f0.size() / (double) r.get(PitchExtractor.VOICING).size();
            assertTrue(voiced > 0.1 && voiced < 0.9, file + ": voiced share " + voiced);
            double median = median(f0);
            boolean male = MALE.contains(file.getFileName().toString().substring(0, 2));
            if (male) {
                assertTrue(median > 75 && median < 170, file + ": median f0 " + median + " Hz for a man");
            } else {
                assertTrue(median > 150 && median < 300, file + ": median f0 " + median + " Hz for a woman");
            }
        }
        // Read sentences are voiced for roughly half their length, pauses and consonants aside.
        double voiced = voicedBlocks / (double) blocks;
        assertTrue(voiced > 0.3 && voiced < 0.7, "voiced share " + voiced);
    }

    @Test
    void yinAndFastYinAgreeOnRealSpeech() throws IOException, ExtractionException {
        int both = 0;
        int agree = 0;
        for (Path file : Corpora.sample("emodb", 6)) {
            float[] audio = Decoding.decode(file, 16000);
            Map<Double, Float> yin = new HashMap<>();
            for (Feature f : ExtractorHarness.of(new PitchExtractor()).with(PitchExtractor.ALGORITHM, "yin").run(audio)
                    .get(PitchExtractor.F0)) {
                yin.put(f.time, f.values[0]);
            }
            for (Feature f : ExtractorHarness.of(new PitchExtractor()).with(PitchExtractor.ALGORITHM, "fastyin")
                    .run(audio).get(PitchExtractor.F0)) {
                Float other = yin.get(f.time);
                if (other != null) {
                    both++;
                    if (Math.abs(other - f.values[0]) <= 0.01 * other) {
                        agree++;
                    }
                }
            }
        }
        assertTrue(both > 100, both + " frames voiced for both");
        assertEquals(1.0, agree / (double) both, 0.03, agree + " of " + both + " frames agree within 1%");
    }
}
