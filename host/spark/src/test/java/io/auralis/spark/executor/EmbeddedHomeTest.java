package io.auralis.spark.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedHomeTest {
    @Test
    void extractsTheInstallationOnceAndReusesIt(@TempDir Path dir) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("auralis-home/conf/platform.bundles", "a.jar\n");
        entries.put("auralis-home/bundles/a.jar", "bundle");
        entries.put("auralis-home/workflows/features.json", "{}");
        entries.put("io/auralis/Other.class", "not part of the home");
        Path jar = jar(dir.resolve("app.jar"), entries);
        Path tmp = dir.resolve("tmp");

        Path home;
        try (URLClassLoader loader = loader(jar)) {
            home = EmbeddedHome.extract(loader, tmp);
            assertTrue(EmbeddedHome.isHome(home));
            assertEquals("bundle", Files.readString(home.resolve("bundles/a.jar")));
            assertEquals("{}", Files.readString(home.resolve("workflows/features.json")));
            assertTrue(Files.notExists(home.resolve("io")));
            Files.setLastModifiedTime(home.resolve("bundles/a.jar"), FileTime.fromMillis(0));

            assertEquals(home, EmbeddedHome.extract(loader, tmp));
            assertEquals(0, Files.getLastModifiedTime(home.resolve("bundles/a.jar")).toMillis());
        }
        try (var left = Files.list(tmp)) {
            assertEquals(1, left.count(), "staging folders are removed");
        }
    }

    @Test
    void aRebuiltJarGetsAFolderOfItsOwn(@TempDir Path dir) throws Exception {
        Path tmp = dir.resolve("tmp");
        Path first;
        try (URLClassLoader loader = loader(jar(dir.resolve("one.jar"),
                Map.of("auralis-home/conf/platform.bundles", "a.jar\n")))) {
            first = EmbeddedHome.extract(loader, tmp);
        }
        try (URLClassLoader loader = loader(jar(dir.resolve("two.jar"),
                Map.of("auralis-home/conf/platform.bundles", "a.jar\nb.jar\n")))) {
            Path second = EmbeddedHome.extract(loader, tmp);
            assertNotEquals(first, second);
            assertEquals("a.jar\nb.jar\n", Files.readString(second.resolve("conf/platform.bundles")));
        }
    }

    @Test
    void jarWithoutInstallationSaysWhatToSubmit(@TempDir Path dir) throws Exception {
        try (URLClassLoader loader = loader(jar(dir.resolve("plain.jar"), Map.of("a.txt", "x")))) {
            IOException e = assertThrows(IOException.class, () -> EmbeddedHome.extract(loader, dir));
            assertTrue(e.getMessage().contains("spark.auralis.home"), e.getMessage());
        }
    }

    @Test
    void entriesEscapingTheHomeAreRefused(@TempDir Path dir) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("auralis-home/conf/platform.bundles", "");
        entries.put("auralis-home/../../escape.txt", "x");
        try (URLClassLoader loader = loader(jar(dir.resolve("evil.jar"), entries))) {
            assertThrows(IOException.class, () -> EmbeddedHome.extract(loader, dir.resolve("tmp")));
        }
        assertTrue(Files.notExists(dir.resolve("escape.txt")));
    }

    private static URLClassLoader loader(Path jar) throws IOException {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    }

    private static Path jar(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }
}
