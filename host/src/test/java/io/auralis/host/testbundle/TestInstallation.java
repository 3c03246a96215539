package io.auralis.host.testbundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Auralis installations for tests: a home folder with {@code conf/platform.bundles} and {@code bundles/}, made of
 * the real platform jars that the build copies to {@code target/test-platform} before the tests run.
 */
public final class TestInstallation {
    /** Declarative Services and what it needs, in start order. */
    public static final List<String> SCR = List.of("org.osgi.util.function.jar", "org.osgi.util.promise.jar",
        "org.osgi.service.component.jar", "org.apache.felix.scr.jar");

    /** SCR plus the audio decoder and the DSP extractors. */
    public static final List<String> AUDIO = concat(SCR,
        List.of("auralis-tarsosdsp.jar", "auralis-audio.jar", "auralis-extractors.jar"));

    /** Everything {@code analyze} needs without models: audio, extractors, Jackson and the writers. */
    public static final List<String> ANALYSIS = concat(AUDIO,
        List.of("jackson-annotations.jar", "jackson-core.jar", "jackson-databind.jar", "auralis-writers.jar"));

    private TestInstallation() {
    }

    /**
     * Creates an installation.
     *
     * @param home the folder to create
     * @param platformJars names of jars in the test platform folder, in start order
     * @param extraPlatformJars further jars (written by the test) to list after them
     * @return {@code home}
     */
    public static Path create(Path home, List<String> platformJars, Path... extraPlatformJars) {
        try {
            Path bundles = Files.createDirectories(home.resolve("bundles"));
            List<String> lines = new ArrayList<>(List.of("# written by a test"));
            for (String name : platformJars) {
                Files.copy(platformFolder().resolve(name), bundles.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                lines.add(name);
            }
            for (Path jar : extraPlatformJars) {
                Files.copy(jar, bundles.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                lines.add(jar.getFileName().toString());
            }
            Files.createDirectories(home.resolve("conf"));
            Files.write(home.resolve("conf/platform.bundles"), lines);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The folder the build copies the platform jars to.
     *
     * @return the folder
     */
    public static Path platformFolder() {
        String folder = System.getProperty("auralis.test.platform");
        if (folder == null) {
            throw new IllegalStateException("run the tests with Maven: the auralis.test.platform property is missing");
        }
        return Path.of(folder);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
