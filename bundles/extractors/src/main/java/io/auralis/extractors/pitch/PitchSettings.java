package io.auralis.extractors.pitch;

import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.Parameters;
import io.auralis.api.extractor.SessionContext;

/**
 * The settings of one pitch session, read from checked parameters and checked against each other and against the
 * framing, which the host cannot do from ranges alone.
 *
 * @param algorithm the detector
 * @param minFrequency lowest f0 reported, Hz
 * @param maxFrequency highest f0 reported, Hz
 * @param threshold aperiodicity tolerated in a voiced frame, 0..1
 * @param minLevelDb frames quieter than this are unvoiced, dBFS
 * @param sampleRate the analysis rate, Hz
 * @param blockSize samples per block
 * @param minWindow the fewest samples that hold two periods of {@code minFrequency}
 */
record PitchSettings(PitchAlgorithm algorithm, double minFrequency, double maxFrequency, double threshold,
        double minLevelDb, int sampleRate, int blockSize, int minWindow) {

    static PitchSettings from(SessionContext context) throws ExtractionException {
        String id = PitchExtractor.ID;
        Parameters p = context.parameters();
        PitchAlgorithm algorithm;
        double minFrequency;
        double maxFrequency;
        double threshold;
        double minLevelDb;
        try {
            String name = p.getString(PitchExtractor.ALGORITHM);
            algorithm = PitchAlgorithm.byId(name);
            if (algorithm == null) {
                throw new ExtractionException(id + ": unknown algorithm '" + name + "', expected one of "
                    + PitchAlgorithm.ids());
            }
            minFrequency = p.getDouble(PitchExtractor.MIN_FREQUENCY);
            maxFrequency = p.getDouble(PitchExtractor.MAX_FREQUENCY);
            threshold = p.getDouble(PitchExtractor.THRESHOLD);
            minLevelDb = p.getDouble(PitchExtractor.MIN_LEVEL);
        } catch (IllegalArgumentException e) {
            throw new ExtractionException(id + ": " + e.getMessage(), e);
        }
        if (!(minFrequency > 0) || !(minFrequency < maxFrequency)) {
            throw new ExtractionException(id + ": minFrequency (" + minFrequency
                + " Hz) must be positive and below maxFrequency (" + maxFrequency + " Hz)");
        }
        int rate = context.sampleRate();
        if (maxFrequency >= rate / 4.0) {
            throw new ExtractionException(id + ": maxFrequency (" + maxFrequency + " Hz) must be below a quarter of "
                + "the sample rate (" + rate + " Hz)");
        }
        int block = context.blockSize();
        // YIN looks for periods up to half its window; two more lags leave room for the parabolic refinement.
        int minWindow = 2 * ((int) Math.ceil(rate / minFrequency) + 2);
        if (block <= 0) {
            throw new ExtractionException(id + ": needs framed audio, but the block size is " + block
                + "; use a block of at least " + minWindow + " samples");
        }
        if (block < minWindow) {
            throw new ExtractionException(id + ": a block of " + block + " samples at " + rate
                + " Hz is too short for two periods of minFrequency " + minFrequency + " Hz; set blockSize to at least "
                + minWindow + " or raise minFrequency");
        }
        return new PitchSettings(algorithm, minFrequency, maxFrequency, threshold, minLevelDb, rate, block, minWindow);
    }
}
