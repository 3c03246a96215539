package io.auralis.ser.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Clips of different lengths zero-padded into one batch, with their valid lengths, give each clip its result
 * alone: the masked forward pass that lets training and inference batch real files.
 */
class MaskedBatchTest {

    private static final float TOLERANCE = 1e-5f;

    @ParameterizedTest
    @CsvSource({"CNN3, false, false, false", "CNN5, false, false, false", "CNN11, false, false, false",
        "CNN18, false, false, false", "CNN5, true, false, false", "CNN18, true, false, false",
        "CNN3, false, true, false", "CNN5, false, true, false", "CNN11, false, true, false",
        "CNN18, false, true, false", "CNN5, true, true, false", "CNN3, false, false, true",
        "CNN5, false, false, true", "CNN11, false, false, true", "CNN18, false, false, true",
        "CNN5, true, false, true", "CNN5, false, true, true"})
    void everyClipOfAPaddedBatchGetsItsResultAlone(Architecture arch, boolean temporal, boolean instanceNorm,
                                                   boolean logSpectrum) {
        Random random = new Random(arch.ordinal() * 31L + (temporal ? 1 : 0) + (instanceNorm ? 2 : 0)
            + (logSpectrum ? 4 : 0));
        int min = arch.minimumSamples();
        int[] lengths = {min, 24_000, min + 1 + random.nextInt(4000), 3 + random.nextInt(20_000) + min,
            16_000 + random.nextInt(8000)};
        int longest = 0;
        for (int n : lengths) {
            longest = Math.max(longest, n);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock block = CnnGru.builder().setArchitecture(arch).setNumClasses(4).optTemporal(temporal)
                .optInstanceNorm(instanceNorm).optLogSpectrum(logSpectrum).build();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 16000));
            randomiseNorms(block, manager, random);
            float[][] clips = new float[lengths.length][];
            float[] padded = new float[lengths.length * longest];
            long[] valid = new long[lengths.length];
            for (int b = 0; b < lengths.length; b++) {
                clips[b] = new float[lengths[b]];
                for (int i = 0; i < lengths[b]; i++) {
                    clips[b][i] = (float) (random.nextGaussian() * 0.2);
                }
                System.arraycopy(clips[b], 0, padded, b * longest, lengths[b]);
                valid[b] = lengths[b];
            }
            for (boolean folded : new boolean[] {false, true}) {
                if (folded) {
                    block.foldNorms();
                }
                NDArray batch = block.forward(new ParameterStore(manager, false), new NDList(
                    manager.create(padded, new Shape(lengths.length, 1, longest)), manager.create(valid)), false)
                    .head();
                for (int b = 0; b < lengths.length; b++) {
                    float[] alone = block.forward(new ParameterStore(manager, false), new NDList(
                        manager.create(clips[b], new Shape(1, 1, lengths[b]))), false).head().toFloatArray();
                    float[] inBatch = batch.get(b).toFloatArray();
                    assertArrayEquals(alone, inBatch, TOLERANCE, arch.id() + (temporal ? " temporal" : "")
                        + (instanceNorm ? " instance norm" : "") + (logSpectrum ? " log spectrum" : "")
                        + (folded ? " folded" : "") + ": clip " + b + " of " + lengths[b] + " samples padded to "
                        + longest);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"CNN5"})
    void aValidLengthOutsideTheBatchIsAClearError(Architecture arch) {
        try (NDManager manager = NDManager.newBaseManager()) {
            CnnGruBlock block = CnnGru.builder().setArchitecture(arch).setNumClasses(4).build();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 16000));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> block.forward(
                new ParameterStore(manager, false), new NDList(manager.zeros(new Shape(2, 1, 8000)),
                    manager.create(new long[] {8000, 9000})), false));
            assertTrue(e.getMessage().contains("valid length 9000 is outside"), e.getMessage());
        }
    }

    /** Running statistics away from 0 and 1, so a masking bug in the folded path cannot hide behind identity norms. */
    private static void randomiseNorms(CnnGruBlock block, NDManager manager, Random random) {
        block.stateDict().forEach((name, p) -> {
            if (name.endsWith("running_mean") || name.endsWith("running_var")) {
                long n = p.getArray().getShape().get(0);
                float[] v = new float[(int) n];
                for (int i = 0; i < v.length; i++) {
                    v[i] = name.endsWith("mean") ? (float) random.nextGaussian() * 0.1f
                        : 0.5f + random.nextFloat();
                }
                p.getArray().set(manager.create(v).toByteBuffer());
            }
        });
    }
}
