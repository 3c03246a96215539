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

/**
 * The packages of the API jar on the launcher's class path, as its own manifest exports them. The framework
 * exports exactly these (with their versions and {@code uses} constraints) from the system bundle, so the host
 * and every bundle share one copy of the API classes and no version is written down twice.
 */
final class ApiPackages {
    static final String API_SYMBOLIC_NAME = "io.auralis.api";

    private ApiPackages() {
    }

    /**
     * The API jar's {@code Export-Package} header.
     *
     * @return the header value, ready for {@code org.osgi.framework.system.packages.extra}
     * @throws HostException if the API's manifest cannot be found on the class path
     */
    static String exportPackage() throws HostException {
        Manifest manifest = fromCodeSource();
        if (manifest == null) {
            manifest = fromClassPathManifests();
        }
        String exports = manifest == null ? null : manifest.getMainAttributes().getValue("Export-Package");
        if (exports == null || exports.isBlank()) {
            throw new HostException("the class path holds no " + API_SYMBOLIC_NAME
                + " bundle manifest with an Export-Package header (is auralis-api's jar on the class path?)");
        }
        return exports;
    }

    /** The manifest next to {@link Platform}'s class: the usual case, one cheap read. */
    private static Manifest fromCodeSource() {
        CodeSource source = Platform.class.getProtectionDomain().getCodeSource();
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
            return isApi(manifest) ? manifest : null;
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Every manifest on the class path: for repackaged class paths, where the API's classes sit in another jar. */
    private static Manifest fromClassPathManifests() throws HostException {
        try {
            Enumeration<URL> urls = Platform.class.getClassLoader().getResources(JarFile.MANIFEST_NAME);
            while (urls.hasMoreElements()) {
                try (InputStream in = urls.nextElement().openStream()) {
                    Manifest manifest = new Manifest(in);
                    if (isApi(manifest)) {
                        return manifest;
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new HostException("cannot read the class path's manifests: " + e.getMessage(), e);
        }
    }

    private static boolean isApi(Manifest manifest) {
        if (manifest == null) {
            return false;
        }
        String name = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        return name != null && API_SYMBOLIC_NAME.equals(name.split(";", 2)[0].trim());
    }
}
