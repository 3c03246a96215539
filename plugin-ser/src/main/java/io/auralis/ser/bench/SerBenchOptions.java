package io.auralis.ser.bench;

import io.auralis.ser.model.Architecture;
import java.util.List;

/**
 * The settings of one {@code ser bench} run, as the command line gave them (validated there).
 *
 * @param architectures the networks to build with random weights; empty when {@code model} is set
 * @param model a model directory or name to measure instead, or {@code null}
 * @param clipSeconds length of every clip
 * @param batches the inference batch sizes, ascending, without repeats
 * @param trainBatch clips per training step
 * @param trainSteps measured training steps (after {@link #WARMUP_STEPS} not measured)
 * @param minSeconds the least time each inference figure is measured for
 * @param device the device option ({@code auto}, {@code cpu}, {@code gpu}, {@code gpu:N}), or {@code null}
 * @param json whether to print JSON instead of a table
 */
public record SerBenchOptions(List<Architecture> architectures, String model, double clipSeconds, List<Integer> batches,
                              int trainBatch, int trainSteps, double minSeconds, String device, boolean json) {

    /** Training steps run before the measured ones: the first steps allocate and tune kernels. */
    public static final int WARMUP_STEPS = 2;

    /**
     * The clip length in samples at the networks' 16 kHz.
     *
     * @return {@link #clipSeconds} in samples
     */
    public int clipSamples() {
        return (int) Math.round(clipSeconds * 16000);
    }
}
