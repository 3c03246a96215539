package io.auralis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.command.Command;
import io.auralis.testkit.hello.HelloCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

class OsgiFrameworkTest {
    private static final String SCR_RUNTIME = "org.osgi.service.component.runtime.ServiceComponentRuntime";

    @TempDir
    Path dir;

    @AfterEach
    void forgetTheComponent() {
        System.clearProperty(HelloCommand.STATE);
    }

    /** A bundle with one DS component, a command written against the API alone, as bnd would pack it. */
    private Path helloBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        a.putValue(Constants.BUNDLE_SYMBOLICNAME, "testkit.hello");
        a.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        a.putValue(Constants.IMPORT_PACKAGE, "io.auralis.api.command;version=\"[1.0,2)\"");
        a.putValue("Service-Component", "OSGI-INF/hello.xml");
        String component = """
            <?xml version="1.0" encoding="UTF-8"?>
            <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="testkit.hello"
                activate="activate" deactivate="deactivate">
              <implementation class="io.auralis.testkit.hello.HelloCommand"/>
              <service><provide interface="io.auralis.api.command.Command"/></service>
            </scr:component>
            """;
        String classFile = HelloCommand.class.getName().replace('.', '/') + ".class";
        Path jar = dir.resolve("hello.jar");
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream bytes = HelloCommand.class.getClassLoader().getResourceAsStream(classFile)) {
            out.putNextEntry(new JarEntry("OSGI-INF/hello.xml"));
            out.write(component.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry(classFile));
            bytes.transferTo(out);
        }
        return jar;
    }

    @Test
    void startsFelixWithScrWhichActivatesAComponentThatTheTestReachesThroughTheExportedApi() throws Exception {
        try (OsgiFramework osgi = OsgiFramework.builder(dir).exportApi().start()) {
            Bundle hello = osgi.install(helloBundle());
            osgi.startAll();
            // All references: the runtime's interface comes from a bundle, the test's class path has another copy.
            assertNotNull(osgi.context().getAllServiceReferences(SCR_RUNTIME, null), "Felix SCR runs");
            Command command = osgi.service(Command.class, c -> "hello".equals(c.name()));
            assertEquals("active", System.getProperty(HelloCommand.STATE), "SCR activated the delayed component");
            // The bundle's own copy of the component, its interface the test's: the API comes from the class path.
            assertTrue(command.getClass() != HelloCommand.class, "loaded from the bundle, not the class path");
            assertEquals(Command.class, hello.loadClass(Command.class.getName()));
            CapturingContext context = new CapturingContext(dir);
            assertEquals(0, command.run(List.of("world"), context));
            assertEquals("hello world\n", context.outText().replace(System.lineSeparator(), "\n"));
        }
    }

    @Test
    void everyScrBundleIsActiveAfterStartAllAndClosingStopsTheFrameworkAndItsComponents() throws Exception {
        Bundle system;
        List<Bundle> scr;
        try (OsgiFramework osgi = OsgiFramework.builder(dir).exportApi().start()) {
            system = osgi.context().getBundle();
            osgi.install(helloBundle());
            osgi.startAll();
            scr = List.of(osgi.context().getBundles()).stream()
                .filter(b -> b.getBundleId() != 0 && !"testkit.hello".equals(b.getSymbolicName())).toList();
            assertEquals(OsgiFramework.SCR.size(), scr.size(), "the fixture installs exactly the SCR bundles");
            for (Bundle b : scr) {
                assertEquals(Bundle.ACTIVE, b.getState(), b.getSymbolicName());
            }
            osgi.service(Command.class, c -> "hello".equals(c.name()));
            assertEquals("active", System.getProperty(HelloCommand.STATE), "in use until the framework stops");
            assertEquals(Bundle.ACTIVE, system.getState());
        }
        assertEquals(Bundle.RESOLVED, system.getState(), "closing waited for the framework to stop");
        for (Bundle b : scr) {
            assertEquals(Bundle.RESOLVED, b.getState(), b.getSymbolicName() + " stopped");
        }
        assertEquals("deactivated", System.getProperty(HelloCommand.STATE), "SCR deactivated the component");
    }

    @Test
    void theBundleCacheIsAFreshFolderUnderTheTestsOwn() throws Exception {
        try (OsgiFramework osgi = OsgiFramework.builder(dir).property("auralis.test", "yes").start()) {
            assertEquals(dir.resolve("cache").toString(), osgi.context().getProperty(Constants.FRAMEWORK_STORAGE));
            assertEquals("yes", osgi.context().getProperty("auralis.test"));
        }
        assertTrue(Files.isDirectory(dir.resolve("cache")));
    }

    @Test
    void theApiIsExportedAtTheVersionsItsManifestDeclares() throws Exception {
        String packages = OsgiFramework.apiPackages();
        for (String p : List.of("io.auralis.api.audio", "io.auralis.api.command", "io.auralis.api.extractor",
                "io.auralis.api.emotion", "io.auralis.api.output")) {
            assertTrue(packages.matches("(.*,)?" + p.replace(".", "\\.") + ";version=\\d+\\.\\d+\\.\\d+(,.*)?"),
                p + " in " + packages);
        }
    }

    @Test
    void aFolderWithoutABndManifestFailsRatherThanSkips() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> OsgiFramework.manifest(classes));
        assertTrue(e.getMessage().startsWith("no bnd manifest in "), e.getMessage());
    }

    @Test
    void aJarMissingFromTheClassPathIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> OsgiFramework.onClassPath("no-such-bundle-"));
        assertEquals("no-such-bundle-*.jar is not on the test class path", e.getMessage());
    }
}
