package io.auralis.ser.checkpoint;

import io.auralis.ser.model.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A PyTorch checkpoint read in Java: the zip format of {@code torch.save} (PyTorch 1.6 and later), holding
 * either a bare {@code state_dict} or a dict with a {@code model_state_dict} (or {@code state_dict}) entry, as
 * training scripts write them.
 *
 * <p>The archive holds {@code <name>/data.pkl}, a pickle whose tensors refer to storage records
 * {@code <name>/data/<key>}. The pickle is read by {@link TorchPickle}, which loads nothing but dicts, lists,
 * numbers, strings and tensors, so a checkpoint can never run code.
 */
public final class TorchCheckpoint {

    private static final long MAX_PICKLE_BYTES = 64L << 20;
    private static final String DATA_PARALLEL_PREFIX = "module.";

    private final Path file;
    private final Map<String, TorchTensor> stateDict;
    private final String layout;

    private TorchCheckpoint(Path file, Map<String, TorchTensor> stateDict, String layout) {
        this.file = file;
        this.stateDict = stateDict;
        this.layout = layout;
    }

    /**
     * Reads a checkpoint.
     *
     * @param file a {@code .pth}/{@code .pt} file written by {@code torch.save}
     * @return the checkpoint
     * @throws ModelException naming the file and the problem: missing, not a zip, the legacy format, a TorchScript
     *     archive, a refused pickle global, no state_dict, missing or truncated storage data
     */
    public static TorchCheckpoint read(Path file) throws ModelException {
        if (!Files.isRegularFile(file)) {
            throw new ModelException(file, Files.exists(file) ? "not a file" : "no such file");
        }
        byte[] head = new byte[4];
        int got;
        try (InputStream in = Files.newInputStream(file)) {
            got = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw new ModelException(file, "cannot read: " + e.getMessage(), e);
        }
        if (got == 0) {
            throw new ModelException(file, "empty file");
        }
        if (got < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
            if ((head[0] & 0xff) == 0x80) {
                throw new ModelException(file, "legacy PyTorch format (saved with _use_new_zipfile_serialization="
                    + "False or PyTorch before 1.6) is not supported; load it in PyTorch and save it again with "
                    + "torch.save(state_dict, path)");
            }
            throw new ModelException(file, "not a PyTorch checkpoint (not a zip archive)");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return read(file, zip);
        } catch (ZipException e) {
            throw new ModelException(file, "corrupt zip archive: " + e.getMessage(), e);
        } catch (ModelException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static TorchCheckpoint read(Path file, ZipFile zip) throws IOException {
        String prefix = null;
        boolean torchScript = false;
        for (ZipEntry e : Collections.list(zip.entries())) {
            String name = e.getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash + 1).equals("data.pkl")) {
                if (prefix != null) {
                    throw new ModelException(file, "archive holds more than one data.pkl");
                }
                prefix = name.substring(0, slash + 1);
            }
            torchScript |= name.endsWith("/constants.pkl") || name.contains("/code/");
        }
        if (prefix == null) {
            throw new ModelException(file, torchScript ? "a TorchScript archive, not a state_dict checkpoint "
                : "zip archive without data.pkl: not a PyTorch checkpoint");
        }
        ZipEntry pkl = zip.getEntry(prefix + "data.pkl");
        if (pkl.getSize() > MAX_PICKLE_BYTES) {
            throw new ModelException(file, "data.pkl of " + pkl.getSize() + " bytes is too large for a state_dict");
        }
        byte[] pickle;
        try (InputStream in = zip.getInputStream(pkl)) {
            pickle = in.readNBytes((int) MAX_PICKLE_BYTES + 1);
        }
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        ZipEntry byteorder = zip.getEntry(prefix + "byteorder");
        if (byteorder != null) {
            try (InputStream in = zip.getInputStream(byteorder)) {
                String s = new String(in.readNBytes(16), StandardCharsets.US_ASCII).trim();
                if ("big".equals(s)) {
                    order = ByteOrder.BIG_ENDIAN;
                } else if (!"little".equals(s)) {
                    throw new ModelException(file, "unknown byte order '" + s + "'");
                }
            }
        }
        Map<String, TorchTensor.Storage> cache = new HashMap<>();
        String dataPrefix = prefix + "data/";
        ByteOrder storageOrder = order;
        TorchPickle.StorageResolver resolver = (type, key, numel) -> {
            TorchTensor.Storage cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
            ZipEntry entry = zip.getEntry(dataPrefix + key);
            if (entry == null || key.contains("/") || key.contains("..")) {
                throw new TorchPickle.CheckpointFormatException("storage record data/" + key + " is missing");
            }
            // Exactly: numel comes from the file, and a product that wrapped around passed this check.
            long expected;
            try {
                expected = Math.multiplyExact(numel, type.bytes());
            } catch (ArithmeticException e) {
                expected = Long.MAX_VALUE;
            }
            if (numel < 0 || expected > Integer.MAX_VALUE - 16) {
                throw new TorchPickle.CheckpointFormatException("storage data/" + key + " of " + numel
                    + " elements is too large");
            }
            byte[] bytes;
            try (InputStream in = zip.getInputStream(entry)) {
                bytes = in.readNBytes((int) expected);
            } catch (IOException e) {
                throw new TorchPickle.CheckpointFormatException("cannot read storage data/" + key + ": "
                    + e.getMessage());
            }
            if (bytes.length < expected) {
                throw new TorchPickle.CheckpointFormatException("storage data/" + key + " holds " + bytes.length
                    + " bytes, expected " + expected + " (truncated)");
            }
            TorchTensor.Storage s = new TorchTensor.Storage(type, key, numel, ByteBuffer.wrap(bytes), storageOrder);
            cache.put(key, s);
            return s;
        };
        Object root;
        try {
            root = TorchPickle.load(pickle, resolver);
        } catch (TorchPickle.CheckpointFormatException e) {
            throw new ModelException(file, e.getMessage(), e);
        }
        return select(file, root);
    }

    private static TorchCheckpoint select(Path file, Object root) throws ModelException {
        if (!(root instanceof Map)) {
            throw new ModelException(file, "holds a " + kind(root) + ", not a state_dict");
        }
        Map<?, ?> top = (Map<?, ?>) root;
        String layout = "a bare state_dict";
        Map<?, ?> dict = top;
        for (String key : new String[] {"model_state_dict", "state_dict"}) {
            if (top.get(key) instanceof Map) {
                dict = (Map<?, ?>) top.get(key);
                layout = "the '" + key + "' entry of a dict with keys " + keys(top);
                break;
            }
        }
        if (dict == top && top.values().stream().noneMatch(v -> v instanceof TorchTensor)) {
            throw new ModelException(file, "no state_dict found: top-level keys are " + keys(top)
                + " (expected a dict of tensors or a 'model_state_dict' entry)");
        }
        Map<String, TorchTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            if (!(e.getKey() instanceof String)) {
                throw new ModelException(file, "state_dict has a non-string key " + e.getKey());
            }
            if (!(e.getValue() instanceof TorchTensor)) {
                throw new ModelException(file, "state_dict entry '" + e.getKey() + "' is a " + kind(e.getValue())
                    + ", not a tensor");
            }
            tensors.put((String) e.getKey(), (TorchTensor) e.getValue());
        }
        // a model wrapped in nn.DataParallel saves every name with this prefix
        if (!tensors.isEmpty() && tensors.keySet().stream().allMatch(k -> k.startsWith(DATA_PARALLEL_PREFIX))) {
            Map<String, TorchTensor> stripped = new LinkedHashMap<>();
            tensors.forEach((k, v) -> stripped.put(k.substring(DATA_PARALLEL_PREFIX.length()), v));
            tensors = stripped;
            layout += " (DataParallel 'module.' prefix removed)";
        }
        return new TorchCheckpoint(file, Collections.unmodifiableMap(tensors), layout);
    }

    private static String keys(Map<?, ?> map) {
        List<String> names = new ArrayList<>();
        for (Object k : map.keySet()) {
            names.add(String.valueOf(k));
            if (names.size() == 8) {
                names.add("...");
                break;
            }
        }
        return names.toString();
    }

    private static String kind(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof Map) {
            return "dict";
        }
        if (o instanceof List) {
            return "list";
        }
        if (o instanceof TorchPickle.Tuple) {
            return "tuple";
        }
        if (o instanceof TorchTensor) {
            return "tensor";
        }
        return o.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The file read.
     *
     * @return its path
     */
    public Path file() {
        return file;
    }

    /**
     * The tensors by name, in the file's order, without a DataParallel {@code module.} prefix.
     *
     * @return an unmodifiable map
     */
    public Map<String, TorchTensor> stateDict() {
        return stateDict;
    }

    /**
     * Where in the file the state_dict was found.
     *
     * @return a phrase such as {@code a bare state_dict}
     */
    public String layout() {
        return layout;
    }
}
