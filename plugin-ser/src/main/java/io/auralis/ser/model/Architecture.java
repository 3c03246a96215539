package io.auralis.ser.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The four published CNN-n-GRU variants as data: one row per convolution, saying its output channels, which
 * batch-norm layer normalises it and whether a max-pool follows.
 *
 * <p>The first convolution always has kernel 160 and stride 4 on the raw waveform; every later one has kernel 3,
 * stride 1 and padding 1, so only the first convolution and the pools change the length of the sequence.
 */
public enum Architecture {
    /** Two convolutions of 6 channels; fc1 6 to 3. */
    CNN3("cnn3gru", new int[] {6, 6}, new int[] {1, 2}, 3),
    /** Four convolutions 5, 5, 10, 20, each pooled; fc1 20 to 10. */
    CNN5("cnn5gru", new int[] {5, 5, 10, 20}, new int[] {1, 2, 3, 4}, 10),
    /**
     * Ten convolutions up to 88 channels; fc1 88 to 44. As published, conv3's output is normalised by bn1; bn3
     * exists (and is in every checkpoint) but is unused.
     */
    CNN11("cnn11gru", new int[] {11, 11, 11, 22, 22, 44, 44, 44, 88, 88}, new int[] {1, 3, 5, 8}, 44, 3, 1),
    /** Seventeen convolutions up to 144 channels; fc1 144 to 72. */
    CNN18("cnn18gru",
        new int[] {18, 18, 18, 18, 18, 36, 36, 36, 36, 72, 72, 72, 72, 144, 144, 144, 144},
        new int[] {1, 5, 9, 13}, 72);

    /** Kernel size of the first convolution, in samples. */
    public static final int FIRST_KERNEL = 160;
    /** Stride of the first convolution, in samples. */
    public static final int FIRST_STRIDE = 4;
    /** Kernel and stride of every max-pool. */
    public static final int POOL = 4;
    /** Kernel size of every convolution after the first. */
    public static final int KERNEL = 3;

    private final String id;
    private final List<ConvLayer> layers;
    private final int fc1Units;

    Architecture(String id, int[] channels, int[] poolAfter, int fc1Units, int... normOverride) {
        this.id = id;
        Set<Integer> pools = new TreeSet<>();
        Arrays.stream(poolAfter).forEach(pools::add);
        List<ConvLayer> list = new ArrayList<>();
        int in = 1;
        for (int i = 0; i < channels.length; i++) {
            int layer = i + 1;
            int norm = layer;
            // normOverride holds (layer, norm) pairs: the published cnn11gru reuses bn1 after conv3
            for (int k = 0; k + 1 < normOverride.length; k += 2) {
                if (normOverride[k] == layer) {
                    norm = normOverride[k + 1];
                }
            }
            list.add(new ConvLayer(layer, in, channels[i], i == 0 ? FIRST_KERNEL : KERNEL,
                i == 0 ? FIRST_STRIDE : 1, i == 0 ? 0 : KERNEL / 2, norm, pools.contains(layer)));
            in = channels[i];
        }
        this.layers = Collections.unmodifiableList(list);
        this.fc1Units = fc1Units;
    }

    /**
     * The name used in {@code model.json}, on the command line and in the paper, such as {@code cnn18gru}.
     *
     * @return the lower-case id
     */
    public String id() {
        return id;
    }

    /**
     * The convolutions in order.
     *
     * @return one entry per convolution, {@code conv1} first
     */
    public List<ConvLayer> layers() {
        return layers;
    }

    /**
     * Output channels of the last convolution, which is the input width of fc1.
     *
     * @return channels
     */
    public int cnnChannels() {
        return layers.get(layers.size() - 1).outChannels();
    }

    /**
     * Output width of fc1, which is the input width of the GRU.
     *
     * @return units
     */
    public int fc1Units() {
        return fc1Units;
    }

    /**
     * The number of time steps the convolutional stack produces for an input of {@code samples} samples.
     *
     * @param samples the input length
     * @return time steps after the last convolution, 0 when the input is too short
     */
    public long outputFrames(long samples) {
        if (samples < FIRST_KERNEL) {
            return 0;
        }
        long frames = 0;
        for (ConvLayer layer : layers) {
            if (layer.index() == 1) {
                frames = firstLayerFrames(samples);
            }
            if (layer.poolAfter()) {
                frames /= POOL;
            }
        }
        return frames;
    }

    /**
     * The number of frames the first convolution (kernel {@value #FIRST_KERNEL}, stride {@value #FIRST_STRIDE}, no
     * padding) produces, before any pool.
     *
     * @param samples the input length, at least {@value #FIRST_KERNEL}
     * @return frames
     */
    public static long firstLayerFrames(long samples) {
        return (samples - FIRST_KERNEL) / FIRST_STRIDE + 1;
    }

    /**
     * The shortest input the network accepts: every pool needs at least one full window. That is 220 samples
     * (13.75 ms at 16 kHz) for cnn3gru and 1180 samples (73.75 ms) for the others.
     *
     * @return samples
     */
    public int minimumSamples() {
        long needed = 1;
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i).poolAfter()) {
                needed *= POOL;
            }
        }
        return (int) ((needed - 1) * FIRST_STRIDE + FIRST_KERNEL);
    }

    /**
     * Finds an architecture by id, case-insensitively; {@code cnn18} and {@code cnn18gru} both name {@link #CNN18}.
     *
     * @param name the name
     * @return the architecture
     * @throws IllegalArgumentException naming the known architectures when none matches
     */
    public static Architecture fromId(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace("-", "");
        for (Architecture a : values()) {
            if (a.id.equals(n) || a.id.equals(n + "gru") || a.name().toLowerCase(Locale.ROOT).equals(n)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + name + "' (expected one of cnn3gru, cnn5gru, "
            + "cnn11gru, cnn18gru)");
    }

    /**
     * One convolution of the stack, followed by batch norm, LeakyReLU and optionally a max-pool.
     *
     * @param index 1-based position, as in the PyTorch names ({@code conv1})
     * @param inChannels input channels
     * @param outChannels output channels
     * @param kernel kernel size
     * @param stride stride
     * @param padding zero padding on each side
     * @param norm 1-based index of the batch-norm layer applied to this convolution's output
     * @param poolAfter whether a max-pool of {@link #POOL} follows the activation
     */
    public record ConvLayer(int index, int inChannels, int outChannels, int kernel, int stride, int padding, int norm,
                            boolean poolAfter) {
    }
}
