package io.auralis.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core distribution stays lean: Spark is an add-on ({@code host/spark}), so the installation most users unpack
 * holds no Spark jar and stays under {@value #LIMIT_MB} MB, folder and tarball alike. The build prints both sizes.
 */
class CoreDistributionSizeIT {
    /** The limit issue #16 set for the core install. */
    static final long LIMIT_MB = 150;

    @Test
    void theCoreInstallationAndItsTarballStayUnder150MbWithoutSpark() throws IOException {
        Path dist = Path.of(System.getProperty("auralis.dist"));
        Path tarball;
        try (Stream<Path> files = Files.list(dist.getParent())) {
            List<Path> tarballs = files.filter(f -> f.getFileName().toString().matches("auralis-.*\\.tar\\.gz"))
                .toList();
            assertEquals(1, tarballs.size(), "one core tarball beside " + dist + ": " + tarballs);
            tarball = tarballs.get(0);
        }
        long folder = size(dist);
        long packed = Files.size(tarball);
        System.out.printf(Locale.ROOT, "auralis: core distribution %s: %.1f MB (tarball %s: %.1f MB); limit %d MB%n",
            dist, mb(folder), tarball.getFileName(), mb(packed), LIMIT_MB);

        try (Stream<Path> files = Files.walk(dist)) {
            List<Path> spark = files.filter(f -> f.getFileName().toString().matches("spark-.*\\.jar")).toList();
            assertEquals(List.of(), spark, "Spark's jars belong in the Spark add-on");
        }
        assertTrue(mb(folder) < LIMIT_MB, String.format(Locale.ROOT, "%s is %.1f MB", dist, mb(folder)));
        assertTrue(mb(packed) < LIMIT_MB, String.format(Locale.ROOT, "%s is %.1f MB", tarball, mb(packed)));
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static double mb(long bytes) {
        return bytes / 1e6;
    }
}
