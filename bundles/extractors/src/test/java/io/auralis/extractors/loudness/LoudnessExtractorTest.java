package io.auralis.extractors.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.Feature;
import io.auralis.extractors.Signals;
import io.auralis.testkit.ExtractorHarness;

import org.junit.jupiter.api.Test;

import java.util.List;

class LoudnessExtractorTest {
    private static final int RATE = 16000;

    @Test
    void halfScaleSineReadsMinus9Point03DbfsInEveryBlock() throws ExtractionException {
        // 1 kHz at 16 kHz: exactly 64 periods per 1024-sample block, so every block holds whole periods.
        float[] sine = Signals.sine(1000, 0.5, 1.0, RATE);
        ExtractorHarness.Result r = ExtractorHarness.of(new LoudnessExtractor()).framing(1024, 1024).run(sine);
        List<Feature> dbfs = r.get(LoudnessExtractor.DBFS);
        List<Feature> rms = r.get(LoudnessExtractor.RMS);
        assertEquals(16, dbfs.size(), "15 full blocks and a short last one");
        for (int i = 0; i < 15; i++) {
            assertEquals(20 * Math.log10(0.5 / Math.sqrt(2)), dbfs.get(i).values[0], 0.005);
            assertEquals(-9.03, dbfs.get(i).values[0], 0.005);
            assertEquals(0.5 / Math.sqrt(2), rms.get(i).values[0], 1e-4);
        }
    }

    @Test
    void digitalSilenceReadsTheFloorNotMinusInfinity() throws ExtractionException {
        ExtractorHarness.Result r = ExtractorHarness.of(new LoudnessExtractor()).run(new float[RATE]);
        assertTrue(r.get(LoudnessExtractor.DBFS).size() > 0);
        for (Feature f : r.get(LoudnessExtractor.DBFS)) {
            assertEquals(Decibels.FLOOR_DB, f.values[0], 0.0);
        }
        for (Feature f : r.get(LoudnessExtractor.RMS)) {
            assertEquals(0.0, f.values[0], 0.0);
        }
    }

    @Test
    void featuresAreStampedWithBlockStartAndSpanTheValidSamples() throws ExtractionException {
        // 5000 samples in blocks of 1024 every 512: nine blocks start at 0, 512, ..., 4096; the last holds the
        // remaining 904 samples.
        float[] audio = Signals.noise(0.1, 5000.0 / RATE, RATE, 1);
        List<Feature> dbfs = ExtractorHarness.of(new LoudnessExtractor()).run(audio).get(LoudnessExtractor.DBFS);
        assertEquals(9, dbfs.size());
        for (int i = 0; i < dbfs.size(); i++) {
            assertEquals(i * 512.0 / RATE, dbfs.get(i).time, 1e-12);
        }
        assertEquals(1024.0 / RATE, dbfs.get(0).duration, 1e-12);
        assertEquals(904.0 / RATE, dbfs.get(8).duration, 1e-12);
    }

    @Test
    void shortLastBlockIsMeasuredOverItsValidSamplesOnly() throws ExtractionException {
        // A quiet tone then a short loud tail: were the last block padded with zeros or stale samples, its level
        // would be off by the ratio of lengths.
        float[] audio = new float[1024 + 100];
        float[] tail = Signals.sine(1000, 0.5, 100.0 / RATE, RATE);
        System.arraycopy(tail, 0, audio, 1024, 100);
        List<Feature> dbfs = ExtractorHarness.of(new LoudnessExtractor()).framing(1024, 1024).run(audio)
            .get(LoudnessExtractor.DBFS);
        assertEquals(2, dbfs.size());
        assertEquals(Decibels.powerToDb(Decibels.meanSquare(tail, 0, 100)), dbfs.get(1).values[0], 1e-4);
        assertEquals(-9.03, dbfs.get(1).values[0], 0.3);
    }

    @Test
    void wholeFileAsOneBlockGivesOneFeature() throws ExtractionException {
        float[] sine = Signals.sine(1000, 0.5, 2.0, RATE);
        List<Feature> dbfs = ExtractorHarness.of(new LoudnessExtractor()).framing(0, 0).run(sine)
            .get(LoudnessExtractor.DBFS);
        assertEquals(1, dbfs.size());
        assertEquals(-9.03, dbfs.get(0).values[0], 0.005);
        assertEquals(2.0, dbfs.get(0).duration, 1e-12);
    }
}
