package io.auralis.host.testbundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes bundles for tests with {@code java.util.jar}: a manifest, optional classes from the test class path and
 * Declarative Services component descriptions, so that tests run real bundles in a real framework.
 */
public final class TestBundles {
    private final String symbolicName;
    private String version = "1.0.0";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<Class<?>> classes = new ArrayList<>();
    private final Map<String, String> components = new LinkedHashMap<>();

    private TestBundles(String symbolicName) {
        this.symbolicName = symbolicName;
    }

    /**
     * Starts describing a bundle.
     *
     * @param symbolicName its symbolic name
     * @return a builder
     */
    public static TestBundles bundle(String symbolicName) {
        return new TestBundles(symbolicName);
    }

    /** Sets {@code Bundle-Version}. */
    public TestBundles version(String value) {
        this.version = value;
        return this;
    }

    /** Adds a manifest header. */
    public TestBundles header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /**
     * Adds a class from the test class path and registers it as a component providing {@code service}. The
     * bundle imports the service's package at {@code [1.0,2)}.
     */
    public TestBundles component(Class<?> implementation, Class<?> service) {
        classes.add(implementation);
        components.put("OSGI-INF/" + implementation.getSimpleName() + ".xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s">
              <implementation class="%s"/>
              <service><provide interface="%s"/></service>
            </scr:component>
            """.formatted(implementation.getName(), implementation.getName(), service.getName()));
        return this;
    }

    /** Adds a class from the test class path that a component uses. */
    public TestBundles with(Class<?> type) {
        classes.add(type);
        return this;
    }

    /**
     * Writes the jar.
     *
     * @param jar where to
     * @return {@code jar}
     */
    public Path write(Path jar) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        if (!components.isEmpty()) {
            main.putValue("Service-Component", String.join(",", components.keySet()));
        }
        headers.forEach(main::putValue);
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (Class<?> type : classes) {
                    String entry = type.getName().replace('.', '/') + ".class";
                    out.putNextEntry(new JarEntry(entry));
                    try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                        in.transferTo(out);
                    }
                }
                for (Map.Entry<String, String> component : components.entrySet()) {
                    out.putNextEntry(new JarEntry(component.getKey()));
                    out.write(component.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /**
     * A bundle contributing {@link EchoCommand}.
     *
     * @param jar where to write it
     * @return the jar
     */
    public static Path echoCommand(Path jar) {
        return bundle("test.echo")
            .header("Import-Package", "io.auralis.api.command;version=\"[1.0,2)\"")
            .component(EchoCommand.class, io.auralis.api.command.Command.class)
            .write(jar);
    }

    /**
     * A bundle contributing {@link HangingExtractor}.
     *
     * @param jar where to write it
     * @return the jar
     */
    public static Path hangingExtractor(Path jar) {
        return bundle("test.hanging")
            .header("Import-Package", "io.auralis.api.audio;version=\"[1.0,2)\",io.auralis.api.extractor;"
                + "version=\"[1.0,2)\"")
            .component(HangingExtractor.class, io.auralis.api.extractor.FeatureExtractor.class)
            .with(HangingSession.class)
            .write(jar);
    }

    /**
     * A bundle whose activator never returns ({@link BlockingActivator}).
     *
     * @param jar where to write it
     * @return the jar
     */
    public static Path blockingActivator(Path jar) {
        TestBundles bundle = bundle("test.blocking")
            .header("Import-Package", "org.osgi.framework")
            .header("Bundle-Activator", BlockingActivator.class.getName());
        bundle.classes.add(BlockingActivator.class);
        return bundle.write(jar);
    }

    /**
     * A bundle contributing {@link DescribedExtractor}.
     *
     * @param jar where to write it
     * @return the jar
     */
    public static Path describedExtractor(Path jar) {
        return bundle("test.described")
            .header("Import-Package", "io.auralis.api.extractor;version=\"[1.0,2)\"")
            .component(DescribedExtractor.class, io.auralis.api.extractor.FeatureExtractor.class)
            .write(jar);
    }

    /**
     * A jar with a manifest but no bundle headers.
     *
     * @param jar where to write it
     * @return the jar
     */
    public static Path plainJar(Path jar) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Created-By", "a test");
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
                out.putNextEntry(new JarEntry("readme.txt"));
                out.write("not a bundle".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }
}
