package io.auralis.ser.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.auralis.api.extractor.ModelDescriptor;
import io.auralis.ser.storage.AtomicFile;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A model on disk: a folder holding {@code model.json} ({@link ModelConfig}), the weights and a {@code README.md}
 * model card.
 *
 * <p>The weights file starts with the UTF string {@value #WEIGHTS_MAGIC} and an int version ({@value
 * #WEIGHTS_VERSION}), followed by DJL's parameter stream of the {@link CnnGruBlock} ({@code Block.saveParameters}),
 * which records the architecture, classes, hidden size, layers and temporal flag so that weights never load into
 * a different network.
 */
public final class ModelDirectory {
    /** The configuration file of a model directory. */
    public static final String CONFIG = "model.json";
    /** The model card of a model directory. */
    public static final String CARD = "README.md";
    /** First field of a weights file. */
    public static final String WEIGHTS_MAGIC = "auralis-ser-weights";
    /** Version of the weights layout this class writes. */
    public static final int WEIGHTS_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The card's row that averages its leave-one-corpus-out runs: {@code | **mean** | | **41.5 %** |}. */
    private static final Pattern MEAN_ROW = Pattern.compile(
        "^\\|\\s*\\*\\*mean\\*\\*\\s*\\|[^%\\n]*?([0-9]+(?:\\.[0-9]+)?)\\s*%", Pattern.MULTILINE);

    private final Path path;
    private final ModelConfig config;

    private ModelDirectory(Path path, ModelConfig config) {
        this.path = path;
        this.config = config;
    }

    /**
     * Reads and checks a model directory's configuration; the weights are read by {@link #loadBlock}.
     *
     * @param dir the folder
     * @return the model directory
     * @throws ModelException if the folder, its {@code model.json} or its weights file is missing, or the
     *     configuration is invalid
     */
    public static ModelDirectory open(Path dir) throws ModelException {
        if (!Files.isDirectory(dir)) {
            throw new ModelException(dir, Files.exists(dir) ? "not a model directory (a file, not a folder)"
                : "no such model directory");
        }
        Path json = dir.resolve(CONFIG);
        if (!Files.isRegularFile(json)) {
            throw new ModelException(dir, "not a model directory (no " + CONFIG + ")");
        }
        ModelConfig config;
        try {
            config = JSON.readValue(json.toFile(), ModelConfig.class);
        } catch (JsonProcessingException e) {
            throw new ModelException(json, "invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelException(json, "cannot read: " + e.getMessage(), e);
        }
        if (config == null) {
            throw new ModelException(json, "empty");
        }
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new ModelException(json, String.join("; ", problems));
        }
        if (!Files.isRegularFile(dir.resolve(config.weights))) {
            throw new ModelException(dir, "weights file " + config.weights + " is missing");
        }
        return new ModelDirectory(dir, config);
    }

    /**
     * Finds a model given on the command line: an existing folder (relative to {@code workingDirectory}), or
     * otherwise the name of a folder under {@code modelsFolder}.
     *
     * @param dirOrName what the user typed, such as {@code ./my-model} or {@code default}
     * @param workingDirectory where relative paths resolve
     * @param modelsFolder the installation's models folder, or {@code null} if there is none
     * @return the model folder, which exists
     * @throws ModelException naming the models that are available when nothing matches
     */
    public static Path resolve(String dirOrName, Path workingDirectory, Path modelsFolder) throws ModelException {
        if (dirOrName == null || dirOrName.isBlank()) {
            throw new ModelException("--model", "no model given");
        }
        Path direct = workingDirectory.resolve(dirOrName);
        if (Files.isDirectory(direct)) {
            return direct.normalize();
        }
        boolean plainName = !dirOrName.contains("/") && !dirOrName.contains("\\") && !dirOrName.startsWith(".");
        if (plainName && modelsFolder != null && Files.isDirectory(modelsFolder.resolve(dirOrName))) {
            return modelsFolder.resolve(dirOrName);
        }
        List<String> known = modelsFolder == null ? List.of() : available(modelsFolder);
        throw new ModelException(dirOrName, "no such model directory"
            + (plainName ? (known.isEmpty() ? " (no models installed in " + modelsFolder + ")"
                : " (installed models: " + String.join(", ", known) + ")") : ""));
    }

    /**
     * Lists the models in a models folder.
     *
     * @param modelsFolder the folder
     * @return names of its subfolders that hold a {@code model.json}, sorted; empty if the folder is absent
     */
    public static List<String> available(Path modelsFolder) {
        List<String> names = new ArrayList<>();
        if (modelsFolder == null || !Files.isDirectory(modelsFolder)) {
            return names;
        }
        try (Stream<Path> s = Files.list(modelsFolder)) {
            s.filter(p -> Files.isRegularFile(p.resolve(CONFIG))).map(p -> p.getFileName().toString()).sorted()
                .forEach(names::add);
        } catch (IOException e) {
            // an unreadable models folder lists nothing; the caller's error names the folder
        }
        return names;
    }

    /**
     * The folder.
     *
     * @return the model directory's path
     */
    public Path path() {
        return path;
    }

    /**
     * The parsed {@code model.json}.
     *
     * @return the configuration (validated)
     */
    public ModelConfig config() {
        return config;
    }

    /**
     * The model as the API describes it to hosts and writers ({@link ModelDescriptor}): its name, its version
     * ({@code version} in {@code model.json}, or the training date when it has none), description, architecture,
     * unweighted accuracy on its held-out test speakers ({@code metrics.balancedAccuracy}) and on corpora it never
     * heard: {@code crossCorpus.meanUnweightedAccuracy} and {@code protocol} in {@code model.json}, or else the
     * {@code **mean**} row of the card's leave-one-corpus-out table.
     *
     * @return a new descriptor
     */
    public ModelDescriptor descriptor() {
        ModelDescriptor d = new ModelDescriptor();
        d.name = config.name != null ? config.name : path.getFileName().toString();
        Object version = config.other().get("version");
        d.version = version != null ? version.toString() : config.training == null ? null : config.training.date;
        d.description = config.description;
        d.architecture = config.architecture;
        d.testAccuracy = config.metrics == null ? null : number(config.metrics.get("balancedAccuracy"));
        if (config.other().get("crossCorpus") instanceof Map<?, ?> cross) {
            d.crossCorpusAccuracy = number(cross.get("meanUnweightedAccuracy"));
            d.crossCorpusProtocol = cross.get("protocol") == null ? null : cross.get("protocol").toString();
        }
        if (d.crossCorpusAccuracy == null) {
            d.crossCorpusAccuracy = cardMean(path.resolve(CARD));
        }
        d.location = path.toAbsolutePath().normalize().toString();
        return d;
    }

    private static Double number(Object value) {
        return value instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
    }

    /** The card's mean over its leave-one-corpus-out runs as a fraction, or {@code null} when it has none. */
    private static Double cardMean(Path card) {
        try {
            Matcher m = Files.isRegularFile(card) ? MEAN_ROW.matcher(Files.readString(card)) : null;
            return m != null && m.find() ? Double.parseDouble(m.group(1)) / 100 : null;
        } catch (IOException e) {
            // An unreadable card states nothing; the weights and model.json are what the model needs.
            return null;
        }
    }

    /**
     * The weights file.
     *
     * @return its path
     */
    public Path weightsFile() {
        return path.resolve(config.weights);
    }

    /**
     * Builds the network and loads the weights into it.
     *
     * @param manager the manager that owns the parameter arrays (its device is where they live)
     * @return the block, ready for inference or further training
     * @throws ModelException if the weights are unreadable, truncated, or for a different network
     */
    public CnnGruBlock loadBlock(NDManager manager) throws ModelException {
        CnnGruBlock block = config.newBlock();
        Path file = weightsFile();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String magic;
            try {
                magic = in.readUTF();
            } catch (IOException e) {
                magic = null;
            }
            if (!WEIGHTS_MAGIC.equals(magic)) {
                throw new ModelException(file, "not an Auralis SER weights file");
            }
            int version = in.readInt();
            if (version != WEIGHTS_VERSION) {
                throw new ModelException(file, "weights format version " + version + " is not supported (expected "
                    + WEIGHTS_VERSION + ")");
            }
            block.loadParameters(manager, in);
            if (in.read() != -1) {
                throw new ModelException(file, "unexpected data after the weights");
            }
        } catch (EOFException e) {
            throw new ModelException(file, "truncated", e);
        } catch (MalformedModelException e) {
            throw new ModelException(file, e.getMessage(), e);
        } catch (ModelException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelException(file, "cannot read: " + e.getMessage(), e);
        }
        return block;
    }

    /**
     * Writes a model directory with a model card generated from the configuration.
     *
     * @param dir the folder, created if needed; files of the same names are replaced
     * @param config the configuration; its architecture and sizes must match the block
     * @param block the initialised network
     * @return the written directory
     * @throws IOException if writing fails
     */
    public static ModelDirectory write(Path dir, ModelConfig config, CnnGruBlock block) throws IOException {
        return write(dir, config, block, ModelCard.render(config));
    }

    /**
     * Writes a model directory: the weights, {@code model.json} and the given model card. Each file is written
     * to a temporary name and moved into place, so a crash never leaves a half-written file under the real name.
     *
     * @param dir the folder, created if needed; files of the same names are replaced
     * @param config the configuration; its architecture and sizes must match the block
     * @param block the initialised network
     * @param card the model card, Markdown
     * @return the written directory
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if the configuration does not describe the block
     */
    public static ModelDirectory write(Path dir, ModelConfig config, CnnGruBlock block, String card)
        throws IOException {
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid model configuration: " + String.join("; ", problems));
        }
        if (!config.topology().equals(block.topology())) {
            throw new IllegalArgumentException("model.json describes " + config.topology() + " but the block is "
                + block);
        }
        Files.createDirectories(dir);
        Path weights = dir.resolve(config.weights);
        AtomicFile.replace(weights, out -> {
            DataOutputStream data = new DataOutputStream(out);
            data.writeUTF(WEIGHTS_MAGIC);
            data.writeInt(WEIGHTS_VERSION);
            block.saveParameters(data);
            data.flush();
        });
        writeConfig(dir, config);
        AtomicFile.replace(dir.resolve(CARD), out -> out.write(card.getBytes(StandardCharsets.UTF_8)));
        return new ModelDirectory(dir, config);
    }

    /**
     * Rewrites only {@code model.json}, for example to record metrics after an evaluation.
     *
     * @param dir the model directory
     * @param config the new configuration
     * @throws IOException if writing fails
     */
    public static void writeConfig(Path dir, ModelConfig config) throws IOException {
        byte[] json = JSON.writeValueAsBytes(config);
        AtomicFile.replace(dir.resolve(CONFIG), out -> {
            out.write(json);
            out.write('\n');
        });
    }

    @Override
    public String toString() {
        return path + " (" + config.architecture + ", " + String.join(",", config.classes) + ")";
    }
}
