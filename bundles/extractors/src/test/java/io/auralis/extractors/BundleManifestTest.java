package io.auralis.extractors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The manifest bnd wrote into {@code target/classes} (skipped where the build did not run bnd, as in some IDEs):
 * the bundle imports TarsosDSP and the API at version ranges, exports nothing, and declares its three components.
 */
class BundleManifestTest {
    private static final Path CLASSES = Path.of("target/classes");

    private static Attributes manifest() throws IOException {
        Path file = CLASSES.resolve("META-INF/MANIFEST.MF");
        assumeTrue(Files.isRegularFile(file), "no bnd manifest in " + file);
        try (InputStream in = Files.newInputStream(file)) {
            return new Manifest(in).getMainAttributes();
        }
    }

    @Test
    void importsTarsosDspAndTheApiAtVersionRangesAndExportsNothing() throws IOException {
        Attributes m = manifest();
        String imports = m.getValue("Import-Package");
        assertTrue(imports.contains("be.tarsos.dsp.pitch;version=\"[2.4,3)\""), imports);
        // Any 1.x of the API will do: the lower bound is the minor version compiled against.
        assertTrue(imports.matches(".*io\\.auralis\\.api\\.extractor;version=\"\\[1\\.\\d+,2\\)\".*"), imports);
        assertTrue(imports.matches(".*io\\.auralis\\.api\\.audio;version=\"\\[1\\.\\d+,2\\)\".*"), imports);
        assertNull(m.getValue("Export-Package"));
        assertEquals("io.auralis.extractors", m.getValue("Bundle-SymbolicName"));
    }

    @Test
    void declaresThreeExtractorComponents() throws IOException {
        Attributes m = manifest();
        List<String> declared = List.of(m.getValue("Service-Component").split(","));
        assertEquals(3, declared.size(), declared.toString());
        List<Path> xml;
        try (Stream<Path> files = Files.list(CLASSES.resolve("OSGI-INF"))) {
            xml = files.filter(f -> f.toString().endsWith(".xml")).sorted().collect(Collectors.toList());
        }
        assertEquals(3, xml.size(), xml.toString());
        for (Path component : xml) {
            String text = Files.readString(component);
            assertTrue(text.contains("<provide interface=\"io.auralis.api.extractor.FeatureExtractor\"/>"),
                component + " does not provide FeatureExtractor");
        }
    }
}
