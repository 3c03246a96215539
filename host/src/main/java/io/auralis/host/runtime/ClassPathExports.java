package io.auralis.host.runtime;

import io.auralis.api.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The packages that a bundle jar on the launcher's class path exports, as its own manifest says. The framework
 * exports exactly these (with their versions and {@code uses} constraints) from the system bundle, so the host
 * and every bundle share one copy of those classes and no version is written down twice. The API is exported this
 * way, and the OSGi log API, through which bundles' log messages reach the host.
 *
 * <p>The anchor class is named, not referenced, so that a class path without the log API (a repackaged
 * application jar) still starts a host, without the log bridge.
 */
final class ClassPathExports {
    /** The API jar. */
    static final ClassPathExports API = new ClassPathExports(Platform.class.getName(), "io.auralis.api");
    /** The OSGi log API jar. */
    static final ClassPathExports LOG = new ClassPathExports("org.osgi.service.log.LoggerFactory",
        "org.osgi.service.log");

    private final String anchorName;
    private final String symbolicName;

    private ClassPathExports(String anchorName, String symbolicName) {
        this.anchorName = anchorName;
        this.symbolicName = symbolicName;
    }

    /**
     * The jar's {@code Export-Package} header.
     *
     * @return the header value, ready for {@code org.osgi.framework.system.packages.extra}
     * @throws HostException if the jar's manifest cannot be found on the class path
     */
    String exportPackage() throws HostException {
        return find().orElseThrow(() -> new HostException("the class path holds no " + symbolicName
            + " bundle manifest with an Export-Package header (is its jar on the class path?)"));
    }

    /**
     * The jar's {@code Export-Package} header, if the class path has the jar.
     *
     * @return the header value, or empty without the anchor class or its bundle manifest
     * @throws HostException if the class path's manifests cannot be read
     */
    Optional<String> find() throws HostException {
        Class<?> anchor;
        try {
            anchor = Class.forName(anchorName, false, ClassPathExports.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        Manifest manifest = fromCodeSource(anchor);
        if (manifest == null) {
            manifest = fromClassPathManifests(anchor);
        }
        String exports = manifest == null ? null : manifest.getMainAttributes().getValue("Export-Package");
        return exports == null || exports.isBlank() ? Optional.empty() : Optional.of(exports);
    }

    /** The manifest next to the anchor class: the usual case, one cheap read. */
    private Manifest fromCodeSource(Class<?> anchor) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path where = Path.of(source.getLocation().toURI());
            Manifest manifest;
            if (Files.isDirectory(where)) {
                Path file = where.resolve(JarFile.MANIFEST_NAME);
                if (!Files.isRegularFile(file)) {
                    return null;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    manifest = new Manifest(in);
                }
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    manifest = jar.getManifest();
                }
            }
            return isTheBundle(manifest) ? manifest : null;
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Every manifest on the class path: for repackaged class paths, where the API's classes sit in another jar. */
    private Manifest fromClassPathManifests(Class<?> anchor) throws HostException {
        try {
            Enumeration<URL> urls = anchor.getClassLoader().getResources(JarFile.MANIFEST_NAME);
            while (urls.hasMoreElements()) {
                try (InputStream in = urls.nextElement().openStream()) {
                    Manifest manifest = new Manifest(in);
                    if (isTheBundle(manifest)) {
                        return manifest;
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new HostException("cannot read the class path's manifests: " + e.getMessage(), e);
        }
    }

    private boolean isTheBundle(Manifest manifest) {
        if (manifest == null) {
            return false;
        }
        String name = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        return name != null && symbolicName.equals(name.split(";", 2)[0].trim());
    }
}
