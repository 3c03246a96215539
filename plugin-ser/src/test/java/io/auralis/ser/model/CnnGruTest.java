package io.auralis.ser.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CnnGruTest {

    static CnnGruBlock initialised(NDManager manager, Architecture arch, boolean temporal) {
        CnnGruBlock block = CnnGru.builder().setArchitecture(arch).setNumClasses(7).optTemporal(temporal).build();
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 16000));
        return block;
    }

    static NDArray noise(NDManager manager, int batch, int samples, long seed) {
        Random r = new Random(seed);
        float[] data = new float[batch * samples];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (r.nextGaussian() * 0.1);
        }
        return manager.create(data, new Shape(batch, 1, samples));
    }

    @ParameterizedTest
    @CsvSource({"CNN3, 14828", "CNN5, 17002", "CNN11, 80678", "CNN18, 333221"})
    void trainableParameterCountMatchesPyTorch(Architecture arch, long expected) {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertEquals(expected, initialised(manager, arch, false).trainableParameterCount());
        }
    }

    @ParameterizedTest
    @CsvSource({"CNN3, 220", "CNN5, 1180", "CNN11, 1180", "CNN18, 1180"})
    void forwardGivesOneLogDistributionPerClipForShortAndLongInputs(Architecture arch, int minimum) {
        assertEquals(minimum, arch.minimumSamples());
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock block = initialised(manager, arch, false);
            for (int samples : new int[] {minimum, minimum + 3, 4 * minimum + 17, 8000}) {
                NDArray out = block.forward(new ParameterStore(manager, false), new NDList(noise(manager, 3,
                    samples, samples)), false).head();
                assertEquals(new Shape(3, 7), out.getShape());
                float[] sums = out.exp().sum(new int[] {1}).toFloatArray();
                assertArrayEquals(new float[] {1, 1, 1}, sums, 1e-5f);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"CNN3", "CNN18"})
    void inputShorterThanTheMinimumIsAClearError(Architecture arch) {
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock block = initialised(manager, arch, false);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> block.forward(
                new ParameterStore(manager, false), new NDList(noise(manager, 1, arch.minimumSamples() - 1, 1)),
                false));
            assertTrue(e.getMessage().contains("shorter than the " + arch.minimumSamples()), e.getMessage());
        }
    }

    @Test
    void temporalVariantRunsOverTimeWithTheSameParameters() {
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock temporal = initialised(manager, Architecture.CNN5, true);
            NDArray out = temporal.forward(new ParameterStore(manager, false),
                new NDList(noise(manager, 2, 16000, 5)), false).head();
            assertEquals(new Shape(2, 7), out.getShape());
            assertEquals(temporal.stateDict().keySet(), initialised(manager, Architecture.CNN5, false).stateDict()
                .keySet());
        }
    }

    @Test
    void stateDictUsesThePublishedPyTorchNamesAndShapes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, Parameter> dict = initialised(manager, Architecture.CNN11, false).stateDict();
            assertEquals(new Shape(11, 1, 160), dict.get("conv1.weight").getArray().getShape());
            assertEquals(new Shape(11), dict.get("bn3.running_var").getArray().getShape());
            assertEquals(new Shape(88, 88, 3), dict.get("conv10.weight").getArray().getShape());
            assertEquals(new Shape(44, 88), dict.get("fc1.weight").getArray().getShape());
            assertEquals(new Shape(192, 44), dict.get("gru1.weight_ih_l0").getArray().getShape());
            assertEquals(new Shape(192, 64), dict.get("gru1.weight_hh_l0").getArray().getShape());
            assertEquals(new Shape(192), dict.get("gru1.bias_hh_l0").getArray().getShape());
            assertEquals(new Shape(7, 64), dict.get("fc2.weight").getArray().getShape());
            // 10 convs and 10 norms (4 tensors each but 2 for convs), fc1, the GRU's 4, fc2
            assertEquals(10 * 2 + 10 * 4 + 2 + 4 + 2, dict.size());
        }
    }

    @Test
    void builderRejectsMissingOrOutOfRangeSettings() {
        assertThrows(NullPointerException.class, () -> CnnGru.builder().setNumClasses(7).build());
        assertThrows(IllegalArgumentException.class,
            () -> CnnGru.builder().setArchitecture(Architecture.CNN3).setNumClasses(1).build());
        assertThrows(IllegalArgumentException.class,
            () -> CnnGru.builder().setArchitecture(Architecture.CNN3).setNumClasses(7).optDropout(1f).build());
        assertThrows(IllegalArgumentException.class,
            () -> CnnGru.builder().setArchitecture(Architecture.CNN3).setNumClasses(7).optLayers(0).build());
    }

    @Test
    void architectureNamesResolveCaseInsensitively() {
        assertEquals(Architecture.CNN18, Architecture.fromId("cnn18gru"));
        assertEquals(Architecture.CNN18, Architecture.fromId("CNN18"));
        assertEquals(Architecture.CNN11, Architecture.fromId("CNN-11-GRU"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Architecture.fromId("cnn7"));
        assertTrue(e.getMessage().contains("cnn3gru"));
    }

    @ParameterizedTest
    @CsvSource({"CNN5, false", "CNN11, false", "CNN18, true"})
    void foldingTheNormsIntoTheConvolutionsKeepsInferenceOutputs(Architecture arch, boolean temporal) {
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock block = initialised(manager, arch, temporal);
            // trained-looking statistics, so that folding has something to fold (fresh norms are the identity)
            Random r = new Random(3);
            for (Map.Entry<String, Parameter> e : block.stateDict().entrySet()) {
                if (e.getKey().startsWith("bn")) {
                    NDArray a = e.getValue().getArray();
                    float[] v = new float[(int) a.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = e.getKey().endsWith("running_var") ? 0.2f + r.nextFloat() : (float) r.nextGaussian() * 0.3f;
                    }
                    a.set(v);
                }
            }
            NDArray x = noise(manager, 2, 6000, 11);
            ParameterStore store = new ParameterStore(manager, false);
            float[] plain = block.forward(store, new NDList(x), false).head().toFloatArray();

            block.foldNorms();

            float[] foldedOut = block.forward(store, new NDList(x), false).head().toFloatArray();
            assertArrayEquals(plain, foldedOut, 1e-5f);
        }
    }
}
