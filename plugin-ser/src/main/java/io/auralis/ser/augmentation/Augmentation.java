package io.auralis.ser.augmentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * What is done to a training clip each time it is drawn, in this order: a random crop to at most
 * {@link #cropSamples} samples, speed perturbation (resampling by a factor in [{@link #speedMin},
 * {@link #speedMax}], which changes tempo and pitch together, as Kaldi's and SpeechBrain's speed perturbation do),
 * reverberation of a simulated room with probability {@link #reverbProbability}, the frequency response of a
 * random microphone and channel with probability {@link #channelProbability},
 * additive noise with probability {@link #noiseProbability} at an SNR drawn from [{@link #snrMinDb},
 * {@link #snrMaxDb}] (white, pink, or babble made of other training clips, one third each), and a random gain of up
 * to {@link #gainDb} decibels either way.
 *
 * <p>Plain data, so a training checkpoint records it and a resumed run draws the same clips. Each draw uses its own
 * {@link Random}, seeded from the run's seed, the epoch and the draw's position in the epoch ({@link #random}), so
 * the result depends neither on threads nor on where a run was interrupted.
 */
public class Augmentation {

    /** The longest clip a batch holds, in samples (0: clips are not cropped). */
    public int cropSamples;
    /** The slowest speed factor (1: no speed perturbation). */
    public double speedMin = 1;
    /** The fastest speed factor. */
    public double speedMax = 1;
    /** The probability of adding noise to a clip. */
    public double noiseProbability;
    /** The lowest signal-to-noise ratio, dB. */
    public double snrMinDb = 5;
    /** The highest signal-to-noise ratio, dB. */
    public double snrMaxDb = 30;
    /** The largest gain change either way, dB (0: none). */
    public double gainDb;
    /** The probability of passing a clip through a simulated room (0: never); applied before the noise. */
    public double reverbProbability;
    /** The shortest reverberation time (RT60) of a simulated room, seconds. */
    public double rt60MinSeconds = 0.2;
    /** The longest reverberation time, seconds. */
    public double rt60MaxSeconds = 1.0;
    /**
     * The probability of passing a clip through a random microphone and channel (0: never), after the room and before
     * the noise: see {@link #colour}.
     */
    public double channelProbability;

    /** Creates settings that change nothing. */
    public Augmentation() {
    }

    /**
     * The recipe {@code ser train --augment} uses: crops of {@code cropSeconds}, speed 0.9 to 1.1, noise on half
     * the clips at 5 to 30 dB SNR, gain up to 6 dB.
     *
     * @param cropSamples the crop length in samples, or 0 for none
     * @return the settings
     */
    public static Augmentation standard(int cropSamples) {
        Augmentation a = new Augmentation();
        a.cropSamples = cropSamples;
        a.speedMin = 0.9;
        a.speedMax = 1.1;
        a.noiseProbability = 0.5;
        a.gainDb = 6;
        return a;
    }

    /**
     * Settings that only crop.
     *
     * @param cropSamples the crop length in samples
     * @return the settings
     */
    public static Augmentation cropOnly(int cropSamples) {
        Augmentation a = new Augmentation();
        a.cropSamples = cropSamples;
        return a;
    }

    /**
     * Whether anything but cropping is done.
     *
     * @return {@code true} when speed, room, noise or gain is changed
     */
    public boolean perturbs() {
        return speedMin != 1 || speedMax != 1 || noiseProbability > 0 || gainDb > 0 || reverbProbability > 0
            || channelProbability > 0;
    }

    /**
     * Everything wrong with the settings, one phrase each.
     *
     * @return problems; empty when usable
     */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (cropSamples < 0) {
            p.add("the crop length must be 0 or more");
        }
        if (!(speedMin > 0.5 && speedMin <= speedMax && speedMax < 2)) {
            p.add("speed factors must satisfy 0.5 < min <= max < 2, got " + speedMin + " and " + speedMax);
        }
        if (!(noiseProbability >= 0 && noiseProbability <= 1)) {
            p.add("the noise probability must be in [0, 1], got " + noiseProbability);
        }
        if (!(snrMinDb <= snrMaxDb) || !Double.isFinite(snrMinDb) || !Double.isFinite(snrMaxDb)) {
            p.add("the SNR range is empty: " + snrMinDb + " to " + snrMaxDb + " dB");
        }
        if (!(reverbProbability >= 0 && reverbProbability <= 1)) {
            p.add("the reverberation probability must be in [0, 1], got " + reverbProbability);
        }
        if (!(rt60MinSeconds > 0 && rt60MinSeconds <= rt60MaxSeconds && rt60MaxSeconds <= 5)) {
            p.add("reverberation times must satisfy 0 < min <= max <= 5 s, got " + rt60MinSeconds + " and "
                + rt60MaxSeconds);
        }
        if (!(channelProbability >= 0 && channelProbability <= 1)) {
            p.add("the channel probability must be in [0, 1], got " + channelProbability);
        }
        if (!(gainDb >= 0 && gainDb <= 40)) {
            p.add("the gain range must be in [0, 40] dB, got " + gainDb);
        }
        return p;
    }

    /**
     * The generator of one draw.
     *
     * @param seed the run's seed
     * @param epoch the 0-based epoch
     * @param draw the draw's position within the epoch
     * @return a generator that depends on nothing else
     */
    public static Random random(long seed, int epoch, long draw) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h = (h ^ (epoch + 0x632BE59BD9B4E019L)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (draw + 0x85157AF5L)) * 0x94D049BB133111EBL;
        return new Random(h ^ (h >>> 31));
    }

    /**
     * Applies the settings to one clip.
     *
     * @param clip the clip's samples (not changed)
     * @param random this draw's generator
     * @param others other training clips by index in [0, {@code count}), for babble noise
     * @param count how many clips {@code others} has, 0 for none (babble is then replaced by pink noise)
     * @param minimumSamples the shortest clip the network takes: a speed-up that would make the clip shorter is
     *     skipped
     * @return new samples
     */
    public float[] apply(float[] clip, Random random, IntFunction<float[]> others, int count, int minimumSamples) {
        float[] x = crop(clip, cropSamples, random);
        if (speedMin != 1 || speedMax != 1) {
            double factor = speedMin + (speedMax - speedMin) * random.nextDouble();
            if ((x.length - 1) / factor + 1 >= minimumSamples) {
                x = speed(x, factor);
            }
        }
        if (reverbProbability > 0 && random.nextDouble() < reverbProbability) {
            double rt60 = rt60MinSeconds + (rt60MaxSeconds - rt60MinSeconds) * random.nextDouble();
            // Direct-to-reverberant ratio from a close microphone (12 dB) to the far end of a room (-3 dB).
            double drrDb = -3 + 15 * random.nextDouble();
            x = reverberate(x, CLIP_RATE, rt60, drrDb, random);
        }
        if (channelProbability > 0 && random.nextDouble() < channelProbability) {
            x = colour(x, CLIP_RATE, Channel.draw(random, CLIP_RATE));
        }
        if (noiseProbability > 0 && random.nextDouble() < noiseProbability) {
            double snr = snrMinDb + (snrMaxDb - snrMinDb) * random.nextDouble();
            int kind = random.nextInt(3);
            float[] noise = kind == 0 ? white(x.length, random)
                : kind == 1 || count == 0 ? pink(x.length, random) : babble(x.length, random, others, count);
            addAtSnr(x, noise, snr);
        }
        if (gainDb > 0) {
            float g = (float) Math.pow(10, (random.nextDouble() * 2 - 1) * gainDb / 20);
            for (int i = 0; i < x.length; i++) {
                x[i] *= g;
            }
        }
        return x;
    }

    /**
     * A random window of at most {@code length} samples; a shorter clip is copied whole.
     *
     * @param clip the samples
     * @param length the window, or 0 for the whole clip
     * @param random where the window starts
     * @return a new array
     */
    static float[] crop(float[] clip, int length, Random random) {
        if (length <= 0 || clip.length <= length) {
            return clip.clone();
        }
        int start = random.nextInt(clip.length - length + 1);
        float[] out = new float[length];
        System.arraycopy(clip, start, out, 0, length);
        return out;
    }

    /**
     * Plays a clip {@code factor} times faster by linear interpolation: {@code n / factor} samples. Linear
     * interpolation aliases a little above a few kHz, which is harmless for augmentation and 20x cheaper than a
     * band-limited resampler.
     *
     * @param x the samples
     * @param factor the speed, above 1 faster
     * @return a new array
     */
    static float[] speed(float[] x, double factor) {
        int n = Math.max(1, (int) Math.floor((x.length - 1) / factor) + 1);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double pos = i * factor;
            int j = (int) pos;
            double frac = pos - j;
            float a = x[Math.min(j, x.length - 1)];
            float b = x[Math.min(j + 1, x.length - 1)];
            out[i] = (float) (a + (b - a) * frac);
        }
        return out;
    }

    /**
     * Uniform white noise in [-1, 1). Drawn with an inline xorshift generator seeded from {@code random}, since
     * {@code Random.nextGaussian} per sample took half of a training epoch's time on 2 cores (jstack samples).
     */
    static float[] white(int n, Random random) {
        float[] noise = new float[n];
        long state = random.nextLong() | 1;
        for (int i = 0; i < n; i++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            noise[i] = (state >>> 40) * 0x1.0p-23f - 1f;
        }
        return noise;
    }

    /** Pink (1/f) noise from white noise through Paul Kellet's economy filter (within 0.5 dB above 40 Hz). */
    static float[] pink(int n, Random random) {
        float[] white = white(n, random);
        float[] noise = new float[n];
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        for (int i = 0; i < n; i++) {
            double w = white[i];
            b0 = 0.99765 * b0 + w * 0.0990460;
            b1 = 0.96300 * b1 + w * 0.2965164;
            b2 = 0.57000 * b2 + w * 1.0526913;
            noise[i] = (float) (b0 + b1 + b2 + w * 0.1848);
        }
        return noise;
    }

    /** Two to four other clips at random offsets, summed: speech-shaped noise with no single clear voice. */
    static float[] babble(int n, Random random, IntFunction<float[]> others, int count) {
        float[] noise = new float[n];
        int voices = 2 + random.nextInt(3);
        for (int v = 0; v < voices; v++) {
            float[] other = others.apply(random.nextInt(count));
            if (other.length == 0) {
                continue;
            }
            int offset = random.nextInt(other.length);
            for (int i = 0; i < n; i++) {
                noise[i] += other[(offset + i) % other.length];
            }
        }
        return noise;
    }

    /** The rate of every training clip (the network's input rate). */
    private static final int CLIP_RATE = 16_000;
    /** Delays of the parallel comb filters, seconds: mutually prime in samples, as in Schroeder's design. */
    private static final double[] COMB_DELAYS = {0.0297, 0.0371, 0.0411, 0.0437};
    /** Delays of the series all-pass filters, seconds, which thicken the echo density. */
    private static final double[] ALLPASS_DELAYS = {0.0050, 0.0017};
    private static final double ALLPASS_GAIN = 0.7;

    /**
     * A simulated room: Schroeder's reverberator (four parallel feedback combs whose gains give the reverberation
     * time {@code rt60}, then two all-pass filters), its delays jittered by up to 15 % per draw so that rooms differ,
     * mixed with the dry clip at the direct-to-reverberant ratio {@code drrDb} and scaled back to the clip's power.
     * A recursive filter rather than a convolution with a measured impulse response: no impulse responses can be
     * shipped (their licences vary), and it costs about 12 operations a sample where a 0.5 s response convolved by FFT
     * on a 3 s crop costs several hundred.
     *
     * @param x the clip (not changed)
     * @param sampleRate its rate
     * @param rt60 the time for the tail to fall 60 dB, seconds
     * @param drrDb the power of the dry clip over the reverberant part, dB
     * @param random jitter of the delays
     * @return a new array as long as the clip
     */
    static float[] reverberate(float[] x, int sampleRate, double rt60, double drrDb, Random random) {
        int n = x.length;
        double[] wet = new double[n];
        for (double seconds : COMB_DELAYS) {
            int d = Math.max(1, (int) Math.round(seconds * (0.85 + 0.3 * random.nextDouble()) * sampleRate));
            double g = Math.pow(10, -3.0 * d / (rt60 * sampleRate));
            double[] line = new double[d];
            int at = 0;
            for (int i = 0; i < n; i++) {
                double y = x[i] + g * line[at];
                line[at] = y;
                at = at + 1 == d ? 0 : at + 1;
                wet[i] += y;
            }
        }
        for (double seconds : ALLPASS_DELAYS) {
            int d = Math.max(1, (int) Math.round(seconds * (0.85 + 0.3 * random.nextDouble()) * sampleRate));
            double[] line = new double[d];
            int at = 0;
            for (int i = 0; i < n; i++) {
                double delayed = line[at];
                double v = wet[i] + ALLPASS_GAIN * delayed;
                line[at] = v;
                at = at + 1 == d ? 0 : at + 1;
                wet[i] = delayed - ALLPASS_GAIN * v;
            }
        }
        double dry = power(x);
        double wetPower = 0;
        for (double v : wet) {
            wetPower += v * v;
        }
        wetPower = n == 0 ? 0 : wetPower / n;
        float[] out = x.clone();
        if (dry <= 0 || wetPower <= 0) {
            return out;
        }
        double wetScale = Math.sqrt(dry / (wetPower * Math.pow(10, drrDb / 10)));
        double mixed = 0;
        for (int i = 0; i < n; i++) {
            double v = x[i] + wet[i] * wetScale;
            out[i] = (float) v;
            mixed += v * v;
        }
        float back = (float) Math.sqrt(dry / (mixed / n));
        for (int i = 0; i < n; i++) {
            out[i] *= back;
        }
        return out;
    }

    /**
     * A microphone and channel: a band from {@link #highPassHz} to {@link #lowPassHz} (second-order Butterworth
     * edges), a tilt (high shelf at 1 kHz of {@link #tiltDb}) and one resonance or dip (a peaking filter at
     * {@link #peakHz}, {@link #peakDb}, quality {@link #peakQ}). The held-out corpora differ most in microphones and
     * rooms, which a network trained on a few studios otherwise takes for emotion.
     *
     * @param highPassHz the lower band edge
     * @param lowPassHz the upper band edge; at or above 0.49 of the rate there is none
     * @param tiltDb the high shelf's gain
     * @param peakHz the peaking filter's centre
     * @param peakDb its gain
     * @param peakQ its quality
     */
    record Channel(double highPassHz, double lowPassHz, double tiltDb, double peakHz, double peakDb, double peakQ) {
        /**
         * A random channel: band edges 50-300 Hz and 3.4-8 kHz (a telephone to a studio microphone), tilt +-6 dB,
         * a peak or dip of up to 10 dB between 300 Hz and 4 kHz (log-uniform), quality 0.5-2.
         */
        static Channel draw(Random random, int sampleRate) {
            double high = 50 * Math.pow(6, random.nextDouble());
            double low = 3400 * Math.pow(8000 / 3400.0, random.nextDouble());
            double tilt = (random.nextDouble() * 2 - 1) * 6;
            double peak = 300 * Math.pow(4000 / 300.0, random.nextDouble());
            double peakDb = (random.nextDouble() * 2 - 1) * 10;
            double q = 0.5 + 1.5 * random.nextDouble();
            return new Channel(high, Math.min(low, 0.49 * sampleRate), tilt, peak, peakDb, q);
        }
    }

    /**
     * Passes a clip through a channel's filters (RBJ's cookbook biquads, direct form I in double precision) and
     * scales it back to its power, so that the channel changes the colour and not the level.
     *
     * @param x the samples
     * @param sampleRate their rate
     * @param channel the filters
     * @return new samples
     */
    static float[] colour(float[] x, int sampleRate, Channel channel) {
        double before = power(x);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        double w;
        double alpha;
        // Butterworth edges: Q = 1/sqrt(2)
        double butterworth = Math.sqrt(0.5);
        w = 2 * Math.PI * channel.highPassHz() / sampleRate;
        alpha = Math.sin(w) / (2 * butterworth);
        biquad(y, (1 + Math.cos(w)) / 2, -(1 + Math.cos(w)), (1 + Math.cos(w)) / 2,
            1 + alpha, -2 * Math.cos(w), 1 - alpha);
        if (channel.lowPassHz() < 0.49 * sampleRate) {
            w = 2 * Math.PI * channel.lowPassHz() / sampleRate;
            alpha = Math.sin(w) / (2 * butterworth);
            biquad(y, (1 - Math.cos(w)) / 2, 1 - Math.cos(w), (1 - Math.cos(w)) / 2,
                1 + alpha, -2 * Math.cos(w), 1 - alpha);
        }
        // high shelf at 1 kHz, slope 1
        double a = Math.pow(10, channel.tiltDb() / 40);
        w = 2 * Math.PI * 1000 / sampleRate;
        alpha = Math.sin(w) / 2 * Math.sqrt(2);
        double cos = Math.cos(w);
        double root = 2 * Math.sqrt(a) * alpha;
        biquad(y, a * ((a + 1) + (a - 1) * cos + root), -2 * a * ((a - 1) + (a + 1) * cos),
            a * ((a + 1) + (a - 1) * cos - root), (a + 1) - (a - 1) * cos + root, 2 * ((a - 1) - (a + 1) * cos),
            (a + 1) - (a - 1) * cos - root);
        a = Math.pow(10, channel.peakDb() / 40);
        w = 2 * Math.PI * channel.peakHz() / sampleRate;
        alpha = Math.sin(w) / (2 * channel.peakQ());
        cos = Math.cos(w);
        biquad(y, 1 + alpha * a, -2 * cos, 1 - alpha * a, 1 + alpha / a, -2 * cos, 1 - alpha / a);
        double after = 0;
        for (double v : y) {
            after += v * v;
        }
        after = y.length == 0 ? 0 : after / y.length;
        double scale = after > 0 ? Math.sqrt(before / after) : 1;
        float[] out = new float[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (y[i] * scale);
        }
        return out;
    }

    /** One biquad section in place, coefficients normalised by {@code a0}. */
    private static void biquad(double[] y, double b0, double b1, double b2, double a0, double a1, double a2) {
        double nb0 = b0 / a0;
        double nb1 = b1 / a0;
        double nb2 = b2 / a0;
        double na1 = a1 / a0;
        double na2 = a2 / a0;
        double x1 = 0;
        double x2 = 0;
        double y1 = 0;
        double y2 = 0;
        for (int i = 0; i < y.length; i++) {
            double in = y[i];
            double out = nb0 * in + nb1 * x1 + nb2 * x2 - na1 * y1 - na2 * y2;
            x2 = x1;
            x1 = in;
            y2 = y1;
            y1 = out;
            y[i] = out;
        }
    }

    /**
     * Adds noise scaled so that the clip's power over the noise's is {@code snrDb}. Silent clips or noise are left
     * alone.
     *
     * @param x the clip, changed in place
     * @param noise as long as the clip
     * @param snrDb the signal-to-noise ratio
     */
    static void addAtSnr(float[] x, float[] noise, double snrDb) {
        double signal = power(x);
        double noisePower = power(noise);
        if (signal <= 0 || noisePower <= 0) {
            return;
        }
        float scale = (float) Math.sqrt(signal / (noisePower * Math.pow(10, snrDb / 10)));
        for (int i = 0; i < x.length; i++) {
            x[i] += noise[i] * scale;
        }
    }

    static double power(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += (double) v * v;
        }
        return x.length == 0 ? 0 : sum / x.length;
    }

    /**
     * The settings in one line, for the log and the model card.
     *
     * @param sampleRate the rate of the clips, to write the crop in seconds
     * @return such as {@code crops of 3.0 s, speed 0.9-1.1, noise on 50 % at 5-30 dB SNR, gain +-6 dB}
     */
    public String describe(int sampleRate) {
        List<String> parts = new ArrayList<>();
        parts.add(cropSamples > 0 ? String.format(Locale.ROOT, "random crops of at most %.1f s",
            cropSamples / (double) sampleRate) : "whole clips");
        if (speedMin != 1 || speedMax != 1) {
            parts.add(String.format(Locale.ROOT, "speed %.2f-%.2f", speedMin, speedMax));
        }
        if (reverbProbability > 0) {
            parts.add(String.format(Locale.ROOT, "a simulated room (RT60 %.1f-%.1f s) on %.0f %% of clips",
                rt60MinSeconds, rt60MaxSeconds, 100 * reverbProbability));
        }
        if (channelProbability > 0) {
            parts.add(String.format(Locale.ROOT, "a random microphone and channel (band 50-300 Hz to 3.4-8 kHz, tilt "
                + "+-6 dB, a peak or dip of up to 10 dB) on %.0f %% of clips", 100 * channelProbability));
        }
        if (noiseProbability > 0) {
            parts.add(String.format(Locale.ROOT, "white, pink or babble noise on %.0f %% of clips at %.0f-%.0f dB SNR",
                100 * noiseProbability, snrMinDb, snrMaxDb));
        }
        if (gainDb > 0) {
            parts.add(String.format(Locale.ROOT, "gain +-%.0f dB", gainDb));
        }
        return String.join(", ", parts);
    }
}
