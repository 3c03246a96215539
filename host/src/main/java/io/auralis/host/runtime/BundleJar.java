package io.auralis.host.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/**
 * A jar file checked to be an OSGi bundle before anything is installed, so that a wrong file gets one clear line
 * instead of a framework stack trace.
 *
 * @param path the jar
 * @param symbolicName its {@code Bundle-SymbolicName}, without directives
 * @param version its {@code Bundle-Version}, or {@code 0.0.0}
 * @param fragment whether it is a fragment ({@code Fragment-Host}), which is attached rather than started
 */
record BundleJar(Path path, String symbolicName, String version, boolean fragment) {

    /**
     * Reads a jar's manifest.
     *
     * @param path the jar
     * @return what the manifest says
     * @throws HostException naming the file, if it is missing, not a jar, or has no bundle manifest
     */
    static BundleJar inspect(Path path) throws HostException {
        if (!Files.exists(path)) {
            throw new HostException(path + ": no such file");
        }
        if (Files.isDirectory(path)) {
            throw new HostException(path + ": is a folder, not a bundle jar");
        }
        Manifest manifest;
        try (JarFile jar = new JarFile(path.toFile())) {
            manifest = jar.getManifest();
        } catch (NoSuchFileException e) {
            throw new HostException(path + ": no such file", e);
        } catch (ZipException e) {
            throw new HostException(path + ": not a jar file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new HostException(path + ": cannot read it: " + e.getMessage(), e);
        }
        if (manifest == null) {
            throw new HostException(path + ": not an OSGi bundle (the jar has no manifest)");
        }
        Attributes main = manifest.getMainAttributes();
        String name = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (name == null || name.isBlank()) {
            throw new HostException(path + ": not an OSGi bundle (its manifest has no Bundle-SymbolicName)");
        }
        String version = main.getValue(Constants.BUNDLE_VERSION);
        return new BundleJar(path, name.split(";", 2)[0].trim(), version == null ? "0.0.0" : version.trim(),
            main.getValue(Constants.FRAGMENT_HOST) != null);
    }

    /**
     * Whether an installed bundle is a fragment.
     *
     * @param bundle the bundle
     * @return {@code true} if it has a {@code Fragment-Host} header
     */
    static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }
}
