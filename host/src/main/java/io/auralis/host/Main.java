package io.auralis.host;

import io.auralis.host.cli.Launcher;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * The {@code auralis} command: {@code auralis [--state DIR] [--home DIR] <command> [args]}. See {@link Launcher}.
 *
 * <p>The installation folder comes from {@code --home}, {@code AURALIS_HOME}, the {@code auralis.home} system
 * property that {@code bin/auralis} sets, or the folder above the {@code lib/} that holds this class's jar.
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        Launcher launcher = new Launcher(System.out, System.err, System.getenv(), Path.of("").toAbsolutePath(),
            installation(), System.console() != null);
        int code = launcher.run(args);
        System.out.flush();
        System.exit(code);
    }

    private static Path installation() {
        String property = System.getProperty("auralis.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        // Run as `java -cp <home>/lib/* io.auralis.host.Main`: the jar lies in <home>/lib.
        CodeSource source = Main.class.getProtectionDomain().getCodeSource();
        try {
            Path jar = source == null ? null : Path.of(source.getLocation().toURI());
            Path home = jar == null || jar.getParent() == null ? null : jar.getParent().getParent();
            return home != null && Files.isRegularFile(home.resolve("conf/platform.bundles")) ? home : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
