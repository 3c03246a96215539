package io.auralis.ser.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adam with the state a checkpoint needs: the same update as DJL's {@code Adam} (the engine's fused
 * {@code adamUpdate}, weight decay added to the gradient as {@code torch.optim.Adam(weight_decay=...)} does), but
 * its moment estimates and update count can be saved and loaded, so a resumed run continues exactly where it
 * stopped. DJL's own Adam keeps them private, and a resumed run would restart from zero moments.
 *
 * <p>DJL keys optimiser state by parameter id, which is random per run; the state is saved by the parameter's
 * name in the block instead, and mapped back to the new run's ids when loaded.
 */
public final class ResumableAdam extends Optimizer {

    private static final String MAGIC = "auralis-ser-adam";
    private static final int VERSION = 1;

    private final ParameterTracker learningRateTracker;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final Map<String, Map<Device, NDArray>> means = new ConcurrentHashMap<>();
    private final Map<String, Map<Device, NDArray>> variances = new ConcurrentHashMap<>();
    private volatile int updates;
    private volatile float lastLearningRate = Float.NaN;

    private ResumableAdam(Builder builder) {
        super(builder);
        this.learningRateTracker = builder.learningRateTracker;
        this.beta1 = builder.beta1;
        this.beta2 = builder.beta2;
        this.epsilon = builder.epsilon;
        this.updates = builder.beginNumUpdate;
    }

    /**
     * Starts a builder; {@code optBeginNumUpdate} sets the update count a resumed run starts from.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = updateCount(parameterId);
        double coef1 = 1.0 - Math.pow(beta1, t);
        double coef2 = 1.0 - Math.pow(beta2, t);
        float learningRate = learningRateTracker.getNewValue(parameterId, t);
        float biasCorrected = (float) (learningRate * Math.sqrt(coef2) / coef1);
        float weightDecay = getWeightDecay();
        if (!Float.isFinite(biasCorrected) || !Float.isFinite(weightDecay)) {
            throw new IllegalStateException("learning rate or weight decay is not finite: " + learningRate + ", "
                + weightDecay);
        }
        NDList inputs = new NDList(weight, grad,
            withDefaultState(means, parameterId, weight.getDevice(), k -> weight.zerosLike()),
            withDefaultState(variances, parameterId, weight.getDevice(), k -> weight.zerosLike()));
        weight.getNDArrayInternal().adamUpdate(inputs, new NDList(weight), learningRate, biasCorrected,
            weightDecay, rescaleGrad, clipGrad, beta1, beta2, epsilon, true, false);
        updates = Math.max(updates, t);
        lastLearningRate = learningRate;
    }

    /**
     * How many updates (batches) have been applied, counting those before a resume.
     *
     * @return the update count
     */
    public int updates() {
        return updates;
    }

    /**
     * The learning rate of the latest update.
     *
     * @return the rate, or {@code NaN} before the first update
     */
    public float lastLearningRate() {
        return lastLearningRate;
    }

    /**
     * Writes the moment estimates of every parameter of {@code block}, by name, and the update count.
     *
     * @param block the block being trained
     * @param out where to write
     * @throws IOException if writing fails
     */
    public void save(Block block, DataOutputStream out) throws IOException {
        out.writeUTF(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(updates);
        int count = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (means.containsKey(p.getValue().getId())) {
                count++;
            }
        }
        out.writeInt(count);
        for (Pair<String, Parameter> p : block.getParameters()) {
            String id = p.getValue().getId();
            if (!means.containsKey(id)) {
                continue;
            }
            out.writeUTF(p.getKey());
            writeArray(out, first(means.get(id)));
            writeArray(out, first(variances.get(id)));
        }
    }

    /**
     * Reads state written by {@link #save} into this optimiser, mapping parameter names to {@code block}'s
     * parameters. Call before the first update.
     *
     * @param block the block being trained, with the same architecture as the saved one
     * @param manager creates the state arrays
     * @param device where the block's parameters live
     * @param in where to read
     * @return the saved update count, which the optimiser must have been built to begin at
     * @throws IOException if the data is not an optimiser state for this block
     */
    public int load(Block block, NDManager manager, Device device, DataInputStream in) throws IOException {
        try {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION) {
                throw new IOException("not an Auralis optimiser state");
            }
            int saved = in.readInt();
            int count = in.readInt();
            Map<String, Parameter> byName = new HashMap<>();
            for (Pair<String, Parameter> p : block.getParameters()) {
                byName.put(p.getKey(), p.getValue());
            }
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                Parameter parameter = byName.get(name);
                if (parameter == null) {
                    throw new IOException("optimiser state for parameter " + name + ", which the network lacks");
                }
                NDArray mean = readArray(in, manager, device);
                NDArray variance = readArray(in, manager, device);
                Map<Device, NDArray> m = new ConcurrentHashMap<>();
                m.put(device, mean);
                Map<Device, NDArray> v = new ConcurrentHashMap<>();
                v.put(device, variance);
                means.put(parameter.getId(), m);
                variances.put(parameter.getId(), v);
            }
            return saved;
        } catch (EOFException e) {
            throw new IOException("truncated optimiser state", e);
        }
    }

    private static NDArray first(Map<Device, NDArray> byDevice) {
        return byDevice.values().iterator().next();
    }

    private static void writeArray(DataOutputStream out, NDArray array) throws IOException {
        byte[] bytes = array.toDevice(Device.cpu(), false).encode();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static NDArray readArray(DataInputStream in, NDManager manager, Device device) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (1 << 30)) {
            throw new IOException("corrupt optimiser state (array of " + length + " bytes)");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        NDArray array = manager.decode(bytes).toDevice(device, false);
        // Like DJL's optimisers, state lives as long as the optimiser, not the manager that made it.
        array.detach();
        return array;
    }

    /** Builds a {@link ResumableAdam}. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private ParameterTracker learningRateTracker = Tracker.fixed(1e-3f);
        private float beta1 = 0.9f;
        private float beta2 = 0.999f;
        private float epsilon = 1e-8f;
        private int beginNumUpdate;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        public Builder optBeginNumUpdate(int beginNumUpdate) {
            this.beginNumUpdate = beginNumUpdate;
            return super.optBeginNumUpdate(beginNumUpdate);
        }

        /**
         * Sets the learning-rate schedule (default a fixed 1e-3).
         *
         * @param tracker the schedule
         * @return this builder
         */
        public Builder optLearningRateTracker(ParameterTracker tracker) {
            this.learningRateTracker = tracker;
            return this;
        }

        /**
         * Sets the first moment's decay (default 0.9).
         *
         * @param beta1 in [0, 1)
         * @return this builder
         */
        public Builder optBeta1(float beta1) {
            this.beta1 = beta1;
            return this;
        }

        /**
         * Sets the second moment's decay (default 0.999).
         *
         * @param beta2 in [0, 1)
         * @return this builder
         */
        public Builder optBeta2(float beta2) {
            this.beta2 = beta2;
            return this;
        }

        /**
         * Sets the denominator's epsilon (default 1e-8).
         *
         * @param epsilon positive
         * @return this builder
         */
        public Builder optEpsilon(float epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /**
         * Builds the optimiser.
         *
         * @return the optimiser
         */
        public ResumableAdam build() {
            return new ResumableAdam(this);
        }
    }
}
