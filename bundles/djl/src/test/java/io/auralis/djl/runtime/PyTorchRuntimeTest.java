package io.auralis.djl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PyTorchRuntimeTest {

    @TempDir
    Path state;
    private Properties saved;

    @BeforeEach
    void save() {
        saved = (Properties) System.getProperties().clone();
    }

    @AfterEach
    void restore() {
        System.setProperties(saved);
    }

    @Test
    void nativesAreCachedUnderTheStateFolderUnlessDjlCacheDirIsSet() {
        System.clearProperty(PyTorchRuntime.CACHE);
        if (System.getenv(PyTorchRuntime.CACHE) == null) {
            assertEquals(state.resolve("djl").toAbsolutePath(), PyTorchRuntime.configure(state.toString()));
            assertEquals(state.resolve("djl").toAbsolutePath().toString(), System.getProperty(PyTorchRuntime.CACHE));
        }
        System.setProperty(PyTorchRuntime.CACHE, "/somewhere/else");
        if (System.getenv(PyTorchRuntime.CACHE) == null) {
            assertEquals(Path.of("/somewhere/else"), PyTorchRuntime.configure(state.toString()));
        }
    }

    @Test
    void djlIsSwitchedOfflineUnlessConfigured() {
        System.clearProperty(PyTorchRuntime.OFFLINE);
        if (System.getenv(PyTorchRuntime.OFFLINE) == null) {
            PyTorchRuntime.configure(state.toString());
            assertEquals("true", System.getProperty(PyTorchRuntime.OFFLINE));
            System.setProperty(PyTorchRuntime.OFFLINE, "false");
            PyTorchRuntime.configure(state.toString());
            assertEquals("false", System.getProperty(PyTorchRuntime.OFFLINE));
        }
    }
}
