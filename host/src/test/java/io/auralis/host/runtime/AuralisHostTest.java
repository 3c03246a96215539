package io.auralis.host.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.Platform;
import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.host.testbundle.TestBundles;
import io.auralis.host.testbundle.TestInstallation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

class AuralisHostTest {
    @TempDir
    Path tmp;

    private final List<String> messages = new ArrayList<>();

    private AuralisHost host(Path home, Path state) {
        return AuralisHost.builder().home(home).state(state).messages(messages::add)
            .serviceTimeout(Duration.ofSeconds(10)).build();
    }

    private static Bundle bundle(AuralisHost host, String symbolicName) {
        for (Bundle bundle : host.bundleContext().getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    @Test
    void systemBundleExportsTheApiAtTheVersionsOfItsManifest() throws Exception {
        Path home = TestInstallation.create(tmp.resolve("home"), List.of());
        try (AuralisHost host = host(home, tmp.resolve("state")).start()) {
            Bundle compatible = host.bundleContext().installBundle("test:compatible",
                Files.newInputStream(TestBundles.bundle("test.compatible")
                    .header("Import-Package", "io.auralis.api.extractor;version=\"[1.0,2)\"")
                    .write(tmp.resolve("compatible.jar"))));
            Bundle tooNew = host.bundleContext().installBundle("test:too-new",
                Files.newInputStream(TestBundles.bundle("test.too.new")
                    .header("Import-Package", "io.auralis.api.extractor;version=\"[2.0,3)\"")
                    .write(tmp.resolve("too-new.jar"))));
            FrameworkWiring wiring = host.bundleContext().getBundle(0).adapt(FrameworkWiring.class);
            wiring.resolveBundles(List.of(compatible, tooNew));

            assertEquals(Bundle.RESOLVED, compatible.getState(), "a bundle importing the API [1.0,2) resolves");
            assertEquals(Bundle.INSTALLED, tooNew.getState(), "a bundle importing API 2.x must not resolve");

            String exportedVersion = null;
            for (BundleCapability capability : host.bundleContext().getBundle(0).adapt(BundleWiring.class)
                    .getCapabilities("osgi.wiring.package")) {
                if ("io.auralis.api.extractor".equals(capability.getAttributes().get("osgi.wiring.package"))) {
                    exportedVersion = capability.getAttributes().get("version").toString();
                }
            }
            assertEquals(apiManifestVersion("io.auralis.api.extractor"), exportedVersion);
        }
    }

    /** The version the API's own manifest gives a package, read independently of the host's code. */
    private static String apiManifestVersion(String pkg) throws Exception {
        Path location = Path.of(Platform.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String exports;
        if (Files.isDirectory(location)) {
            try (var in = Files.newInputStream(location.resolve(JarFile.MANIFEST_NAME))) {
                exports = new java.util.jar.Manifest(in).getMainAttributes().getValue("Export-Package");
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                exports = jar.getManifest().getMainAttributes().getValue("Export-Package");
            }
        }
        var matcher = java.util.regex.Pattern.compile("(?:^|,)" + java.util.regex.Pattern.quote(pkg)
            + ";version=\"([^\"]+)\"").matcher(exports);
        assertTrue(matcher.find(), "the API manifest exports " + pkg);
        return matcher.group(1);
    }

    @Test
    void frameworkPropertiesNameTheInstallationStateModelsAndDevice() throws Exception {
        Path home = TestInstallation.create(tmp.resolve("home"), List.of());
        try (AuralisHost host = AuralisHost.builder().home(home).state(tmp.resolve("state")).device("gpu:1")
                .messages(messages::add).build().start()) {
            var context = host.bundleContext();
            assertEquals(home.toString(), context.getProperty(Platform.HOME));
            assertEquals(tmp.resolve("state").toString(), context.getProperty(Platform.STATE));
            assertEquals(home.resolve("models").toString(), context.getProperty(Platform.MODELS));
            assertEquals("gpu:1", context.getProperty(Platform.DEVICE));
        }
    }

    @Test
    void platformBundlesAreInstalledInListedOrderAndStarted() throws Exception {
        Path home = TestInstallation.create(tmp.resolve("home"), TestInstallation.SCR,
            TestBundles.echoCommand(tmp.resolve("test-echo.jar")));
        try (AuralisHost host = host(home, tmp.resolve("state")).start()) {
            List<String> locations = new ArrayList<>();
            for (Bundle bundle : host.bundles().list()) {
                if (bundle.getBundleId() > 0) {
                    locations.add(bundle.getLocation());
                    assertEquals(Bundle.ACTIVE, bundle.getState(), bundle.getSymbolicName() + " is started");
                }
            }
            assertEquals(List.of("platform:org.osgi.util.function.jar", "platform:org.osgi.util.promise.jar",
                "platform:org.osgi.service.component.jar", "platform:org.apache.felix.scr.jar",
                "platform:test-echo.jar"), locations);
            assertEquals(1, host.services(io.auralis.api.command.Command.class).size(),
                "the test bundle's component is registered by SCR");
        }
        assertEquals(List.of(), messages);
    }

    @Test
    void aRebuiltPlatformJarIsUpdatedAtTheNextStartAndAnUnchangedOneIsNot() throws Exception {
        Path jar = TestBundles.bundle("test.rebuilt").header("X-Build", "1").write(tmp.resolve("rebuilt.jar"));
        Path home = TestInstallation.create(tmp.resolve("home"), List.of(), jar);
        Path state = tmp.resolve("state");
        long firstModified;
        try (AuralisHost host = host(home, state).start()) {
            firstModified = bundle(host, "test.rebuilt").getLastModified();
        }
        try (AuralisHost host = host(home, state).start()) {
            assertEquals(firstModified, bundle(host, "test.rebuilt").getLastModified(), "an unchanged jar is kept");
        }
        // Same symbolic name and version, different content: a rebuilt SNAPSHOT.
        TestBundles.bundle("test.rebuilt").header("X-Build", "2").write(home.resolve("bundles/rebuilt.jar"));
        try (AuralisHost host = host(home, state).start()) {
            Bundle bundle = bundle(host, "test.rebuilt");
            assertEquals("2", bundle.getHeaders().get("X-Build"));
            assertEquals(Bundle.ACTIVE, bundle.getState());
        }
    }

    @Test
    void aRebuiltPlatformJarWithOtherComponentsRegistersTheNewOnes() throws Exception {
        // Same symbolic name and version: only the content tells SCR's cached descriptions are stale.
        Path jar = TestBundles.bundle("test.rebuilt")
            .header("Import-Package", "io.auralis.api.command;version=\"[1.0,2)\"")
            .component(io.auralis.host.testbundle.EchoCommand.class, io.auralis.api.command.Command.class)
            .write(tmp.resolve("rebuilt.jar"));
        Path home = TestInstallation.create(tmp.resolve("home"), TestInstallation.SCR, jar);
        Path state = tmp.resolve("state");
        try (AuralisHost host = host(home, state).start()) {
            assertEquals(1, host.services(io.auralis.api.command.Command.class).size());
        }
        try (AuralisHost host = host(home, state).start()) {
            assertEquals(1, host.services(io.auralis.api.command.Command.class).size(), "from SCR's cache");
        }
        TestBundles.bundle("test.rebuilt")
            .header("Import-Package", "io.auralis.api.extractor;version=\"[1.0,2)\"")
            .component(io.auralis.host.testbundle.DescribedExtractor.class, FeatureExtractor.class)
            .write(home.resolve("bundles/rebuilt.jar"));
        try (AuralisHost host = host(home, state).start()) {
            assertEquals(0, host.services(io.auralis.api.command.Command.class).size());
            assertEquals(List.of("test.described"),
                host.services().extractors().stream().map(e -> e.descriptor().id).toList());
        }
        assertEquals(List.of(), messages);
    }

    @Test
    void aBundleNoLongerListedIsUninstalledAndFragmentsAreNotStarted() throws Exception {
        Path kept = TestBundles.bundle("test.kept").write(tmp.resolve("kept.jar"));
        Path dropped = TestBundles.bundle("test.dropped").write(tmp.resolve("dropped.jar"));
        Path fragment = TestBundles.bundle("test.fragment").header("Fragment-Host", "test.kept")
            .write(tmp.resolve("fragment.jar"));
        Path home = TestInstallation.create(tmp.resolve("home"), List.of(), kept, dropped, fragment);
        Path state = tmp.resolve("state");
        try (AuralisHost host = host(home, state).start()) {
            assertNotNull(bundle(host, "test.dropped"));
            assertEquals(Bundle.RESOLVED, bundle(host, "test.fragment").getState(), "fragments are attached only");
        }
        Files.write(home.resolve("conf/platform.bundles"), List.of("kept.jar", "fragment.jar"));
        try (AuralisHost host = host(home, state).start()) {
            assertNull(bundle(host, "test.dropped"));
            assertEquals(Bundle.ACTIVE, bundle(host, "test.kept").getState());
        }
        assertEquals(List.of(), messages, "no problem was reported");
    }

    @Test
    void servicesFindTheRegisteredExtractorsAndTheDecoder() throws Exception {
        Path home = TestInstallation.create(tmp.resolve("home"), TestInstallation.AUDIO);
        try (AuralisHost host = host(home, tmp.resolve("state")).start()) {
            List<String> ids = host.services().extractors().stream().map(e -> e.descriptor().id).sorted().toList();
            assertTrue(ids.containsAll(List.of("auralis.loudness", "auralis.pitch", "auralis.segmenter")), ids.toString());
            AudioDecoder decoder = host.services().decoder();
            assertNotNull(decoder);
            assertEquals(decoder, host.awaitService(AudioDecoder.class, Duration.ofSeconds(1)));
        }
        assertEquals(List.of(), messages);
    }

    @Test
    void aMissingDecoderIsReportedAfterTheTimeoutInsteadOfHanging() throws Exception {
        Path home = TestInstallation.create(tmp.resolve("home"), TestInstallation.SCR);
        try (AuralisHost host = AuralisHost.builder().home(home).state(tmp.resolve("state"))
                .serviceTimeout(Duration.ofMillis(200)).messages(messages::add).build().start()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> host.services().decoder());
            assertTrue(e.getMessage().contains("io.auralis.audio"), e.getMessage());
            assertEquals(List.of(), List.copyOf(host.services().extractors()));
        }
    }

    @Test
    void twoHostsWithDifferentStateFoldersRunSideBySideInOneJvm() throws Exception {
        Path home = TestInstallation.create(tmp.resolve("home"), TestInstallation.SCR);
        try (AuralisHost first = host(home, tmp.resolve("state-1")).start();
                AuralisHost second = host(home, tmp.resolve("state-2")).start()) {
            first.bundles().install(TestBundles.echoCommand(tmp.resolve("echo.jar")).toString(), tmp);
            Bundle echo = bundle(first, "test.echo");
            first.bundles().start(echo);

            assertEquals(1, first.services(io.auralis.api.command.Command.class).size());
            assertEquals(0, second.services(io.auralis.api.command.Command.class).size(),
                "a bundle installed in one host is not in the other");
            assertNotEquals(first.bundleContext().getProperty(Platform.STATE),
                second.bundleContext().getProperty(Platform.STATE));
            // Both share the launcher's API classes.
            assertEquals(io.auralis.api.command.Command.class,
                first.services(io.auralis.api.command.Command.class).get(0).getClass().getInterfaces()[0]);
        }
    }

    @Test
    void aSecondHostOnABusyStateFolderIsRefusedWithOneClearLine() throws Exception {
        Path home = TestInstallation.create(tmp.resolve("home"), List.of());
        Path state = tmp.resolve("state");
        try (AuralisHost first = host(home, state).start()) {
            HostException e = assertThrows(HostException.class, () -> host(home, state).start());
            assertTrue(e.getMessage().startsWith(state + ": the state folder is in use"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertEquals(Bundle.ACTIVE, first.bundleContext().getBundle(0).getState(), "the first host runs on");
        }
    }

    @Test
    void theDefaultStateFolderFollowsHomeAndFallsBackToUserHome() {
        assertEquals(Path.of("/from/env"), AuralisHost.defaultState(Map.of("AURALIS_STATE", "/from/env",
            "HOME", "/home/x")));
        assertEquals(Path.of("/home/x/.auralis"), AuralisHost.defaultState(Map.of("HOME", "/home/x")));
        assertEquals(Path.of(System.getProperty("user.home"), ".auralis"), AuralisHost.defaultState(Map.of()));
    }

    @Test
    void aPluginLeftAtThePlatformsStartLevelByAnOlderHostIsMovedToThePluginLevel() throws Exception {
        Path home = TestInstallation.create(tmp.resolve("home"), TestInstallation.SCR);
        Path state = tmp.resolve("state");
        TestBundles.echoCommand(tmp.resolve("echo.jar"));
        try (AuralisHost host = host(home, state).start()) {
            Bundle echo = host.bundles().install("echo.jar", tmp).bundle();
            host.bundles().start(echo);
            // Hosts before plugins had a level of their own left every bundle at 1.
            echo.adapt(org.osgi.framework.startlevel.BundleStartLevel.class).setStartLevel(1);
        }
        try (AuralisHost host = host(home, state).start()) {
            Bundle echo = bundle(host, "test.echo");
            assertEquals(2, echo.adapt(org.osgi.framework.startlevel.BundleStartLevel.class).getStartLevel());
            assertEquals(1, bundle(host, "org.apache.felix.scr")
                .adapt(org.osgi.framework.startlevel.BundleStartLevel.class).getStartLevel());
            assertEquals(Bundle.ACTIVE, echo.getState());
        }
        assertEquals(List.of(), messages);
    }

    @Test
    void aFolderWithoutPlatformListIsNotAnInstallation() {
        HostException e = assertThrows(HostException.class,
            () -> host(tmp.resolve("nowhere"), tmp.resolve("state")).start());
        assertTrue(e.getMessage().contains("not an Auralis installation"), e.getMessage());
    }

    @Test
    void aStateFolderThatCannotBeCreatedIsOneLine() throws Exception {
        Path home = TestInstallation.create(tmp.resolve("home"), List.of());
        Files.writeString(tmp.resolve("file"), "not a folder");
        HostException e = assertThrows(HostException.class, () -> host(home, tmp.resolve("file/state")).start());
        assertTrue(e.getMessage().startsWith(tmp.resolve("file/state") + ": cannot create the state folder ("),
            e.getMessage());
    }

    @Test
    void aListedJarThatIsMissingNamesTheLine() throws Exception {
        Path home = TestInstallation.create(tmp.resolve("home"), List.of());
        Files.write(home.resolve("conf/platform.bundles"), List.of("# comment", "", "missing.jar"));
        HostException e = assertThrows(HostException.class, () -> host(home, tmp.resolve("state")).start());
        assertTrue(e.getMessage().endsWith("line 3: bundles/missing.jar does not exist"), e.getMessage());
    }

    @Test
    void jarsDroppedIntoTheStateFolderAreInstalledAtStartAndRemovedWithTheirFile() throws Exception {
        Path home = TestInstallation.create(tmp.resolve("home"), TestInstallation.SCR);
        Path state = tmp.resolve("state");
        Path dropped = TestBundles.echoCommand(state.resolve("bundles/echo.jar"));
        TestBundles.plainJar(state.resolve("bundles/plain.jar"));
        try (AuralisHost host = host(home, state).start()) {
            Bundle echo = bundle(host, "test.echo");
            assertNotNull(echo);
            assertEquals(Bundle.ACTIVE, echo.getState());
            assertEquals(1, host.services(io.auralis.api.command.Command.class).size());
        }
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("plain.jar: not an OSGi bundle"), messages.get(0));

        Files.delete(dropped);
        try (AuralisHost host = host(home, state).start()) {
            assertNull(bundle(host, "test.echo"));
        }
    }

    @Test
    void aWatchedDeployFolderInstallsAJarDroppedWhileRunning() throws Exception {
        Path home = TestInstallation.create(tmp.resolve("home"), TestInstallation.SCR);
        Path state = tmp.resolve("state");
        try (AuralisHost host = AuralisHost.builder().home(home).state(state).messages(messages::add)
                .watchDeployFolder(true).build().start()) {
            CountDownLatch started = new CountDownLatch(1);
            BundleListener listener = event -> {
                if (event.getType() == BundleEvent.STARTED && "test.echo".equals(event.getBundle().getSymbolicName())) {
                    started.countDown();
                }
            };
            host.bundleContext().addBundleListener(listener);
            // Written elsewhere and moved in, as a jar should be dropped.
            Path jar = TestBundles.echoCommand(tmp.resolve("echo.jar"));
            Files.move(jar, state.resolve("bundles/echo.jar"));
            assertTrue(started.await(30, TimeUnit.SECONDS), "the dropped bundle was started");
            assertEquals(1, host.services(io.auralis.api.command.Command.class).size());
        }
    }

    @Test
    void aPlatformBundleThatCannotResolveIsOneLineAndTheOthersStart() throws Exception {
        Path needy = TestBundles.bundle("test.needy").header("Import-Package", "org.example.absent;version=\"[1,2)\"")
            .write(tmp.resolve("needy.jar"));
        Path home = TestInstallation.create(tmp.resolve("home"), TestInstallation.SCR, needy);
        try (AuralisHost host = host(home, tmp.resolve("state")).start()) {
            Bundle bundle = bundle(host, "test.needy");
            assertEquals(Bundle.INSTALLED, bundle.getState());
            assertEquals(Bundle.ACTIVE, bundle(host, "org.apache.felix.scr").getState());
            assertEquals(List.of("test.needy 1.0.0 [" + bundle.getBundleId() + "]: cannot start: missing requirement"
                + " osgi.wiring.package; (&(osgi.wiring.package=org.example.absent)(version>=1.0.0)"
                + "(!(version>=2.0.0)))"), messages);
            assertEquals(messages, host.problems());
        }
    }

    @Test
    void aComponentThatFailsIsOneLineNamingTheBundleAndTheCause() throws Exception {
        Path failing = TestBundles.bundle("test.failing")
            .header("Import-Package", "io.auralis.api.command;version=\"[1.0,2)\"")
            .component(io.auralis.host.testbundle.FailingCommand.class, io.auralis.api.command.Command.class)
            .write(tmp.resolve("failing.jar"));
        Path home = TestInstallation.create(tmp.resolve("home"), TestInstallation.SCR, failing);
        try (AuralisHost host = host(home, tmp.resolve("state")).start()) {
            Bundle bundle = bundle(host, "test.failing");
            assertEquals(List.of(), host.services(io.auralis.api.command.Command.class), "the component failed");
            assertEquals(1, messages.size(), messages.toString());
            String line = messages.get(0);
            assertTrue(line.startsWith("test.failing 1.0.0 [" + bundle.getBundleId() + "]: "), line);
            assertTrue(line.endsWith(": IllegalStateException: the model file is missing"), line);
            assertFalse(line.contains("\n"), line);
        }
    }

    @Test
    void bundlesLogErrorsThroughTheHostWithPlaceholdersFilledIn() throws Exception {
        Path home = TestInstallation.create(tmp.resolve("home"), List.of());
        try (AuralisHost host = host(home, tmp.resolve("state")).start()) {
            var context = host.bundleContext();
            org.osgi.service.log.LoggerFactory factory =
                context.getService(context.getServiceReference(org.osgi.service.log.LoggerFactory.class));
            org.osgi.service.log.Logger logger = factory.getLogger("test");
            logger.info("not shown: {}", 1);
            logger.error("decoded {} of {} files", 3, 4, new java.io.IOException("disk full"));
            logger.error("{} and a literal \\{}", "value");
            assertEquals(List.of(
                "org.apache.felix.framework 7.0.5 [0]: decoded 3 of 4 files: IOException: disk full",
                "org.apache.felix.framework 7.0.5 [0]: value and a literal {}"), messages);
            assertTrue(context.getProperty("org.osgi.framework.system.packages.extra")
                .contains("org.osgi.service.log;version="), "bundles can import the log API");
        }
    }

    @Test
    void aClassPathWithoutTheLogApiStillStartsAHostWithoutTheLogBridge() throws Exception {
        // As in a repackaged application jar: the host's classes, the API and Felix, but no OSGi log API.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<java.net.URL> urls = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.contains("org.osgi.service.log")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        Path home = TestInstallation.create(tmp.resolve("home"), TestInstallation.SCR);
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(urls.toArray(java.net.URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.osgi.service.log.LoggerFactory"));
            Class<?> hostClass = loader.loadClass(AuralisHost.class.getName());
            Object builder = hostClass.getMethod("builder").invoke(null);
            builder.getClass().getMethod("home", Path.class).invoke(builder, home);
            builder.getClass().getMethod("state", Path.class).invoke(builder, tmp.resolve("state"));
            builder.getClass().getMethod("messages", java.util.function.Consumer.class)
                .invoke(builder, (java.util.function.Consumer<String>) messages::add);
            Object host = builder.getClass().getMethod("build").invoke(builder);
            hostClass.getMethod("start").invoke(host);
            try {
                Object context = hostClass.getMethod("bundleContext").invoke(host);
                String extra = (String) loader.loadClass("org.osgi.framework.BundleContext")
                    .getMethod("getProperty", String.class).invoke(context, "org.osgi.framework.system.packages.extra");
                assertTrue(extra.startsWith(ClassPathExports.API.exportPackage()), extra);
                assertFalse(extra.contains("org.osgi.service.log"), extra);
            } finally {
                hostClass.getMethod("close").invoke(host);
            }
        }
        assertEquals(List.of(), messages);
    }

    @Test
    void extraSystemPackagesAreAddedToTheApi() throws Exception {
        Path home = TestInstallation.create(tmp.resolve("home"), List.of());
        try (AuralisHost host = AuralisHost.builder().home(home).state(tmp.resolve("state"))
                .properties(Map.of("org.osgi.framework.system.packages.extra", "org.example.shared;version=\"3.1\""))
                .messages(messages::add).build().start()) {
            String extra = host.bundleContext().getProperty("org.osgi.framework.system.packages.extra");
            assertEquals(ClassPathExports.API.exportPackage() + "," + ClassPathExports.LOG.exportPackage() + ",org.example.shared;version=\"3.1\"", extra);
        }
    }
}
