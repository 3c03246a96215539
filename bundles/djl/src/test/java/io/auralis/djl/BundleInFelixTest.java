package io.auralis.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.testkit.OsgiFramework;
import java.nio.file.Files;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The bundle as bnd built it ({@code target/classes}; a missing manifest fails): it resolves in Felix 7 with SCR and nothing else, its
 * {@link DjlRuntime} service starts the PyTorch engine from the natives embedded in the bundle, and DJL's classes
 * come from the bundle, not from the test's class path.
 */
class BundleInFelixTest {
    private static final Path CLASSES = Path.of("target/classes");

    @TempDir
    Path dir;

    private static Attributes manifest() throws IOException {
        return OsgiFramework.manifest(CLASSES);
    }

    @Test
    void manifestEmbedsDjlAndTheNativesAndImportsOnlyTheJreAndOsgiFirmly() throws IOException {
        Attributes m = manifest();
        String classPath = m.getValue("Bundle-ClassPath");
        for (String jar : List.of("djl-api", "djl-pytorch-engine", "djl-pytorch-jni", "gson", "jna", "slf4j-api")) {
            assertTrue(classPath.contains("lib/" + jar + ".jar"), classPath);
        }
        assertTrue(Files.isRegularFile(CLASSES.resolve("native/lib/pytorch.properties")));
        assertTrue(Files.isRegularFile(CLASSES.resolve("pytorch/cpu/linux-x86_64/libtorch_cpu.so")));
        String exports = m.getValue("Export-Package");
        assertTrue(exports.contains("ai.djl.nn.recurrent;version=\"0.36.0\""), exports);
        assertTrue(exports.contains("io.auralis.djl;version=\"1.0.0\""), exports);
        for (String clause : m.getValue("Import-Package").split(",(?=[a-z])")) {
            String pkg = clause.split(";")[0];
            boolean jre = pkg.startsWith("java.") || pkg.startsWith("javax.");
            boolean own = pkg.startsWith("ai.djl") || pkg.equals("io.auralis.djl");
            assertTrue(jre || own || pkg.equals("org.osgi.framework") || clause.contains("resolution:=optional"),
                "firm import of " + clause);
        }
    }

    @Test
    void runtimeServiceStartsThePyTorchEngineFromTheBundle() throws Exception {
        try (OsgiFramework osgi = OsgiFramework.builder(dir).property("auralis.state", dir.resolve("state").toString())
                .start()) {
            BundleContext context = osgi.context();
            Bundle djl = osgi.install(CLASSES);
            osgi.startAll();

            ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context,
                context.createFilter("(objectClass=" + DjlRuntime.class.getName() + ")"), null);
            tracker.open(true); // all services: the test's own DjlRuntime class is not the bundle's
            Object runtime = tracker.waitForService(20_000);
            assertNotNull(runtime, "no DjlRuntime service");
            // the test sees DJL on its own class path; the service must use the bundle's copy
            Object engine = invoke(runtime, "engine");
            assertSame(djl, FrameworkUtil.getBundle(engine.getClass()));
            assertNotSame(ai.djl.engine.Engine.class, djl.loadClass("ai.djl.engine.Engine"));
            assertEquals("PyTorch", invoke(engine, "getEngineName"));
            assertEquals("2.7.1", invoke(engine, "getVersion"));

            Object manager = invoke(engine, "newBaseManager");
            try {
                Object array = invoke(manager, "create", (Object) new float[] {1, 2, 3.5f});
                assertEquals(6.5f, (Float) invoke(invoke(array, "sum"), "getFloat", (Object) new long[0]));
            } finally {
                invoke(manager, "close");
            }
            // surefire sets DJL_CACHE_DIR, which wins over the state folder
            assertEquals(Path.of(System.getProperty("DJL_CACHE_DIR")), invoke(runtime, "cacheDirectory"));
            tracker.close();
        }
    }

    private static Object invoke(Object target, String name, Object... args) throws Exception {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length
                && (args.length == 0 || m.getParameterTypes()[0].isInstance(args[0]))) {
                m.setAccessible(true);
                return m.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(target.getClass() + "." + name);
    }
}
