package io.auralis.host.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.command.Command;
import io.auralis.host.testbundle.TestBundles;
import io.auralis.host.testbundle.TestInstallation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

class BundleManagerTest {
    @TempDir
    Path tmp;

    private Path home;
    private Path state;
    private final List<String> messages = new ArrayList<>();

    @BeforeEach
    void installation() {
        home = TestInstallation.create(tmp.resolve("home"), TestInstallation.SCR);
        state = tmp.resolve("state");
    }

    private AuralisHost start() throws HostException {
        return AuralisHost.builder().home(home).state(state).messages(messages::add).build().start();
    }

    @Test
    void anInstalledBundleIsStillThereAndActiveAfterARestart() throws Exception {
        Path jar = TestBundles.echoCommand(tmp.resolve("plugins/echo.jar"));
        long id;
        try (AuralisHost host = start()) {
            BundleManager.Installed installed = host.bundles().install("plugins/echo.jar", tmp);
            assertFalse(installed.updated());
            host.bundles().start(installed.bundle());
            id = installed.bundle().getBundleId();
        }
        // The original file is not needed: the bundle cache keeps a copy.
        Files.delete(jar);
        try (AuralisHost host = start()) {
            Bundle bundle = host.bundles().find("test.echo");
            assertEquals(id, bundle.getBundleId());
            assertEquals(Bundle.ACTIVE, bundle.getState());
            assertEquals(1, host.services(Command.class).size());
        }
        assertEquals(List.of(), messages);
    }

    @Test
    void aStoppedBundleStaysStoppedAfterARestart() throws Exception {
        TestBundles.echoCommand(tmp.resolve("echo.jar"));
        try (AuralisHost host = start()) {
            Bundle bundle = host.bundles().install("echo.jar", tmp).bundle();
            host.bundles().start(bundle);
            host.bundles().stop(bundle);
        }
        try (AuralisHost host = start()) {
            assertNotEquals(Bundle.ACTIVE, host.bundles().find("test.echo").getState());
            assertEquals(0, host.services(Command.class).size());
        }
    }

    @Test
    void anUninstalledBundleIsGoneAfterARestart() throws Exception {
        TestBundles.echoCommand(tmp.resolve("echo.jar"));
        try (AuralisHost host = start()) {
            host.bundles().start(host.bundles().install("echo.jar", tmp).bundle());
            host.bundles().uninstall(host.bundles().find("test.echo"), false);
            assertEquals(0, host.services(Command.class).size());
        }
        try (AuralisHost host = start()) {
            HostException e = assertThrows(HostException.class, () -> host.bundles().find("test.echo"));
            assertEquals("no bundle is named test.echo (see 'auralis bundles list')", e.getMessage());
        }
    }

    @Test
    void aJarWithoutBundleHeadersIsRefusedNamingTheFile() throws Exception {
        Path plain = TestBundles.plainJar(tmp.resolve("plain.jar"));
        try (AuralisHost host = start()) {
            int before = host.bundles().list().size();
            HostException e = assertThrows(HostException.class, () -> host.bundles().install("plain.jar", tmp));
            assertEquals(plain + ": not an OSGi bundle (its manifest has no Bundle-SymbolicName)", e.getMessage());
            assertEquals(before, host.bundles().list().size(), "nothing was installed");
        }
    }

    @Test
    void aMissingFileAndANonJarAreRefusedNamingTheFile() throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "hello");
        try (AuralisHost host = start()) {
            HostException missing = assertThrows(HostException.class, () -> host.bundles().install("nope.jar", tmp));
            assertEquals(tmp.resolve("nope.jar") + ": no such file", missing.getMessage());
            HostException text = assertThrows(HostException.class, () -> host.bundles().install("notes.txt", tmp));
            assertTrue(text.getMessage().startsWith(tmp.resolve("notes.txt") + ": not a jar file"), text.getMessage());
        }
    }

    @Test
    void bundlesInstallFromAUrlAndANonBundleThereIsRefused() throws Exception {
        TestBundles.echoCommand(tmp.resolve("served/echo.jar"));
        TestBundles.plainJar(tmp.resolve("served/plain.jar"));
        com.sun.net.httpserver.HttpServer server =
            com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Path file = tmp.resolve("served").resolve(exchange.getRequestURI().getPath().substring(1));
            if (Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(200, Files.size(file));
                try (var out = exchange.getResponseBody()) {
                    Files.copy(file, out);
                }
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        try (AuralisHost host = start()) {
            int before = host.bundles().list().size();
            Bundle bundle = host.bundles().install(base + "echo.jar", tmp).bundle();
            assertEquals(base + "echo.jar", bundle.getLocation());
            host.bundles().start(bundle);
            assertEquals(1, host.services(Command.class).size());

            HostException notBundle = assertThrows(HostException.class,
                () -> host.bundles().install(base + "plain.jar", tmp));
            assertEquals(base + "plain.jar: not an OSGi bundle (its manifest has no Bundle-SymbolicName)",
                notBundle.getMessage());
            HostException missing = assertThrows(HostException.class,
                () -> host.bundles().install(base + "missing.jar", tmp));
            assertTrue(missing.getMessage().startsWith(base + "missing.jar: cannot read it: "), missing.getMessage());
            assertEquals(before + 1, host.bundles().list().size(), "only the bundle was installed");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void installingANewBuildOfAPluginFromElsewhereUpdatesItInPlace() throws Exception {
        TestBundles.bundle("test.plugin").version("1.0.0").write(tmp.resolve("v1/plugin.jar"));
        TestBundles.bundle("test.plugin").version("1.1.0").write(tmp.resolve("v2/plugin.jar"));
        try (AuralisHost host = start()) {
            Bundle first = host.bundles().install("v1/plugin.jar", tmp).bundle();
            BundleManager.Installed second = host.bundles().install("v2/plugin.jar", tmp);
            assertTrue(second.updated());
            assertEquals("1.0.0", second.previousVersion());
            assertEquals(first.getBundleId(), second.bundle().getBundleId());
            assertEquals("1.1.0", second.bundle().getVersion().toString());
        }
    }

    @Test
    void platformBundlesAreUninstalledOnlyWhenForced() throws Exception {
        try (AuralisHost host = start()) {
            Bundle scr = host.bundles().find("org.apache.felix.scr");
            assertTrue(host.bundles().isPlatform(scr));
            HostException e = assertThrows(HostException.class, () -> host.bundles().uninstall(scr, false));
            assertTrue(e.getMessage().contains("is a platform bundle") && e.getMessage().contains("--force"),
                e.getMessage());
            assertEquals(Bundle.ACTIVE, scr.getState());

            host.bundles().uninstall(scr, true);
            assertEquals(Bundle.UNINSTALLED, scr.getState());
            assertThrows(HostException.class, () -> host.bundles().uninstall(host.bundles().find("0"), true),
                "the system bundle is never uninstalled");
        }
        try (AuralisHost host = start()) {
            assertEquals(Bundle.ACTIVE, host.bundles().find("org.apache.felix.scr").getState(),
                "a platform bundle comes back at the next start");
        }
    }

    @Test
    void findTellsUnknownIdsAndAmbiguousNamesApart() throws Exception {
        TestBundles.bundle("test.twice").version("1.0.0").write(tmp.resolve("a.jar"));
        TestBundles.bundle("test.twice").version("2.0.0").write(tmp.resolve("b.jar"));
        try (AuralisHost host = start()) {
            Bundle a = host.bundleContext().installBundle(tmp.resolve("a.jar").toUri().toString());
            Bundle b = host.bundleContext().installBundle(tmp.resolve("b.jar").toUri().toString());
            HostException ambiguous = assertThrows(HostException.class, () -> host.bundles().find("test.twice"));
            assertEquals("several bundles are named test.twice (ids " + a.getBundleId() + ", " + b.getBundleId()
                + "); give the id", ambiguous.getMessage());
            assertEquals(b, host.bundles().find(Long.toString(b.getBundleId())));
            HostException unknown = assertThrows(HostException.class, () -> host.bundles().find("999"));
            assertEquals("no bundle has id 999 (see 'auralis bundles list')", unknown.getMessage());
        }
    }

    @Test
    void aBundleThatCannotResolveReportsTheMissingRequirement() throws Exception {
        TestBundles.bundle("test.needy").header("Import-Package", "org.example.absent").write(tmp.resolve("needy.jar"));
        try (AuralisHost host = start()) {
            Bundle needy = host.bundles().install("needy.jar", tmp).bundle();
            HostException e = assertThrows(HostException.class, () -> host.bundles().start(needy));
            assertTrue(e.getMessage().startsWith("test.needy 1.0.0 [" + needy.getBundleId() + "]: cannot start:"),
                e.getMessage());
            assertTrue(e.getMessage().contains("org.example.absent"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }
}
