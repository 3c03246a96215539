package io.auralis.ser.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CNN-n-GRU network as a DJL block: raw waveform {@code [batch, 1, samples]} (or {@code [batch, samples]}) in,
 * log-probabilities {@code [batch, classes]} out. Built by {@link CnnGru#builder()}.
 *
 * <p>Its parameters carry the PyTorch {@code state_dict} names of the published code ({@link #stateDict()}), so a
 * reference checkpoint maps onto it one tensor at a time.
 *
 * <p><b>Batches of clips of different lengths.</b> A second input, the valid length of each clip in samples
 * ({@code int64 [batch]}), makes a zero-padded batch give every clip exactly its result alone: each layer's valid
 * length is carried through the convolutions and pools, the positions past it are zeroed after every layer (so the
 * next convolution's padding reads zeros, as it does at the end of a lone clip), and the mean over time counts valid
 * frames only; the temporal head reads the GRU at each clip's last valid step. Without the second input, or when
 * every clip fills the batch, nothing is masked and the forward pass is the published one. In training, batch norm
 * still takes its statistics over padded positions too; training crops keep those few.
 */
public final class CnnGruBlock extends AbstractBlock {

    /**
     * Version 2 adds the instance-norm flag to the metadata, version 3 the log-spectrum flag, version 4 the number of
     * corpora of the adversary, version 5 the arousal-head flag; older streams load as without them.
     */
    private static final byte VERSION = 5;
    /** Outputs of the arousal head: low, neutral, high. */
    public static final int AROUSAL_LEVELS = 3;
    /** Units of the adversary's hidden layer. */
    static final int ADVERSARY_UNITS = 32;
    /** Slope of every LeakyReLU, PyTorch's default. */
    static final float LEAKY_SLOPE = 0.01f;
    private static final Shape POOL = new Shape(Architecture.POOL);
    private static final Shape NO_PADDING = new Shape(0);
    /** Batch-norm epsilon, PyTorch's and DJL's default, set explicitly because folding depends on it. */
    static final float NORM_EPSILON = 1e-5f;
    /** Added to the per-clip variance of {@link #instanceNorm()}, PyTorch's InstanceNorm1d default. */
    static final float INSTANCE_EPSILON = 1e-5f;
    /** Frequency bins of the {@link #logSpectrum()} front end: a real FFT over the first layer's 160-sample window. */
    static final int SPECTRUM_BINS = Architecture.FIRST_KERNEL / 2 + 1;
    /** Added to each bin's power before the log, so silence and digital zero give a finite floor. */
    static final float SPECTRUM_FLOOR = 1e-6f;

    private final Architecture architecture;
    private final int numClasses;
    private final int hidden;
    private final int layers;
    private final float dropout;
    private final boolean temporal;
    private final boolean instanceNorm;
    private final boolean logSpectrum;
    private final int adversaryCorpora;
    private final float adversaryWeight;
    private final boolean arousalHead;

    private final List<Conv1d> convs = new ArrayList<>();
    private final List<BatchNorm> norms = new ArrayList<>();
    private final Linear fc1;
    private final GRU gru;
    private final Linear fc2;
    /** The adversary's two layers, null without one. */
    private final Linear adv1;
    private final Linear adv2;
    /** The arousal head, null without one. */
    private final Linear aro;
    /** Per convolution, its weight and bias with the following batch norm folded in; null until folded. */
    private volatile List<NDArray[]> folded;

    CnnGruBlock(Architecture architecture, int numClasses, int hidden, int layers, float dropout, boolean temporal,
                boolean instanceNorm, boolean logSpectrum, int adversaryCorpora, float adversaryWeight,
                boolean arousalHead) {
        super(VERSION);
        this.arousalHead = arousalHead;
        this.adversaryCorpora = adversaryCorpora;
        this.adversaryWeight = adversaryWeight;
        this.instanceNorm = instanceNorm;
        this.logSpectrum = logSpectrum;
        this.architecture = architecture;
        this.numClasses = numClasses;
        this.hidden = hidden;
        this.layers = layers;
        this.dropout = dropout;
        this.temporal = temporal;
        for (Architecture.ConvLayer layer : architecture.layers()) {
            // with the log spectrum, conv1 mixes the bins of each frame: the spectrum already did the window and stride
            boolean mixBins = logSpectrum && layer.index() == 1;
            convs.add(addChildBlock("conv" + layer.index(), Conv1d.builder()
                .setKernelShape(new Shape(mixBins ? 1 : layer.kernel()))
                .optStride(new Shape(mixBins ? 1 : layer.stride()))
                .optPadding(new Shape(mixBins ? 0 : layer.padding()))
                .setFilters(layer.outChannels())
                .build()));
            // every bnN exists, even the one the cnn11gru quirk leaves unused, so checkpoints map one to one
            norms.add(addChildBlock("bn" + layer.index(), BatchNorm.builder().optAxis(1).optEpsilon(NORM_EPSILON).build()));
        }
        fc1 = addChildBlock("fc1", Linear.builder().setUnits(architecture.fc1Units()).build());
        gru = addChildBlock("gru1", GRU.builder()
            .setStateSize(hidden)
            .setNumLayers(layers)
            .optBatchFirst(true)
            // PyTorch applies GRU dropout only between stacked layers and the published code passes 0 for one layer
            .optDropRate(layers > 1 ? dropout : 0f)
            .optReturnState(false)
            .build());
        fc2 = addChildBlock("fc2", Linear.builder().setUnits(numClasses).build());
        // added last, so a stream without an adversary is a prefix of the same children's order
        adv1 = adversaryCorpora == 0 ? null : addChildBlock("adv1", Linear.builder().setUnits(ADVERSARY_UNITS).build());
        adv2 = adversaryCorpora == 0 ? null : addChildBlock("adv2", Linear.builder().setUnits(adversaryCorpora).build());
        aro = arousalHead ? addChildBlock("aro", Linear.builder().setUnits(AROUSAL_LEVELS).build()) : null;
    }

    /**
     * The variant.
     *
     * @return the architecture this block was built for
     */
    public Architecture architecture() {
        return architecture;
    }

    /**
     * The number of classes of the output.
     *
     * @return classes
     */
    public int numClasses() {
        return numClasses;
    }

    /**
     * The GRU's hidden size.
     *
     * @return units per layer
     */
    public int hidden() {
        return hidden;
    }

    /**
     * The number of stacked GRU layers.
     *
     * @return layers
     */
    public int layers() {
        return layers;
    }

    /**
     * The dropout rate before fc2 (and between GRU layers when there are several); active only in training.
     *
     * @return a rate in [0, 1)
     */
    public float dropout() {
        return dropout;
    }

    /**
     * Whether the GRU runs over the CNN's time steps instead of over their mean.
     *
     * @return {@code true} for the temporal variant
     */
    public boolean temporal() {
        return temporal;
    }

    /**
     * Whether each channel of the first layer's output is normalised over the clip's valid frames (zero mean, unit
     * variance), so a clip's level and spectral colouring per learned band, which follow the microphone and room
     * more than the speaker's emotion, do not reach the deeper layers.
     *
     * @return {@code true} when the per-clip normalisation is on
     */
    public boolean instanceNorm() {
        return instanceNorm;
    }

    /**
     * Whether the first layer reads the clip's log power spectrum instead of its samples: a Hann-windowed FFT over
     * the first convolution's 160-sample window at a hop of 16 samples (1 ms, the stride of conv1 times the pool
     * after it, which every architecture has, so every later length is as without it), the log of each of its
     * {@value #SPECTRUM_BINS} bins' power, then conv1 as a 1-wide mix of the bins, without that pool. The log makes a
     * microphone's or room's colouring an offset per bin and compresses level, where the raw-waveform filters see
     * them as products.
     *
     * @return {@code true} for the log-spectrum front end
     */
    public boolean logSpectrum() {
        return logSpectrum;
    }

    /**
     * The number of corpora the adversary tells apart, or 0 without one. With one, a training forward pass also
     * returns the adversary's log-probabilities over the corpora (a second output), computed from the features fc2
     * reads through a gradient reversal: the adversary learns to name the corpus, and the network beneath it gets
     * the opposite of that gradient, times {@link #adversaryWeight()}, so it learns features on which the corpora
     * (their microphones, rooms, languages and speakers) look alike (Ganin and Lempitsky, ICML 2015). Evaluation
     * and inference return the emotion alone and never run the adversary.
     *
     * @return corpora, 0 for none
     */
    public int adversaryCorpora() {
        return adversaryCorpora;
    }

    /**
     * How strongly the adversary's reversed gradient reaches the network; a training setting, not saved.
     *
     * @return the weight, 0 when the block was loaded rather than built for training
     */
    public float adversaryWeight() {
        return adversaryWeight;
    }

    /**
     * Whether the block holds an arousal head: a linear layer over the same features as fc2 that names the clip's
     * arousal (low, neutral, high). A training forward pass returns its log-probabilities after the emotion's (and
     * the adversary's), so corpora labelled with arousal alone, such as BAVED, teach the shared layers too.
     * Evaluation and inference return the emotion alone and never run it.
     *
     * @return {@code true} with an arousal head
     */
    public boolean arousalHead() {
        return arousalHead;
    }

    /**
     * What this block's weights fit.
     *
     * @return the variant, classes, GRU size and optional parts
     */
    public Topology topology() {
        return new Topology(architecture, numClasses, hidden, layers, temporal, instanceNorm, logSpectrum,
            adversaryCorpora, arousalHead);
    }

    /**
     * The shortest input this block accepts.
     *
     * @return samples
     * @see Architecture#minimumSamples()
     */
    public int minimumSamples() {
        return architecture.minimumSamples();
    }

    /**
     * Every parameter under its PyTorch {@code state_dict} name ({@code conv1.weight}, {@code bn1.running_mean},
     * {@code gru1.weight_ih_l0}, {@code fc2.bias}, ...), in PyTorch's order. Batch-norm running statistics are
     * included; PyTorch's {@code num_batches_tracked} counters have no counterpart and are not.
     *
     * @return an ordered view of this block's parameters
     */
    public Map<String, Parameter> stateDict() {
        Map<String, Parameter> map = new LinkedHashMap<>();
        for (int i = 0; i < convs.size(); i++) {
            String conv = "conv" + (i + 1);
            map.put(conv + ".weight", convs.get(i).getParameters().get("weight"));
            map.put(conv + ".bias", convs.get(i).getParameters().get("bias"));
            String bn = "bn" + (i + 1);
            map.put(bn + ".weight", norms.get(i).getParameters().get("gamma"));
            map.put(bn + ".bias", norms.get(i).getParameters().get("beta"));
            map.put(bn + ".running_mean", norms.get(i).getParameters().get("runningMean"));
            map.put(bn + ".running_var", norms.get(i).getParameters().get("runningVar"));
        }
        map.put("fc1.weight", fc1.getParameters().get("weight"));
        map.put("fc1.bias", fc1.getParameters().get("bias"));
        for (int l = 0; l < layers; l++) {
            // DJL's GRU hands its parameters straight to torch::gru, so the layouts (gates r, z, n) are PyTorch's
            map.put("gru1.weight_ih_l" + l, gru.getParameters().get("l_" + l + "_i2h_WEIGHT"));
            map.put("gru1.weight_hh_l" + l, gru.getParameters().get("l_" + l + "_h2h_WEIGHT"));
            map.put("gru1.bias_ih_l" + l, gru.getParameters().get("l_" + l + "_i2h_BIAS"));
            map.put("gru1.bias_hh_l" + l, gru.getParameters().get("l_" + l + "_h2h_BIAS"));
        }
        map.put("fc2.weight", fc2.getParameters().get("weight"));
        map.put("fc2.bias", fc2.getParameters().get("bias"));
        if (adversaryCorpora > 0) {
            map.put("adv1.weight", adv1.getParameters().get("weight"));
            map.put("adv1.bias", adv1.getParameters().get("bias"));
            map.put("adv2.weight", adv2.getParameters().get("weight"));
            map.put("adv2.bias", adv2.getParameters().get("bias"));
        }
        if (arousalHead) {
            map.put("aro.weight", aro.getParameters().get("weight"));
            map.put("aro.bias", aro.getParameters().get("bias"));
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Counts trainable values as PyTorch's {@code sum(p.numel() for p in model.parameters())} does: weights and
     * biases, batch-norm scale and shift, but not the running statistics (buffers in PyTorch).
     *
     * @return the number of trainable scalars
     * @throws IllegalStateException if the block is not initialised
     */
    public long trainableParameterCount() {
        long count = 0;
        for (Parameter p : getParameters().values()) {
            if (p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR) {
                continue;
            }
            if (p.getArray() == null) {
                throw new IllegalStateException("block is not initialised: " + p.getName() + " has no value");
            }
            count += p.getArray().size();
        }
        return count;
    }

    /**
     * Folds every batch norm into the convolution before it, for inference: in evaluation mode a batch norm is an
     * affine map per channel, {@code y = (x - mean) * gamma / sqrt(var + eps) + beta}, so scaling the convolution's
     * weights and shifting its bias gives the same result (to float rounding) without the norm's pass over the
     * activations and its output tensor. Forward passes in evaluation mode use the folded weights from then on;
     * training mode is unaffected. Call it only once the weights no longer change (a loaded model), since later
     * updates would not reach the folded copies.
     *
     * @throws IllegalStateException if the block is not initialised
     */
    public void foldNorms() {
        List<Architecture.ConvLayer> spec = architecture.layers();
        List<NDArray[]> list = new ArrayList<>(spec.size());
        for (int i = 0; i < spec.size(); i++) {
            Map<String, Parameter> conv = convs.get(i).getParameters().toMap();
            Map<String, Parameter> norm = norms.get(spec.get(i).norm() - 1).getParameters().toMap();
            NDArray weight = array(conv, "weight");
            NDArray bias = array(conv, "bias");
            NDArray scale = array(norm, "gamma").div(array(norm, "runningVar").add(NORM_EPSILON).sqrt());
            NDArray foldedWeight = weight.mul(scale.reshape(scale.getShape().get(0), 1, 1));
            NDArray foldedBias = bias.sub(array(norm, "runningMean")).mul(scale).add(array(norm, "beta"));
            scale.close();
            list.add(new NDArray[] {foldedWeight, foldedBias});
        }
        folded = Collections.unmodifiableList(list);
    }

    private static NDArray array(Map<String, Parameter> parameters, String name) {
        Parameter p = parameters.get(name);
        if (p == null || p.getArray() == null) {
            throw new IllegalStateException("block is not initialised: " + name + " has no value");
        }
        return p.getArray();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.head();
        if (inputs.size() > 2) {
            throw new IllegalArgumentException("expected a waveform and optionally its valid lengths, got "
                + inputs.size() + " inputs");
        }
        if (x.getShape().dimension() == 2) {
            x = x.expandDims(1);
        }
        Shape shape = x.getShape();
        if (shape.dimension() != 3 || shape.get(1) != 1) {
            throw new IllegalArgumentException("expected a waveform of shape [batch, 1, samples], got " + shape);
        }
        if (shape.get(2) < minimumSamples()) {
            throw new IllegalArgumentException("input of " + shape.get(2) + " samples is shorter than the "
                + minimumSamples() + " samples " + architecture.id() + " needs");
        }
        long[] lengths = inputs.size() == 2 ? validLengths(inputs.get(1), shape) : null;
        List<Architecture.ConvLayer> spec = architecture.layers();
        List<NDArray[]> foldedNow = training ? null : folded;
        for (int i = 0; i < spec.size(); i++) {
            Architecture.ConvLayer layer = spec.get(i);
            boolean spectral = i == 0 && logSpectrum;
            if (spectral) {
                x = logPowerSpectrum(x, architecture.layers().get(0).poolAfter() ? Architecture.POOL : 1);
            }
            int tile = foldedNow != null && i == 0 && !spectral ? firstLayerTile(x.getShape()) : 0;
            if (tile > 0) {
                x = firstLayerInTiles(x, foldedNow.get(0), layer, tile);
            } else {
                if (foldedNow == null) {
                    x = convs.get(i).forward(store, new NDList(x), training).head();
                    x = norms.get(layer.norm() - 1).forward(store, new NDList(x), training).head();
                } else {
                    NDArray[] wb = foldedNow.get(i);
                    x = Conv1d.conv1d(x, wb[0], wb[1], new Shape(spectral ? 1 : layer.stride()),
                        new Shape(spectral ? 0 : layer.padding())).head();
                }
                x = poolAndActivate(x, layer, spectral);
            }
            if (lengths != null) {
                for (int b = 0; b < lengths.length; b++) {
                    lengths[b] = i == 0 ? Architecture.firstLayerFrames(lengths[b]) : lengths[b];
                    if (layer.poolAfter()) {
                        lengths[b] /= Architecture.POOL;
                    }
                }
            }
            // null when every clip fills the batch: nothing to mask
            NDArray valid = lengths == null ? null : validFrames(x, lengths);
            if (valid != null) {
                x = x.mul(valid);
            }
            if (i == 0 && instanceNorm) {
                x = normaliseOverTime(x, lengths, valid);
            }
        }
        boolean masked = lengths != null && !full(lengths, x.getShape().get(2));
        // [batch, channels, time] -> [batch, steps, channels]; published: one step, the global average
        if (temporal) {
            x = x.transpose(0, 2, 1);
        } else if (masked) {
            // the padded frames are zero, so the sum is the valid frames' sum
            NDArray frames = x.getManager().create(toFloats(lengths), new Shape(lengths.length, 1, 1));
            x = x.sum(new int[] {2}, true).div(frames).transpose(0, 2, 1);
        } else {
            x = x.mean(new int[] {2}, true).transpose(0, 2, 1);
        }
        x = fc1.forward(store, new NDList(Activation.leakyRelu(x, LEAKY_SLOPE)), training).head();
        x = gru.forward(store, new NDList(x), training).head();
        if (temporal && masked) {
            // a forward GRU's output at a clip's last valid step depends on its valid steps only
            long[] last = new long[lengths.length];
            for (int b = 0; b < last.length; b++) {
                last[b] = lengths[b] - 1;
            }
            long units = x.getShape().get(2);
            NDArray index = x.getManager().create(last, new Shape(last.length, 1, 1))
                .broadcast(new Shape(last.length, 1, units));
            x = x.gather(index, 1).squeeze(1);
        } else {
            x = x.get(":, -1, :");
        }
        x = Activation.leakyRelu(x, LEAKY_SLOPE);
        NDArray features = x;
        x = Dropout.dropout(x, dropout, training).head();
        NDList outputs = new NDList(fc2.forward(store, new NDList(x), training).head().logSoftmax(1));
        if (!training) {
            return outputs;
        }
        if (adversaryCorpora > 0) {
            NDArray reversed = features.scaleGradient(-adversaryWeight);
            NDArray corpus = adv1.forward(store, new NDList(reversed), training).head();
            corpus = adv2.forward(store, new NDList(Activation.leakyRelu(corpus, LEAKY_SLOPE)), training).head();
            outputs.add(corpus.logSoftmax(1));
        }
        if (arousalHead) {
            outputs.add(aro.forward(store, new NDList(x), training).head().logSoftmax(1));
        }
        return outputs;
    }

    /**
     * {@code [batch, 1, samples]} to {@code [batch, bins, frames]}: frame {@code t} is the log power of the
     * Hann-windowed samples {@code [hop t, hop t + 160)} with {@code hop} conv1's stride times {@code pool}, so it
     * depends on those samples only and a padded batch's valid frames are a lone clip's. As many frames as conv1 and
     * the pool would give (one fewer than the hop allows, for some lengths), so every later length is as without it.
     */
    private static NDArray logPowerSpectrum(NDArray x, int pool) {
        long samples = x.getShape().get(2);
        long frames = Architecture.firstLayerFrames(samples) / pool;
        NDArray window = x.getManager().hanningWindow(Architecture.FIRST_KERNEL);
        // the complex form's magnitude: PyTorch warns on the real form, and summing its pairs of real and imaginary
        // parts was half of a training step (a reduction over a dimension of 2)
        NDArray magnitude = x.squeeze(1).stft(Architecture.FIRST_KERNEL, (long) Architecture.FIRST_STRIDE * pool,
            false, window, false, true).abs();
        if (magnitude.getShape().get(2) > frames) {
            magnitude = magnitude.get(":, :, :" + frames);
        }
        return magnitude.square().add(SPECTRUM_FLOOR).log();
    }

    /** Reads the valid lengths, checking that each fits the batch and is long enough for the network. */
    private long[] validLengths(NDArray array, Shape input) {
        long[] lengths = array.toType(DataType.INT64, false).toLongArray();
        if (lengths.length != input.get(0)) {
            throw new IllegalArgumentException(lengths.length + " valid lengths for a batch of " + input.get(0));
        }
        for (long length : lengths) {
            if (length < minimumSamples() || length > input.get(2)) {
                throw new IllegalArgumentException("valid length " + length + " is outside [" + minimumSamples()
                    + ", " + input.get(2) + "] samples");
            }
        }
        return full(lengths, input.get(2)) ? null : lengths;
    }

    /**
     * The published order is activation then pool; a leaky ReLU is increasing, so it commutes with the max and costs
     * a quarter on the pooled frames (layer 1 of cnn18gru: 25 -> 10 ms a batch of 32 3 s clips).
     */
    private static NDArray poolAndActivate(NDArray x, Architecture.ConvLayer layer, boolean spectral) {
        if (layer.poolAfter() && !spectral) {
            x = Pool.maxPool1d(x, POOL, POOL, NO_PADDING, false);
        }
        return Activation.leakyRelu(x, LEAKY_SLOPE);
    }

    /**
     * Bytes of first-layer output one tile may write, about a core's L2 cache. The network's best batch on cnn18gru,
     * alternating runs of {@code ser bench} on an idle 2-core machine (2026-12-04): untiled 1155-1864x (mean 1614x over
     * six), tiles of 1, 2 or 4 MB 1650-2037x (mean 1882x over eight). MaskedBatchTest's five cnn18gru clips of up to
     * 24,000 samples take two tiles, so it checks the tiled path too.
     */
    private static final long FIRST_LAYER_TILE_BYTES = 2L << 20;

    /**
     * Clips per tile of the first layer, or 0 to run it on the whole batch at once: its output is the largest tensor
     * of the network (18 channels at a quarter of the sample rate for cnn18gru, 55 MB for 64 three-second clips), so
     * a batch written whole leaves the caches before its pool reads it.
     */
    private int firstLayerTile(Shape input) {
        long perClip = 4L * architecture.layers().get(0).outChannels() * Architecture.firstLayerFrames(input.get(2));
        long tile = Math.max(1, FIRST_LAYER_TILE_BYTES / perClip);
        return tile < input.get(0) ? (int) tile : 0;
    }

    /** The folded first convolution, its pool and activation, a few clips at a time: each clip's result is its own. */
    private static NDArray firstLayerInTiles(NDArray x, NDArray[] wb, Architecture.ConvLayer layer, int tile) {
        long batch = x.getShape().get(0);
        NDList pooled = new NDList();
        for (long start = 0; start < batch; start += tile) {
            NDArray clips = x.get(start + ":" + Math.min(batch, start + tile));
            NDArray conv = Conv1d.conv1d(clips, wb[0], wb[1], new Shape(layer.stride()), new Shape(layer.padding()))
                .head();
            // freed at once, so the next tile's output lands in the same, still cached, block
            NDArray out = poolAndActivate(conv, layer, false);
            conv.close();
            clips.close();
            pooled.add(out);
        }
        NDArray joined = NDArrays.concat(pooled, 0);
        pooled.close();
        return joined;
    }

    private static boolean full(long[] lengths, long frames) {
        for (long length : lengths) {
            if (length != frames) {
                return false;
            }
        }
        return true;
    }

    /**
     * One for each valid frame of {@code x [batch, channels, time]} and zero past each clip's valid length, shaped
     * {@code [batch, 1, time]} to multiply by; null when every clip fills the batch.
     */
    private static NDArray validFrames(NDArray x, long[] lengths) {
        long frames = x.getShape().get(2);
        if (full(lengths, frames)) {
            return null;
        }
        NDManager manager = x.getManager();
        NDArray positions = manager.arange(0f, (float) frames).reshape(1, 1, frames);
        NDArray limits = manager.create(toFloats(lengths), new Shape(lengths.length, 1, 1));
        return positions.lt(limits).toType(x.getDataType(), false);
    }

    /**
     * Zero mean and unit variance per clip and channel over the valid frames of {@code x [batch, channels, time]},
     * whose padded frames are zero; they stay zero. Per clip, so a batch gives every clip its result alone.
     *
     * @param valid {@link #validFrames}, or null when every frame is valid
     */
    private static NDArray normaliseOverTime(NDArray x, long[] lengths, NDArray valid) {
        if (valid == null) {
            NDArray centred = x.sub(x.mean(new int[] {2}, true));
            return centred.div(centred.square().mean(new int[] {2}, true).add(INSTANCE_EPSILON).sqrt());
        }
        NDArray counts = x.getManager().create(toFloats(lengths), new Shape(lengths.length, 1, 1));
        NDArray centred = x.sub(x.sum(new int[] {2}, true).div(counts)).mul(valid);
        return centred.div(centred.square().sum(new int[] {2}, true).div(counts).add(INSTANCE_EPSILON).sqrt());
    }

    private static float[] toFloats(long[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = values[i];
        }
        return f;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), numClasses)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        long batch = in.get(0);
        long samples = in.get(in.dimension() - 1);
        Shape s = new Shape(batch, 1, samples);
        List<Architecture.ConvLayer> spec = architecture.layers();
        for (int i = 0; i < spec.size(); i++) {
            boolean spectral = i == 0 && logSpectrum;
            if (spectral) {
                long frames = Architecture.firstLayerFrames(samples)
                    / (spec.get(0).poolAfter() ? Architecture.POOL : 1);
                s = new Shape(batch, SPECTRUM_BINS, Math.max(1, frames));
            }
            convs.get(i).initialize(manager, dataType, s);
            s = convs.get(i).getOutputShapes(new Shape[] {s})[0];
            norms.get(i).initialize(manager, dataType, s);
            if (spec.get(i).poolAfter() && !spectral) {
                s = new Shape(s.get(0), s.get(1), s.get(2) / Architecture.POOL);
            }
        }
        long steps = temporal ? Math.max(1, s.get(2)) : 1;
        Shape seq = new Shape(batch, steps, architecture.cnnChannels());
        fc1.initialize(manager, dataType, seq);
        seq = new Shape(batch, steps, architecture.fc1Units());
        gru.initialize(manager, dataType, seq);
        fc2.initialize(manager, dataType, new Shape(batch, hidden));
        if (adversaryCorpora > 0) {
            adv1.initialize(manager, dataType, new Shape(batch, hidden));
            adv2.initialize(manager, dataType, new Shape(batch, ADVERSARY_UNITS));
        }
        if (arousalHead) {
            aro.initialize(manager, dataType, new Shape(batch, hidden));
        }
    }

    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        saveInputShapes(os);
        os.writeUTF(architecture.id());
        os.writeInt(numClasses);
        os.writeInt(hidden);
        os.writeInt(layers);
        os.writeBoolean(temporal);
        os.writeBoolean(instanceNorm);
        os.writeBoolean(logSpectrum);
        os.writeInt(adversaryCorpora);
        os.writeBoolean(arousalHead);
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion < 1 || loadVersion > VERSION) {
            throw new MalformedModelException("unsupported CnnGru weights version " + loadVersion);
        }
        readInputShapes(is);
        String arch = is.readUTF();
        int classes = is.readInt();
        int h = is.readInt();
        int l = is.readInt();
        boolean t = is.readBoolean();
        boolean n = loadVersion >= 2 && is.readBoolean();
        boolean s = loadVersion >= 3 && is.readBoolean();
        int d = loadVersion >= 4 ? is.readInt() : 0;
        boolean a = loadVersion >= 5 && is.readBoolean();
        // the stream holds the exact id it was saved with; fromId's looser spellings are for people, not files
        Architecture read = Arrays.stream(Architecture.values()).filter(v -> v.id().equals(arch)).findFirst()
            .orElseThrow(() -> new MalformedModelException("weights are for an unknown architecture '" + arch
                + "'; the model was built as " + topology()));
        Topology weights = new Topology(read, classes, h, l, t, n, s, d, a);
        if (!weights.equals(topology())) {
            throw new MalformedModelException("weights are for " + weights + "; the model was built as "
                + topology());
        }
    }

    @Override
    public String toString() {
        return "CnnGru(" + topology() + ", dropout " + dropout + ")";
    }
}
