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
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.service.log.LoggerFactory;

/**
 * The packages that a bundle jar on the launcher's class path exports, as its own manifest says. The framework
 * exports exactly these (with their versions and {@code uses} constraints) from the system bundle, so the host
 * and every bundle share one copy of those classes and no version is written down twice. The API is exported this
 * way, and the OSGi log API, through which bundles' log messages reach the host.
 */
final class ClassPathExports {
    /** The API jar. */
    static final ClassPathExports API = new ClassPathExports(Platform.class, "io.auralis.api");
    /** The OSGi log API jar. */
    static final ClassPathExports LOG = new ClassPathExports(LoggerFactory.class, "org.osgi.service.log");

    private final Class<?> anchor;
    private final String symbolicName;

    private ClassPathExports(Class<?> anchor, String symbolicName) {
        this.anchor = anchor;
        this.symbolicName = symbolicName;
    }

    /**
     * The jar's {@code Export-Package} header.
     *
     * @return the header value, ready for {@code org.osgi.framework.system.packages.extra}
     * @throws HostException if the jar's manifest cannot be found on the class path
     */
    String exportPackage() throws HostException {
        Manifest manifest = fromCodeSource();
        if (manifest == null) {
            manifest = fromClassPathManifests();
        }
        String exports = manifest == null ? null : manifest.getMainAttributes().getValue("Export-Package");
        if (exports == null || exports.isBlank()) {
            throw new HostException("the class path holds no " + symbolicName
                + " bundle manifest with an Export-Package header (is its jar on the class path?)");
        }
        return exports;
    }

    /** The manifest next to the anchor class: the usual case, one cheap read. */
    private Manifest fromCodeSource() {
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
    private Manifest fromClassPathManifests() throws HostException {
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
