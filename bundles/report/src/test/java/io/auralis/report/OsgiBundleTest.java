package io.auralis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.auralis.api.output.OutputWriter;
import io.auralis.api.output.RecordSink;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The bundle as bnd built it ({@code target/classes}, skipped where the build did not run bnd): it resolves in
 * Felix 7 with SCR, the API exported by the system bundle as the launcher exports it, and nothing else; its
 * component registers the {@code html} writer; a report written through the service has its charts.
 */
class OsgiBundleTest {
    private static final Path CLASSES = Path.of("target/classes");

    @TempDir
    Path dir;

    private static Attributes manifest() throws IOException {
        Path file = CLASSES.resolve("META-INF/MANIFEST.MF");
        assumeTrue(Files.isRegularFile(file), "no bnd manifest in " + file);
        try (InputStream in = Files.newInputStream(file)) {
            return new Manifest(in).getMainAttributes();
        }
    }

    @Test
    void manifestEmbedsNothingAndImportsOnlyTheApiJacksonAndTheJreFirmly() throws IOException {
        Attributes m = manifest();
        assertNull(m.getValue("Bundle-ClassPath"));
        assertNull(m.getValue("Export-Package"));
        // Split on the commas between clauses, not those inside version ranges.
        for (String clause : m.getValue("Import-Package").split(",(?=[a-z])")) {
            String pkg = clause.split(";")[0];
            boolean jre = pkg.startsWith("java.") || pkg.startsWith("javax.imageio") || pkg.startsWith("javax.swing")
                || pkg.startsWith("javax.xml.") || pkg.startsWith("org.xml.sax");
            boolean api = pkg.startsWith("io.auralis.api") && clause.matches(".*;version=\"\\[1\\.\\d+,2\\)\"");
            // Platform bundles the launcher always starts: Jackson, and the framework for the context.
            boolean platform = pkg.startsWith("com.fasterxml.jackson.core") || pkg.equals("org.osgi.framework");
            assertTrue(jre || api || platform || clause.contains("resolution:=optional"), "firm import of " + clause);
        }
    }

    @Test
    void writerServiceRunsInFelixWithScr() throws Exception {
        manifest();
        Framework framework = new FrameworkFactory().newFramework(Map.of(
            Constants.FRAMEWORK_STORAGE, dir.resolve("cache").toString(),
            Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
            Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, apiPackages()));
        framework.start();
        try {
            var context = framework.getBundleContext();
            List<Bundle> platform = new ArrayList<>();
            for (String jar : List.of("org.osgi.util.function-", "org.osgi.util.promise-",
                    "org.osgi.service.component-", "org.apache.felix.scr-", "jackson-core-")) {
                platform.add(context.installBundle(onClassPath(jar).toUri().toString()));
            }
            Bundle report = context.installBundle("reference:file:" + CLASSES.toAbsolutePath());
            for (Bundle b : platform) {
                b.start();
            }
            report.start();
            assertEquals(Bundle.ACTIVE, report.getState());

            ServiceTracker<OutputWriter, OutputWriter> writers = new ServiceTracker<>(context, OutputWriter.class,
                null);
            writers.open();
            OutputWriter writer = writers.waitForService(20_000);
            assertNotNull(writer, "no OutputWriter service");
            assertEquals("html", writer.format());
            assertSame(report, FrameworkUtil.getBundle(writer.getClass()));

            Path target = dir.resolve("report.html");
            try (RecordSink sink = writer.open(target, Records.outputs(), false)) {
                sink.write(Records.speech("a.wav", 10, 1, "happy"));
            }
            String html = Files.readString(target);
            assertEquals(List.of("a.wav"), Pages.sections(html));
            assertEquals(3, Pages.svgs(html).size());
            writers.close();
        } finally {
            framework.stop();
            framework.waitForStop(20_000);
        }
    }

    /**
     * The API's packages at the versions its manifest declares, as the launcher exports them from its class path:
     * {@code io.auralis.api.output;version=1.0.0,...}.
     */
    private static String apiPackages() throws IOException {
        Path api = Path.of(URI.create(OutputWriter.class.getProtectionDomain().getCodeSource().getLocation()
            .toString()));
        String exports;
        if (Files.isDirectory(api)) {
            try (InputStream in = Files.newInputStream(api.resolve("META-INF/MANIFEST.MF"))) {
                exports = new Manifest(in).getMainAttributes().getValue("Export-Package");
            }
        } else {
            try (JarFile jar = new JarFile(api.toFile())) {
                exports = jar.getManifest().getMainAttributes().getValue("Export-Package");
            }
        }
        assertNotNull(exports, "no Export-Package in " + api);
        List<String> packages = new ArrayList<>();
        Matcher m = Pattern.compile("(io\\.auralis\\.api[\\w.]*);version=\"([\\d.]+)\"").matcher(exports);
        while (m.find()) {
            packages.add(m.group(1) + ";version=" + m.group(2));
        }
        return String.join(",", packages);
    }

    private static Path onClassPath(String prefix) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".jar")) {
                return p;
            }
        }
        throw new IllegalStateException(prefix + "*.jar is not on the test class path");
    }
}
