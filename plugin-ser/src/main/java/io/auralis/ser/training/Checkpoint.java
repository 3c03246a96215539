package io.auralis.ser.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.auralis.ser.storage.AtomicFile;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code checkpoint/} folder of a model being trained: after every epoch the weights, the optimiser's state
 * and {@link CheckpointState}, plus the weights of the best epoch so far.
 *
 * <p>Files are named by epoch and {@code state.json} is replaced atomically last, so a crash at any point leaves a
 * consistent checkpoint: the state names files that were completely written before it. Files no longer named are
 * deleted afterwards.
 */
public final class Checkpoint {

    /** The folder's name inside the model folder. */
    public static final String FOLDER = "checkpoint";
    /** The state file's name. */
    public static final String STATE = "state.json";

    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path folder;

    /**
     * Opens (without creating) the checkpoint folder of a model folder.
     *
     * @param modelFolder the {@code --out} folder
     */
    public Checkpoint(Path modelFolder) {
        this.folder = modelFolder.resolve(FOLDER);
    }

    /**
     * The checkpoint folder.
     *
     * @return {@code <model>/checkpoint}
     */
    public Path folder() {
        return folder;
    }

    /**
     * Whether a checkpoint has been written.
     *
     * @return whether {@code state.json} exists
     */
    public boolean exists() {
        return Files.isRegularFile(folder.resolve(STATE));
    }

    /**
     * Reads the state.
     *
     * @return the state
     * @throws IOException if it is missing or not a checkpoint state; the message names the file
     */
    public CheckpointState read() throws IOException {
        Path file = folder.resolve(STATE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(folder.getParent() + ": no checkpoint to resume from (no " + FOLDER + "/" + STATE
                + ")");
        }
        CheckpointState state;
        try {
            state = JSON.readValue(file.toFile(), CheckpointState.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a checkpoint state (" + e.getOriginalMessage() + ")", e);
        }
        if (state == null || !CheckpointState.FORMAT.equals(state.format) || state.options == null
            || state.weights == null || state.optimizer == null) {
            throw new IOException(file + ": not a checkpoint state of format " + CheckpointState.FORMAT);
        }
        List<String> named = new ArrayList<>(List.of(state.weights, state.optimizer));
        if (state.bestWeights != null) {
            named.add(state.bestWeights);
        }
        if (state.averagedWeights == null) {
            state.averagedWeights = new ArrayList<>();
        }
        named.addAll(state.averagedWeights);
        for (String name : named) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                throw new IOException(file + ": names " + name + ", which is missing");
            }
        }
        return state;
    }

    /**
     * Saves an epoch: the weights, the optimiser state, the best weights when this epoch is the best, then the
     * state, then deletes files from earlier epochs, except the weights of epochs to be averaged
     * ({@link TrainingOptions#averageFrom}), which are kept and listed in the state.
     *
     * @param block the network
     * @param optimizer its optimiser
     * @param state the state to record; its file names are set here
     * @param isBest whether this epoch's weights are the best so far
     * @throws IOException if writing fails
     */
    public void save(Block block, ResumableAdam optimizer, CheckpointState state, boolean isBest)
        throws IOException {
        Files.createDirectories(folder);
        String epoch = String.format(Locale.ROOT, "%04d", state.completedEpochs);
        String weights = "weights-" + epoch + ".params";
        AtomicFile.replace(folder.resolve(weights), out -> block.saveParameters(new DataOutputStream(out)));
        String optimizerFile = "optimizer-" + epoch + ".bin";
        AtomicFile.replace(folder.resolve(optimizerFile), out -> optimizer.save(block, new DataOutputStream(out)));
        if (isBest) {
            String best = "best-" + epoch + ".params";
            AtomicFile.replace(folder.resolve(best), out -> Files.copy(folder.resolve(weights), out));
            state.bestWeights = best;
        }
        int averageFrom = state.options == null ? 0 : state.options.averageFrom;
        if (averageFrom > 0 && state.completedEpochs >= averageFrom && !state.averagedWeights.contains(weights)) {
            state.averagedWeights.add(weights);
        }
        state.weights = weights;
        state.optimizer = optimizerFile;
        state.updates = optimizer.updates();
        byte[] json = JSON.writeValueAsBytes(state);
        AtomicFile.replace(folder.resolve(STATE), out -> out.write(json));
        Set<String> keep = new HashSet<>(List.of(STATE, weights, optimizerFile));
        if (state.bestWeights != null) {
            keep.add(state.bestWeights);
        }
        keep.addAll(state.averagedWeights);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                if (!keep.contains(f.getFileName().toString())) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /**
     * Loads saved weights into a block.
     *
     * @param block the network, initialised with the same shape
     * @param manager the model's manager
     * @param name a weights file of this checkpoint
     * @throws IOException if the file is missing or does not fit the block
     */
    public void loadWeights(Block block, NDManager manager, String name) throws IOException {
        Path file = folder.resolve(name);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            block.loadParameters(manager, in);
        } catch (MalformedModelException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the saved optimiser state.
     *
     * @param optimizer the new run's optimiser
     * @param block the network
     * @param manager creates the state arrays
     * @param device where the parameters live
     * @param name the optimiser file of this checkpoint
     * @return the saved update count
     * @throws IOException if the file is missing or does not fit the block
     */
    public int loadOptimizer(ResumableAdam optimizer, Block block, NDManager manager, ai.djl.Device device,
                             String name) throws IOException {
        Path file = folder.resolve(name);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return optimizer.load(block, manager, device, in);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
