package io.auralis.ser.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.auralis.ser.model.CnnGruBlock;
import io.auralis.ser.model.ModelConfig;
import io.auralis.ser.model.ModelDirectory;
import io.auralis.ser.model.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a reference PyTorch checkpoint into an Auralis model directory: every tensor of the network's
 * {@link CnnGruBlock#stateDict()} must be in the checkpoint with the same shape, and the checkpoint may hold
 * nothing else but batch-norm {@code num_batches_tracked} counters (like PyTorch's strict
 * {@code load_state_dict}).
 */
public final class CheckpointImporter {

    private CheckpointImporter() {
    }

    /**
     * Copies a checkpoint's tensors into an initialised block.
     *
     * @param checkpoint the checkpoint
     * @param block the network, initialised; its values are overwritten
     * @throws ModelException naming the checkpoint and the tensor when one is missing, unexpected, of another shape,
     *     not floating point or not finite
     */
    public static void load(TorchCheckpoint checkpoint, CnnGruBlock block) throws ModelException {
        Path file = checkpoint.file();
        Map<String, TorchTensor> tensors = canonicalNames(checkpoint.stateDict());
        Map<String, Parameter> params = block.stateDict();
        List<String> missing = new ArrayList<>();
        for (String name : params.keySet()) {
            if (!tensors.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new ModelException(file, "checkpoint has no " + list(missing) + " needed by " + block
                + " (wrong --arch, --hidden or --layers?)");
        }
        List<String> unexpected = new ArrayList<>();
        for (String name : tensors.keySet()) {
            if (!params.containsKey(name) && !name.endsWith(".num_batches_tracked")) {
                unexpected.add(name);
            }
        }
        if (!unexpected.isEmpty()) {
            throw new ModelException(file, "checkpoint has " + list(unexpected) + " that " + block
                + " does not have (wrong --arch or --layers?)");
        }
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            String name = e.getKey();
            TorchTensor t = tensors.get(name);
            NDArray array = e.getValue().getArray();
            Shape expected = array.getShape();
            if (!Arrays.equals(expected.getShape(), t.shape())) {
                throw new ModelException(file, "tensor '" + name + "' has shape " + Arrays.toString(t.shape())
                    + " in the checkpoint but " + block + " needs " + Arrays.toString(expected.getShape())
                    + (name.startsWith("fc2.") ? " (does --labels name every class?)" : ""));
            }
            if (!t.dtype().floating()) {
                throw new ModelException(file, "tensor '" + name + "' has dtype " + t.dtype()
                    + "; weights must be floating point (float32, float64, float16 or bfloat16)");
            }
            float[] values;
            try {
                values = t.toFloatArray();
            } catch (IllegalStateException ex) {
                throw new ModelException(file, "tensor '" + name + "': " + ex.getMessage(), ex);
            }
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    throw new ModelException(file, "tensor '" + name + "' holds NaN or infinite values");
                }
            }
            replaceValues(e.getValue(), values);
        }
    }

    /**
     * Reads a checkpoint and writes a model directory for it.
     *
     * @param checkpointFile the {@code .pth} file
     * @param config the network and class names; {@code source} is filled in with the checkpoint's name and hash
     * @param out the model directory to write
     * @return the written directory
     * @throws ModelException if the checkpoint does not fit the configuration
     * @throws IOException if reading or writing fails
     * @throws IllegalArgumentException if the configuration is invalid
     */
    public static ModelDirectory importCheckpoint(Path checkpointFile, ModelConfig config, Path out)
        throws IOException {
        TorchCheckpoint checkpoint = TorchCheckpoint.read(checkpointFile);
        CnnGruBlock block = config.newBlock();
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, block.minimumSamples()));
            load(checkpoint, block);
            if (config.source == null) {
                config.source = "imported from PyTorch checkpoint " + checkpointFile.getFileName() + " (sha256 "
                    + sha256(checkpointFile) + ", " + checkpoint.layout() + ")";
            }
            return ModelDirectory.write(out, config, block);
        }
    }

    /**
     * Gives a parameter new values in memory PyTorch owns. {@code NDArray.set} would do, but DJL's native set
     * prints a deprecation warning from libtorch on every import; a zero-copy array made from a Java buffer must not
     * be interned either, since its buffer is only kept alive by the Java object that made it. So: copy into a
     * PyTorch-owned clone and take over its handle.
     */
    private static void replaceValues(Parameter parameter, float[] values) {
        NDArray array = parameter.getArray();
        try (NDArray wrapped = array.getManager().create(values, array.getShape())) {
            array.intern(wrapped.duplicate());
        }
        if (parameter.requiresGradient()) {
            array.setRequiresGradient(true);
        }
    }

    /** Accepts {@code gru.} for the published {@code gru1.}, as some re-implementations name it. */
    private static Map<String, TorchTensor> canonicalNames(Map<String, TorchTensor> in) {
        boolean hasGru1 = in.keySet().stream().anyMatch(k -> k.startsWith("gru1."));
        Map<String, TorchTensor> out = new LinkedHashMap<>(in.size());
        in.forEach((k, v) -> out.put(!hasGru1 && k.startsWith("gru.") ? "gru1." + k.substring(4) : k, v));
        return out;
    }

    private static String list(List<String> names) {
        if (names.size() == 1) {
            return "tensor '" + names.get(0) + "'";
        }
        List<String> shown = names.size() > 6 ? names.subList(0, 6) : names;
        return "tensors '" + String.join("', '", shown) + "'" + (names.size() > 6 ? " and " + (names.size() - 6)
            + " more" : "");
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
