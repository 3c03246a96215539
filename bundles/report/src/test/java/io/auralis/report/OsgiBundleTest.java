package io.auralis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.output.OutputWriter;
import io.auralis.api.output.RecordSink;
import io.auralis.testkit.OsgiFramework;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The bundle as bnd built it ({@code target/classes}; a missing manifest fails): it resolves in
 * Felix 7 with SCR, the API exported by the system bundle as the launcher exports it, and nothing else; its
 * component registers the {@code html} writer; a report written through the service has its charts.
 */
class OsgiBundleTest {
    private static final Path CLASSES = Path.of("target/classes");

    @TempDir
    Path dir;

    private static Attributes manifest() throws IOException {
        return OsgiFramework.manifest(CLASSES);
    }

    @Test
    void manifestEmbedsNothingAndImportsOnlyTheApiAndTheJreFirmly() throws IOException {
        Attributes m = manifest();
        assertNull(m.getValue("Bundle-ClassPath"));
        assertNull(m.getValue("Export-Package"));
        // Split on the commas between clauses, not those inside version ranges.
        for (String clause : m.getValue("Import-Package").split(",(?=[a-z])")) {
            String pkg = clause.split(";")[0];
            boolean jre = pkg.startsWith("java.") || pkg.startsWith("javax.imageio") || pkg.startsWith("javax.swing")
                || pkg.startsWith("javax.xml.") || pkg.startsWith("org.xml.sax");
            boolean api = pkg.startsWith("io.auralis.api") && clause.matches(".*;version=\"\\[1\\.\\d+,2\\)\"");
            assertTrue(jre || api || clause.contains("resolution:=optional"), "firm import of " + clause);
        }
    }

    @Test
    void writerServiceRunsInFelixWithScr() throws Exception {
        try (OsgiFramework osgi = OsgiFramework.builder(dir).exportApi().start()) {
            Bundle report = osgi.install(CLASSES);
            osgi.startAll();

            OutputWriter writer = osgi.service(OutputWriter.class, w -> true);
            assertEquals("html", writer.format());
            assertSame(report, FrameworkUtil.getBundle(writer.getClass()));

            Path target = dir.resolve("report.html");
            try (RecordSink sink = writer.open(target, Records.outputs(), false)) {
                sink.write(Records.speech("a.wav", 10, 1, "happy"));
            }
            String html = Files.readString(target);
            assertEquals(List.of("a.wav"), Pages.sections(html));
            assertEquals(3, Pages.svgs(html).size());
        }
    }
}
