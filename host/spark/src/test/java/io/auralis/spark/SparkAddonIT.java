package io.auralis.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.spark.fixtures.Installation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Spark add-on this module builds: what {@code bin/auralis} puts on the class path for {@code --master}
 * ({@code lib/}: Spark, its libraries and this module's jar), the application jar the cluster route ships
 * ({@code app/}), and the tarball that unpacks it as {@code addons/spark/} into an installation. The build prints
 * its size beside the core distribution's ({@code CoreDistributionSizeIT} in the host).
 */
class SparkAddonIT {

    @Test
    void theAddOnHoldsSparkTheRunnerAndTheApplicationJarAndItsTarballUnpacksIntoAddonsSpark() throws Exception {
        Path addon = Installation.sparkAddon();
        try (Stream<Path> lib = Files.list(addon.resolve("lib"))) {
            List<String> names = lib.map(f -> f.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("spark-core_2.13-")), names.toString());
            assertTrue(names.contains("auralis-spark.jar"), names.toString());
        }
        assertTrue(Files.isRegularFile(addon.resolve(SparkRunner.APP_JAR)), addon.resolve(SparkRunner.APP_JAR)
            + " exists");
        assertTrue(Files.notExists(Installation.home().resolve("lib/spark")), "the core installation has no Spark");

        Path tarball;
        try (Stream<Path> files = Files.list(addon.getParent())) {
            List<Path> tarballs = files.filter(f -> f.getFileName().toString().matches("auralis-spark-addon-.*\\.tar\\.gz"))
                .toList();
            assertEquals(1, tarballs.size(), tarballs.toString());
            tarball = tarballs.get(0);
        }
        Process list = new ProcessBuilder("tar", "-tzf", tarball.toString()).redirectErrorStream(true).start();
        List<String> entries = new String(list.getInputStream().readAllBytes()).lines().toList();
        assertEquals(0, list.waitFor());
        assertTrue(entries.contains("addons/spark/lib/auralis-spark.jar"), "tarball entries: " + entries.subList(0,
            Math.min(5, entries.size())));
        assertTrue(entries.contains("addons/spark/" + SparkRunner.APP_JAR));
        assertTrue(entries.stream().allMatch(e -> e.startsWith("addons/spark/")), "everything under addons/spark/");

        System.out.printf(Locale.ROOT, "auralis: Spark add-on %s: %.1f MB (tarball %s: %.1f MB)%n", addon,
            size(addon) / 1e6, tarball.getFileName(), Files.size(tarball) / 1e6);
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
