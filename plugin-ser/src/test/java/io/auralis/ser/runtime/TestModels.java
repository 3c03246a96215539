package io.auralis.ser.runtime;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.auralis.djl.DjlRuntime;
import io.auralis.ser.model.Architecture;
import io.auralis.ser.model.CnnGru;
import io.auralis.ser.model.CnnGruBlock;
import io.auralis.ser.model.ModelConfig;
import io.auralis.ser.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Small random-weight models and a {@link ModelService} on the plain class path, for tests. */
public final class TestModels {
    private TestModels() {
    }

    /** DJL on the test class path needs no class-loader juggling. */
    public static DjlRuntime classpathRuntime() {
        return new DjlRuntime() {
            @Override
            public Engine engine() {
                return Engine.getEngine(ENGINE);
            }

            @Override
            public <T> T call(Callable<T> work) throws Exception {
                return work.call();
            }

            @Override
            public Path cacheDirectory() {
                return Path.of(System.getProperty("DJL_CACHE_DIR", System.getProperty("user.home") + "/.djl.ai"));
            }
        };
    }

    /**
     * Writes a cnn3gru model with random weights.
     *
     * @param models the models folder
     * @param name the model's folder name
     * @param classes its classes
     * @return the model directory
     */
    public static Path write(Path models, String name, List<String> classes) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock block = CnnGru.builder().setArchitecture(Architecture.CNN3).setNumClasses(classes.size())
                .optHidden(16).build();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 4000));
            return ModelDirectory.write(models.resolve(name), ModelConfig.of(name, block, classes, 0), block).path();
        }
    }

    /**
     * A model service over a models folder, on the CPU.
     *
     * @param models the folder
     * @return the service
     */
    public static ModelService service(Path models) {
        return new ModelService(classpathRuntime(), models, "cpu");
    }
}
