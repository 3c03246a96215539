package io.auralis.extractors.pitch;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.extractors.loudness.Decibels;

import be.tarsos.dsp.pitch.PitchDetectionResult;
import be.tarsos.dsp.pitch.PitchDetector;

/**
 * Runs one pitch detector over the blocks of one file. TarsosDSP's detectors keep work arrays sized for one
 * window length and read the whole array they are given, so each block is copied into an array of exactly its
 * length; a shorter last block gets a detector of its own.
 */
final class PitchSession implements ExtractorSession {
    private final PitchSettings settings;
    private final PitchDetector detector;
    private final float[] window;
    private PitchDetector shortDetector;
    private float[] shortWindow;
    /** The last voiced frame's f0 in Hz and clarity (0..1), set by {@link #analyse}. */
    private float f0;
    private float clarity;

    PitchSession(PitchSettings settings) {
        this.settings = settings;
        this.window = new float[settings.blockSize()];
        this.detector = settings.algorithm()
            .detector(settings.sampleRate(), settings.blockSize(), settings.threshold());
    }

    @Override
    public void process(AudioBlock block, FeatureSink sink) {
        int n = block.length();
        if (n == 0) {
            return;
        }
        double time = block.startTime();
        double duration = block.duration();
        boolean voiced = analyse(block.samples(), n);
        sink.emit(PitchExtractor.VOICING, Feature.of(time, duration, voiced ? clarity : 0f));
        if (voiced) {
            sink.emit(PitchExtractor.F0, Feature.of(time, duration, f0));
        }
    }

    /**
     * Whether the first {@code n} samples are voiced with an f0 in range; if so, sets {@link #f0} and
     * {@link #clarity}.
     */
    private boolean analyse(float[] samples, int n) {
        // Too short to hold two periods of the lowest pitch: YIN would only find higher ones.
        if (n < settings.minWindow()) {
            return false;
        }
        // YIN and MPM are scale-invariant and find periods in faint hum or dither; a level gate keeps them quiet.
        if (Decibels.powerToDb(Decibels.meanSquare(samples, 0, n)) < settings.minLevelDb()) {
            return false;
        }
        float[] frame;
        PitchDetector d;
        if (n == window.length) {
            frame = window;
            d = detector;
        } else {
            if (shortWindow == null || shortWindow.length != n) {
                shortWindow = new float[n];
                shortDetector = settings.algorithm().detector(settings.sampleRate(), n, settings.threshold());
            }
            frame = shortWindow;
            d = shortDetector;
        }
        System.arraycopy(samples, 0, frame, 0, n);
        PitchDetectionResult result = d.getPitch(frame);
        float pitch = result.getPitch();
        float periodicity = result.getProbability();
        // YIN only reports pitches whose aperiodicity is under the threshold; MPM reports its clarity, which
        // the same threshold bounds here so that the parameter means one thing for every algorithm.
        if (!result.isPitched() || !(periodicity >= 1 - settings.threshold())
                || pitch < settings.minFrequency() || pitch > settings.maxFrequency()) {
            return false;
        }
        f0 = pitch;
        // MPM's parabolic peak interpolation can overshoot 1 slightly.
        clarity = Math.min(1f, periodicity);
        return true;
    }

    @Override
    public void finish(FeatureSink sink) {
        // Blocks are analysed as they come; nothing is pending.
    }
}
