package io.auralis.audio.resample;

import io.auralis.api.audio.AudioStream;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

/**
 * Measures how fast each resampler converts the common rates, for {@code docs/benchmarks.md}; not a test (surefire
 * does not run it, and a wall-clock figure is no pass or fail on a shared machine). Each rate pair resamples
 * {@code seconds} of noise per pass, alternating the resamplers so that both see the same load; the best pass of each
 * is printed, as times real time per core (audio seconds per second of this thread's CPU time, which other processes
 * on a shared machine disturb less than wall time) and the polyphase one's speed-up.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:&lt;api jar&gt;:&lt;TarsosDSP jar&gt; \
 *     io.auralis.audio.resample.ResamplerBenchmark 60 5
 * </pre>
 */
public final class ResamplerBenchmark {

    private static final int[][] PAIRS = {
        {48000, 16000}, {44100, 16000}, {32000, 16000}, {24000, 16000}, {22050, 16000}, {8000, 16000},
        {16000, 48000}, {16000, 44100}, {96000, 16000},
    };

    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    private ResamplerBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args seconds of audio per pass (default 60), passes (default 5)
     * @throws IOException never: the audio is generated
     */
    public static void main(String[] args) throws IOException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ResamplerFilters filters = new ResamplerFilters();
        float[] buffer = new float[4096];
        System.out.printf("%-16s %12s %12s %9s%n", "rates", "polyphase", "tarsosdsp", "speed-up");
        for (int[] pair : PAIRS) {
            float[] noise = noise(pair[0]);
            double[] best = new double[ResamplerKind.values().length];
            for (int pass = 0; pass < passes; pass++) {
                for (ResamplerKind kind : ResamplerKind.values()) {
                    long start = THREAD.getCurrentThreadCpuTime();
                    try (AudioStream stream = filters.resample(
                        new LoopedStream(pair[0], noise, (long) seconds * pair[0]), pair[1], kind)) {
                        while (stream.read(buffer, 0, buffer.length) > 0) {
                            // Only the time counts.
                        }
                    }
                    double speed = seconds / ((THREAD.getCurrentThreadCpuTime() - start) / 1e9);
                    best[kind.ordinal()] = Math.max(best[kind.ordinal()], speed);
                }
            }
            System.out.printf("%-16s %11.0fx %11.0fx %8.1fx%n", pair[0] + " -> " + pair[1],
                best[ResamplerKind.POLYPHASE.ordinal()], best[ResamplerKind.TARSOSDSP.ordinal()],
                best[ResamplerKind.POLYPHASE.ordinal()] / best[ResamplerKind.TARSOSDSP.ordinal()]);
        }
    }

    /** A second of white noise at half scale, looped: the resamplers' cost does not depend on the signal. */
    private static float[] noise(int rate) {
        Random random = new Random(1);
        float[] x = new float[rate];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 0.25);
        }
        return x;
    }
}
