package io.auralis.ser.bench;

import java.util.Comparator;
import java.util.List;

/**
 * What one {@code ser bench} run measured.
 *
 * @param device the device the networks ran on, such as {@code cpu}
 * @param pytorchThreads PyTorch's intra-op thread count, or -1 when it could not be read
 * @param cores the processors the JVM sees
 * @param clipSeconds the length of every clip
 * @param architectures the figures per network, in the order measured
 */
public record SerBenchResult(String device, int pytorchThreads, int cores, double clipSeconds,
                             List<Network> architectures) {

    /**
     * The figures of one network.
     *
     * @param architecture the architecture id, such as {@code cnn18gru}
     * @param model {@code random weights}, or the model directory's name when {@code --model} named one
     * @param parameters trainable parameters
     * @param inference one figure per batch size, ascending
     * @param training the training figure, or {@code null} when no training steps were asked for
     */
    public record Network(String architecture, String model, long parameters, List<Pass> inference,
                          Pass training) {

        /**
         * The inference figure at the smallest batch measured (batch 1 unless {@code --batches} leaves it out).
         *
         * @return the figure, or {@code null} when none was measured
         */
        public Pass smallestBatch() {
            return inference.isEmpty() ? null : inference.get(0);
        }

        /**
         * The inference figure with the highest real-time factor.
         *
         * @return the figure, or {@code null} when none was measured
         */
        public Pass bestBatch() {
            return inference.stream().max(Comparator.comparingDouble(Pass::realTimeFactor)).orElse(null);
        }
    }

    /**
     * One timed stretch of work: forward passes at one batch size, or training steps.
     *
     * @param batch clips per forward pass or training step
     * @param passes passes or steps timed
     * @param audioSeconds audio those passes or steps went through
     * @param wallSeconds wall-clock time they took
     * @param cpuSeconds CPU time of the whole process meanwhile (all threads, user and system), or NaN when the
     *     operating system does not say
     */
    public record Pass(int batch, int passes, double audioSeconds, double wallSeconds, double cpuSeconds) {

        /**
         * Audio seconds per wall-clock second: for inference the real-time factor, for training the throughput.
         *
         * @return the rate
         */
        public double realTimeFactor() {
            return audioSeconds / wallSeconds;
        }

        /**
         * Audio seconds per CPU second, which a busy machine disturbs less than the wall-clock rate.
         *
         * @return the rate, or NaN when the CPU time is unknown
         */
        public double perCpuSecond() {
            return cpuSeconds > 0 ? audioSeconds / cpuSeconds : Double.NaN;
        }
    }
}
