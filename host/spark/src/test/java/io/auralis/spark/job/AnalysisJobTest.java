package io.auralis.spark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class AnalysisJobTest {
    @Test
    void partitionsGiveEachCoreSeveralTasksButNeverMoreTasksThanFiles() {
        assertEquals(3, AnalysisJob.partitions(3, 2));
        assertEquals(8, AnalysisJob.partitions(535, 2));
        assertEquals(64, AnalysisJob.partitions(5_000, 16));
        assertEquals(1, AnalysisJob.partitions(1, 0));
    }

    @Test
    void partitionsCapTheFilesATaskRepeatsWhenItIsLost() {
        assertEquals(1000, AnalysisJob.partitions(100_000, 2));
    }

    @Test
    void clusterSettingsShipTheJarOpenTheModulesAndStartHostsWithExecutors() {
        SparkConf conf = SparkSettings.build("spark://127.0.0.1:7077", "2g", "auralis analyze x", "/a/app.jar",
            Map.of("spark.executor.cores", "4"));
        assertEquals("spark://127.0.0.1:7077", conf.get("spark.master"));
        assertEquals("2g", conf.get("spark.executor.memory"));
        assertEquals("/a/app.jar", conf.get("spark.jars"));
        assertTrue(conf.get("spark.executor.extraJavaOptions").contains("--add-opens=java.base/sun.nio.ch"));
        assertEquals("io.auralis.spark.executor.HostPlugin", conf.get("spark.plugins"));
        assertEquals("2", conf.get("spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version"));
        assertEquals("4", conf.get("spark.executor.cores"));
        assertFalse(conf.contains("spark.driver.host"), "a cluster must reach the driver at its real address");
    }

    @Test
    void localSettingsStayOnLoopbackWithoutPluginOrJar() {
        SparkConf conf = SparkSettings.build("local[2]", null, "auralis analyze x", null, Map.of());
        assertEquals("127.0.0.1", conf.get("spark.driver.host"));
        assertEquals("127.0.0.1", conf.get("spark.driver.bindAddress"));
        assertEquals("false", conf.get("spark.ui.enabled"));
        assertFalse(conf.contains("spark.plugins"));
        assertFalse(conf.contains("spark.jars"));
    }

    @Test
    void executorsCompileWithTheQuickJitUnlessTheUserChoseOne() {
        SparkConf chosenForThem = SparkSettings.build("spark://127.0.0.1:7077", null, "x", "/a/app.jar", Map.of());
        String options = chosenForThem.get("spark.executor.extraJavaOptions");
        assertTrue(options.contains(" " + SparkSettings.EXECUTOR_JIT), options);
        assertTrue(options.contains("--add-opens=java.base/sun.nio.ch"), options);

        System.setProperty("spark.executor.extraJavaOptions", "-XX:TieredStopAtLevel=4 -Dsome.flag=1");
        try {
            String kept = SparkSettings.build("spark://127.0.0.1:7077", null, "x", "/a/app.jar", Map.of())
                .get("spark.executor.extraJavaOptions");
            assertTrue(kept.startsWith("-XX:TieredStopAtLevel=4 -Dsome.flag=1 --add-opens="), kept);
            assertFalse(kept.contains(SparkSettings.EXECUTOR_JIT), kept);
        } finally {
            System.clearProperty("spark.executor.extraJavaOptions");
        }
    }

    @Test
    void executorsRunOnePassiveTorchThreadPerTaskCpuASmallYoungGenerationAndFixedMallocThresholdsUnlessTheUserChose() {
        SparkConf chosenForThem = SparkSettings.build("spark://127.0.0.1:7077", null, "x", "/a/app.jar", Map.of());
        String options = chosenForThem.get("spark.executor.extraJavaOptions");
        assertTrue(options.contains(" -Dai.djl.pytorch.num_threads=1"), options);
        assertTrue(options.contains(" " + SparkSettings.EXECUTOR_YOUNG), options);
        assertEquals("PASSIVE", chosenForThem.get("spark.executorEnv.OMP_WAIT_POLICY"));
        assertEquals(SparkSettings.MALLOC_MMAP_THRESHOLD, chosenForThem.get("spark.executorEnv.MALLOC_MMAP_THRESHOLD_"));
        assertEquals(SparkSettings.MALLOC_TRIM_THRESHOLD, chosenForThem.get("spark.executorEnv.MALLOC_TRIM_THRESHOLD_"));

        System.setProperty("spark.executor.extraJavaOptions", "-Dai.djl.pytorch.num_threads=4 -Xmn256m");
        System.setProperty("spark.executorEnv.OMP_WAIT_POLICY", "ACTIVE");
        System.setProperty("spark.executorEnv.MALLOC_MMAP_THRESHOLD_", "131072");
        try {
            SparkConf theirs = SparkSettings.build("spark://127.0.0.1:7077", null, "x", "/a/app.jar", Map.of());
            String kept = theirs.get("spark.executor.extraJavaOptions");
            assertFalse(kept.contains("num_threads=1"), kept);
            assertFalse(kept.contains(SparkSettings.EXECUTOR_YOUNG), kept);
            assertEquals("ACTIVE", theirs.get("spark.executorEnv.OMP_WAIT_POLICY"));
            assertEquals("131072", theirs.get("spark.executorEnv.MALLOC_MMAP_THRESHOLD_"));
        } finally {
            System.clearProperty("spark.executor.extraJavaOptions");
            System.clearProperty("spark.executorEnv.OMP_WAIT_POLICY");
            System.clearProperty("spark.executorEnv.MALLOC_MMAP_THRESHOLD_");
        }
    }
}
