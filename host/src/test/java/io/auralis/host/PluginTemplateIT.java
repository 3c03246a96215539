package io.auralis.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auralis.host.distribution.GeneratedWav;
import io.auralis.host.distribution.InstalledAuralis;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin template, taken through docs/writing-a-plugin.md as a stranger would: the folder is copied out of the
 * checkout, the API jar that ships in the installation's {@code lib/} is installed into Maven with the doc's
 * {@code mvn install:install-file} command (and so are the test kit from {@code sdk/} and the engine it runs from
 * {@code lib/}), the copy is built with {@code mvn package} (the {@code mvn} on the
 * PATH; skipped without one), and the jar is installed into the real distribution with
 * {@code auralis bundles install}, listed by {@code auralis extractors} and run by {@code auralis analyze} with the
 * template's own {@code workflow.json}.
 *
 * <p>So that the test leaves the user's Maven repository alone, the nested builds use a temporary local
 * repository, and read the user's one (a file repository in front of Maven Central) for plugins and dependencies
 * the reactor already fetched: no download when everything is there, and only Maven Central otherwise.
 */
class PluginTemplateIT {
    private static final Pattern API_JAR = Pattern.compile("auralis-api-(.+)\\.jar");
    private static final String JAR = "target/example-zcr-1.0.0.jar";

    @TempDir
    Path tmp;

    /** The doc's commands, in the copied template, with the test's Maven isolation. */
    private void mvn(Path project, String log, String... goals) throws Exception {
        List<String> command = new ArrayList<>(List.of(mvnOnPath().orElseThrow().toString(), "-B", "-q"));
        command.addAll(List.of("-s", tmp.resolve("settings.xml").toString(),
            "-Dmaven.repo.local=" + tmp.resolve("repository")));
        command.addAll(List.of(goals));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
            .redirectOutput(tmp.resolve(log).toFile());
        // Maven's own JVM with the quick compiler and the serial collector: a short build on a small machine
        // finishes sooner. The commands stay the doc's.
        String opts = System.getenv().getOrDefault("MAVEN_OPTS", "");
        builder.environment().put("MAVEN_OPTS", (opts + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC").strip());
        Process process = builder.start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(tmp.resolve(log), StandardCharsets.UTF_8);
        assertTrue(finished && process.exitValue() == 0, String.join(" ", command) + " failed:\n" + output);
    }

    private static Optional<Path> mvnOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isEmpty()).map(d -> Path.of(d, "mvn"))
            .filter(Files::isExecutable).findFirst();
    }

    /**
     * Settings that put the user's local repository, read-only, before Maven Central. A separate settings file
     * replaces the user's own (their mirrors would redirect this repository too); the global settings still apply.
     */
    private void writeSettings() throws IOException {
        String userRepository = System.getProperty("auralis.maven.repository",
            Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        String url = Path.of(userRepository).toUri().toString();
        String repository = "<id>user-local</id><url>" + url + "</url><snapshots><enabled>false</enabled></snapshots>"
            + "<releases><checksumPolicy>ignore</checksumPolicy></releases>";
        Files.writeString(tmp.resolve("settings.xml"), "<settings><profiles><profile><id>user-local</id>"
            + "<repositories><repository>" + repository + "</repository></repositories>"
            + "<pluginRepositories><pluginRepository>" + repository + "</pluginRepository></pluginRepositories>"
            + "</profile></profiles><activeProfiles><activeProfile>user-local</activeProfile></activeProfiles>"
            + "</settings>\n");
    }

    /** The API jar the installation ships, which is the API its host exports to bundles. */
    private static Path apiJar(Path home) throws IOException {
        return shipped(home, "lib", "auralis-api");
    }

    /** A jar of the installation, such as {@code lib/auralis-engine-<version>.jar}. */
    private static Path shipped(Path home, String folder, String artifact) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(home.resolve(folder), artifact + "-*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        throw new IllegalStateException("no " + artifact + " jar in " + home.resolve(folder));
    }

    private static void copyWithoutBuildOutput(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(source);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    @Test
    void theTemplateBuiltAsTheDocSaysInstallsIntoARealHostAndRunsItsWorkflow() throws Exception {
        Assumptions.assumeTrue(mvnOnPath().isPresent(), "no mvn on the PATH to build the template with");
        Path template = Path.of(System.getProperty("auralis.plugin.template"));
        Path project = tmp.resolve("acme-plugin");
        copyWithoutBuildOutput(template, project);
        writeSettings();

        InstalledAuralis auralis = new InstalledAuralis(tmp.resolve("ignored-state"), project);
        Path api = apiJar(auralis.home());
        Matcher version = API_JAR.matcher(api.getFileName().toString());
        assertTrue(version.matches(), api.toString());
        String pom = Files.readString(project.resolve("pom.xml"), StandardCharsets.UTF_8);
        assertTrue(pom.contains("<auralis.version>" + version.group(1) + "</auralis.version>"),
            "the template builds against the API this installation ships (" + version.group(1) + ")");

        mvn(project, "install-api.log", "install:install-file", "-Dfile=" + api, "-DgroupId=io.auralis",
            "-DartifactId=auralis-api", "-Dversion=" + version.group(1), "-Dpackaging=jar", "-DgeneratePom=true");
        // The test kit the template's test uses, and the engine it runs, installed the same way.
        for (String[] jar : List.of(new String[] {"sdk", "auralis-testkit"}, new String[] {"lib", "auralis-engine"})) {
            mvn(project, "install-" + jar[1] + ".log", "install:install-file",
                "-Dfile=" + shipped(auralis.home(), jar[0], jar[1]), "-DgroupId=io.auralis", "-DartifactId=" + jar[1],
                "-Dversion=" + version.group(1), "-Dpackaging=jar", "-DgeneratePom=true");
        }
        mvn(project, "package.log", "package");
        assertTrue(Files.isRegularFile(project.resolve(JAR)), JAR + " is built");
        try (Stream<Path> reports = Files.list(project.resolve("target/surefire-reports"))) {
            assertTrue(reports.anyMatch(r -> r.getFileName().toString().startsWith("TEST-")),
                "the template's own test ran");
        }

        // A fresh state folder, given as the doc's --state DIR.
        String state = "--state=" + tmp.resolve("state");
        InstalledAuralis.Run install = auralis.run(state, "bundles", "install", JAR);
        assertEquals(0, install.code(), install.err());
        assertTrue(install.out().contains("com.example.zcr"), install.out());

        InstalledAuralis.Run extractors = auralis.run(state, "extractors");
        assertEquals(0, extractors.code(), extractors.err());
        assertTrue(extractors.out().lines().anyMatch(l -> l.startsWith("example.zcr ")),
            "example.zcr is listed:\n" + extractors.out());

        // 440 Hz at half scale: 880 zero crossings a second, about -9.03 dBFS.
        GeneratedWav.write(project.resolve("recording.wav"), 44100, 1, 16, 1.0,
            t -> 0.5 * Math.sin(2 * Math.PI * 440 * t));
        InstalledAuralis.Run analyze = auralis.run(state, "analyze", "--workflow", "workflow.json", "recording.wav");
        assertEquals(0, analyze.code(), analyze.err());
        List<String> lines = analyze.out().lines().toList();
        assertEquals(1, lines.size(), analyze.out());
        JsonNode record = new ObjectMapper().readTree(lines.get(0));
        assertEquals("recording.wav", record.get("file").asText());
        assertTrue(record.get("error").isNull(), lines.get(0));
        assertEquals(1.0, record.get("duration").asDouble(), 1e-3);

        JsonNode zcr = record.get("outputs").get("zcr.zcr");
        // The workflow analyses at 16 kHz: blocks of 1024 samples every 512, the last one shorter.
        assertEquals(31, zcr.size(), "one rate per block: " + zcr);
        double previous = -1;
        for (JsonNode feature : zcr) {
            double time = feature.get("time").asDouble();
            assertTrue(time > previous, "blocks in time order: " + zcr);
            previous = time;
            assertEquals(880, feature.get("zcr").asDouble(), 20, "crossings per second: " + feature);
        }
        JsonNode level = record.get("outputs").get("level.dbfs");
        assertTrue(level.size() > 0, lines.get(0));
        for (JsonNode feature : level) {
            assertEquals(-9.03, feature.get("dbfs").asDouble(), 0.2, "loudness beside it: " + feature);
        }
    }
}
