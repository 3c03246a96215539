package io.auralis.ser.runtime;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import io.auralis.api.Platform;
import io.auralis.djl.DjlRuntime;
import io.auralis.ser.inference.ComputeDevice;
import io.auralis.ser.inference.EmotionModel;
import io.auralis.ser.model.ModelDirectory;
import io.auralis.ser.model.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Loads emotion models on first use and keeps them for the life of the bundle, one per model directory and
 * device, so that the extractor's sessions and the {@code ser} command share one copy of the weights. Thread-safe.
 *
 * <p>Model names resolve under the {@value Platform#MODELS} folder; the device defaults to the platform's
 * {@value Platform#DEVICE} ({@code --device} on the command line), else {@code auto}.
 */
@Component(service = ModelService.class)
public class ModelService {

    private final DjlRuntime djl;
    private final Path modelsFolder;
    private final String platformDevice;
    private final Map<String, EmotionModel> loaded = new HashMap<>();

    /**
     * Creates the service.
     *
     * @param djl the DJL runtime, which starts the engine with the right class loader
     * @param context the bundle context, for the platform's framework properties
     */
    @Activate
    public ModelService(@Reference DjlRuntime djl, BundleContext context) {
        this(djl, pathOrNull(context.getProperty(Platform.MODELS)), context.getProperty(Platform.DEVICE));
    }

    /**
     * Creates the service outside OSGi (tests, tools).
     *
     * @param djl the DJL runtime
     * @param modelsFolder where model names resolve, or {@code null}
     * @param platformDevice the default device option, or {@code null} for auto
     */
    public ModelService(DjlRuntime djl, Path modelsFolder, String platformDevice) {
        this.djl = djl;
        this.modelsFolder = modelsFolder;
        this.platformDevice = platformDevice == null || platformDevice.isBlank() ? ComputeDevice.AUTO
            : platformDevice;
    }

    private static Path pathOrNull(String s) {
        return s == null || s.isBlank() ? null : Path.of(s);
    }

    /**
     * The installation's models folder.
     *
     * @return the folder, or {@code null} when the platform names none
     */
    public Path modelsFolder() {
        return modelsFolder;
    }

    /**
     * The device used when a caller does not choose one.
     *
     * @return {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
     */
    public String platformDevice() {
        return platformDevice;
    }

    /**
     * Opens (without loading weights) the model directory a name or path stands for.
     *
     * @param dirOrName a folder, relative to {@code workingDirectory}, or a name under the models folder
     * @param workingDirectory where relative paths resolve
     * @return the model directory
     * @throws ModelException if there is no such model or it is broken
     */
    public ModelDirectory directory(String dirOrName, Path workingDirectory) throws ModelException {
        return ModelDirectory.open(ModelDirectory.resolve(dirOrName, workingDirectory, modelsFolder));
    }

    /**
     * Returns a loaded model, loading it on first use.
     *
     * @param dirOrName a folder, relative to {@code workingDirectory}, or a name under the models folder
     * @param workingDirectory where relative paths resolve
     * @param device a device option, or {@code null}/empty for the platform's
     * @return the model; do not close it, the service does when the bundle stops
     * @throws ModelException if the model is missing, broken or cannot be loaded
     * @throws IllegalArgumentException if the device option is malformed or names a missing GPU
     * @throws EngineException if the PyTorch engine cannot start
     */
    public EmotionModel model(String dirOrName, Path workingDirectory, String device) throws ModelException {
        String spec = device == null || device.isBlank() ? platformDevice : device;
        ComputeDevice.checkSyntax(spec);
        ModelDirectory dir = directory(dirOrName, workingDirectory);
        String deviceName = ComputeDevice.name(ComputeDevice.resolve(spec, engine()));
        String key;
        try {
            // the weights' time stamp in the key: a model retrained in place is loaded afresh
            key = dir.path().toRealPath() + "|" + Files.getLastModifiedTime(dir.weightsFile()).toMillis() + "|"
                + deviceName;
        } catch (IOException e) {
            throw new ModelException(dir.path(), "cannot read: " + e.getMessage(), e);
        }
        synchronized (loaded) {
            EmotionModel model = loaded.get(key);
            if (model == null) {
                model = withDjl(() -> EmotionModel.load(dir, deviceName));
                loaded.put(key, model);
            }
            return model;
        }
    }

    /**
     * Runs DJL work with the class loader DJL needs, for callers that build or train networks themselves.
     *
     * @param work the work
     * @param <T> its result type
     * @return its result
     * @throws ModelException if the work throws one
     * @throws EngineException if the PyTorch engine cannot start
     */
    public <T> T withDjl(Callable<T> work) throws ModelException {
        engine();
        try {
            return djl.call(work);
        } catch (ModelException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }

    /**
     * The started engine.
     *
     * @return the PyTorch engine
     * @throws EngineException if it cannot start, saying why
     */
    public Engine engine() {
        try {
            return djl.engine();
        } catch (IllegalStateException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    /** Closes every loaded model. */
    @Deactivate
    public void close() {
        List<EmotionModel> models;
        synchronized (loaded) {
            models = new ArrayList<>(loaded.values());
            loaded.clear();
        }
        models.forEach(EmotionModel::close);
    }
}
