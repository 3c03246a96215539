package io.auralis.audio.resample;

import io.auralis.api.audio.AudioStream;
import io.auralis.audio.Samples;

import java.io.IOException;

/** Test signals and the measurements the resampler's quality tests take on them. */
final class Signals {

    private Signals() {
    }

    /** {@code amplitude * sin(2 pi f n / rate)}, its phase computed in double from the sample index. */
    static float[] tone(double frequency, double amplitude, int rate, int frames) {
        float[] x = new float[frames];
        for (int n = 0; n < frames; n++) {
            x[n] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * n / rate));
        }
        return x;
    }

    /** A linear sweep from 0 Hz to {@code to} Hz over {@code frames} samples. */
    static float[] sweep(double to, double amplitude, int rate, int frames) {
        float[] x = new float[frames];
        double duration = frames / (double) rate;
        for (int n = 0; n < frames; n++) {
            double t = n / (double) rate;
            x[n] = (float) (amplitude * Math.sin(Math.PI * to / duration * t * t));
        }
        return x;
    }

    /** The sweep's frequency at output sample {@code k} of a stream at {@code rate}. */
    static double sweepFrequency(double to, int sweepFrames, int sweepRate, long k, int rate) {
        return to * (k / (double) rate) / (sweepFrames / (double) sweepRate);
    }

    /** Resamples with the polyphase resampler, reading in pieces of 4096. */
    static float[] resample(float[] x, int from, int to) throws IOException {
        try (AudioStream stream = new PolyphaseResamplingStream(LoopedStream.of(from, x),
            PolyphaseFilter.design(from, to))) {
            return Samples.readAll(stream, 4096);
        }
    }

    /**
     * The amplitude of a sinusoid of the given frequency in {@code x[from, to)}, by least squares on its sine and
     * cosine: exact for a pure tone, whatever the number of cycles.
     */
    static double amplitude(float[] x, int from, int to, double frequency, int rate) {
        double ss = 0;
        double cc = 0;
        double sc = 0;
        double xs = 0;
        double xc = 0;
        for (int n = from; n < to; n++) {
            double w = 2 * Math.PI * frequency * n / rate;
            double s = Math.sin(w);
            double c = Math.cos(w);
            ss += s * s;
            cc += c * c;
            sc += s * c;
            xs += x[n] * s;
            xc += x[n] * c;
        }
        double det = ss * cc - sc * sc;
        double a = (xs * cc - xc * sc) / det;
        double b = (xc * ss - xs * sc) / det;
        return Math.hypot(a, b);
    }

    static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int n = from; n < to; n++) {
            sum += x[n] * (double) x[n];
        }
        return Math.sqrt(sum / (to - from));
    }

    static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }
}
