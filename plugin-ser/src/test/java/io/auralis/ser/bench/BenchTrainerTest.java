package io.auralis.ser.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingConfig;
import ai.djl.training.optimizer.Optimizer;
import io.auralis.ser.model.Architecture;
import io.auralis.ser.model.CnnGruBlock;
import io.auralis.ser.model.ModelConfig;
import io.auralis.ser.training.ResumableAdam;
import io.auralis.ser.training.TrainerFactory;
import io.auralis.ser.training.TrainingOptions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@code ser bench} times the trainer {@code ser train} runs, not one of its own. */
class BenchTrainerTest {

    private static final Device CPU = Device.cpu();

    @Test
    void theBenchTrainsWithSerTrainsLossOptimiserInitialisersAndListeners() {
        // ser train's options for the network: the command line's defaults with the shape of the measured model
        TrainingOptions train = new TrainingOptions();
        train.architecture = "cnn5gru";
        train.hidden = 32;
        ModelConfig measured = ModelConfig.of("m", TrainerFactory.block(train, 4), List.of("a", "b", "c", "d"), 0);
        TrainingOptions benchOptions = SerBenchmark.trainingOptions(measured);
        DefaultTrainingConfig bench = SerBenchmark.trainingConfig(benchOptions, CPU, 10);
        DefaultTrainingConfig serTrain = TrainerFactory.config(train, TrainerFactory.optimizer(train, 10, 0), CPU);

        assertEquals(serTrain.getLossFunction().getClass(), bench.getLossFunction().getClass());
        assertInstanceOf(ResumableAdam.class, bench.getOptimizer());
        assertEquals(classes(serTrain.getTrainingListeners()), classes(bench.getTrainingListeners()));
        assertEquals(classes(serTrain.getEvaluators()), classes(bench.getEvaluators()));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logProbabilities = m.create(new float[] {0.7f, 0.2f, 0.1f, 0.1f, 0.1f, 0.8f}, new Shape(2, 3))
                .log();
            NDList labels = new NDList(m.create(new long[] {0, 2}));
            assertEquals(serTrain.getLossFunction().evaluate(labels, new NDList(logProbabilities)).getFloat(),
                bench.getLossFunction().evaluate(labels, new NDList(logProbabilities)).getFloat());
            assertArrayEquals(updated(serTrain.getOptimizer(), m), updated(bench.getOptimizer(), m));
        }
        Map<String, float[]> a = initialised(train, serTrain);
        Map<String, float[]> b = initialised(benchOptions, bench);
        assertEquals(a.keySet(), b.keySet());
        a.forEach((name, values) -> assertArrayEquals(values, b.get(name), name));
    }

    private static List<String> classes(List<?> objects) {
        return objects.stream().map(o -> o.getClass().getName()).toList();
    }

    /** A weight after three updates with the same gradients: equal only for the same rate, schedule and decay. */
    private static float[] updated(Optimizer optimizer, NDManager m) {
        NDArray weight = m.create(new float[] {0.5f, -1.0f, 2.0f});
        for (int step = 0; step < 3; step++) {
            optimizer.update("w", weight, m.create(new float[] {0.1f * step, -0.3f, 1.0f / (step + 1)}));
        }
        return weight.toFloatArray();
    }

    /** The block's parameters as the trainer initialises them from the same engine seed. */
    private static Map<String, float[]> initialised(TrainingOptions options, TrainingConfig config) {
        CnnGruBlock block = TrainerFactory.block(options, 4);
        Map<String, float[]> values = new TreeMap<>();
        try (Model model = Model.newInstance("test", CPU, "PyTorch")) {
            model.setBlock(block);
            Engine.getEngine("PyTorch").setRandomSeed(11);
            try (Trainer trainer = TrainerFactory.newTrainer(model, config, Architecture.fromId(options.architecture))) {
                block.getParameters().forEach(p -> values.put(p.getKey(), p.getValue().getArray().toFloatArray()));
            }
        }
        return values;
    }
}
