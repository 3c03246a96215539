package io.auralis.ser.model;

/**
 * Per-clip loudness normalisation: scales a clip so that its RMS level is a target in dBFS, so a model sees speech
 * at one level whatever the microphone gain. A model records its target in {@code model.json}
 * ({@link ModelConfig#normalizeDbfs}); training and inference both apply it through this class, so a model always
 * sees what it was trained on. Models without a target (imported checkpoints, older models) see raw samples.
 */
public final class LoudnessNormalization {

    /** The target {@code ser train --normalize} uses when given no level. */
    public static final double DEFAULT_DBFS = -25;
    /** The most a clip is amplified: near-silent clips would otherwise become loud noise. */
    static final double MAX_GAIN_DB = 40;

    private LoudnessNormalization() {
    }

    /**
     * Scales a clip in place to an RMS level.
     *
     * @param samples the clip, changed in place
     * @param targetDbfs the RMS level to reach, in dB relative to full scale
     * @return the same array
     */
    public static float[] apply(float[] samples, double targetDbfs) {
        double sum = 0;
        for (float v : samples) {
            sum += (double) v * v;
        }
        if (samples.length == 0 || sum == 0) {
            return samples;
        }
        double rmsDb = 10 * Math.log10(sum / samples.length);
        double gainDb = Math.min(MAX_GAIN_DB, targetDbfs - rmsDb);
        float gain = (float) Math.pow(10, gainDb / 20);
        for (int i = 0; i < samples.length; i++) {
            samples[i] *= gain;
        }
        return samples;
    }
}
