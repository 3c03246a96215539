package io.auralis.host.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The example plugins an installation carries in {@code examples/} but does not install, and the extractors each
 * provides, as {@code examples/extractors.properties} lists them (extractor id = jar). A fixed list rather than a
 * look inside the jars: it only serves the validator's hint for shipped workflows that need one, such as
 * {@code escalation}, and reading it costs nothing on every {@code analyze}.
 */
final class ExamplePlugins {
    private static final String LIST = "extractors.properties";

    private ExamplePlugins() {
    }

    /**
     * The example jars by the extractor ids they provide; only jars that are there.
     *
     * @param home the installation folder
     * @return absolute jar paths by extractor id; empty when the installation has no such list
     */
    static Map<String, Path> providers(Path home) {
        Path folder = home.resolve("examples").toAbsolutePath().normalize();
        Properties list = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve(LIST), StandardCharsets.UTF_8)) {
            list.load(in);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            // Only a hint is lost: the validator still reports the unknown extractor.
            return Map.of();
        }
        Map<String, Path> jars = new TreeMap<>();
        for (String id : list.stringPropertyNames()) {
            Path jar = folder.resolve(list.getProperty(id).trim());
            if (Files.isRegularFile(jar)) {
                jars.put(id, jar);
            }
        }
        return jars;
    }
}
