package io.auralis.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auralis.host.cli.HelpStyle;
import io.auralis.host.distribution.GeneratedWav;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built distribution, run as a user runs it: {@code bin/auralis} through a symbolic link, from another
 * working directory, with a fresh state folder. Runs after {@code mvn package} (failsafe). The tests share one
 * state folder, as runs of one user do: installing the platform (DJL's natives above all) takes a few seconds.
 */
class DistributionIT {
    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private Path dist;
    private Path launcher;

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void linkLauncher() throws IOException {
        dist = Path.of(System.getProperty("auralis.dist"));
        Files.createDirectories(tmp.resolve("bin"));
        launcher = Files.createSymbolicLink(tmp.resolve("bin/auralis"), dist.resolve("bin/auralis"));
        Files.createDirectories(tmp.resolve("work"));
    }

    private Run run(String... args) throws Exception {
        return runWithState(shared.resolve("state"), args);
    }

    private Run runWithState(Path state, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.resolve("work").toFile());
        builder.environment().put("AURALIS_STATE", state.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("AURALIS_DEBUG");
        builder.environment().remove("AURALIS_SPARK_ADDON");
        builder.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "auralis " + String.join(" ", args) + " finished");
        return new Run(process.exitValue(), Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
            Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void everyPlatformBundleStartsWithoutAProblem() throws Exception {
        Run list = run("bundles", "list");
        assertEquals(0, list.code(), list.err());
        assertEquals("", list.err(), "no bundle reported a problem");
        List<String> platform = new ArrayList<>();
        for (String line : Files.readAllLines(dist.resolve("conf/platform.bundles"))) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                platform.add(line.strip());
            }
        }
        assertTrue(platform.size() >= 10, platform.toString());
        for (String jar : platform) {
            assertTrue(list.out().matches("(?s).*\\R\\d+ +(ACTIVE|FRAGMENT) +\\S+ +\\S+ +platform:"
                + java.util.regex.Pattern.quote(jar) + "\\R.*"), jar + " is active in:\n" + list.out());
        }
    }

    @Test
    void everyCommandsHelpIsInTheOneStyleAndHelpReachesSubcommands() throws Exception {
        Run help = run("help");
        assertEquals(0, help.code(), help.err());
        HelpStyle.assertConforms("help", help.out());
        List<String> commands = rows(help.out(), "Commands:");
        assertTrue(commands.containsAll(List.of("analyze", "bench", "bundles", "extractors", "help", "ser")),
            commands.toString());
        for (String command : commands) {
            Run usage = run("help", command);
            assertEquals(0, usage.code(), command + ": " + usage.err());
            HelpStyle.assertConforms("help " + command, usage.out());
        }
        Run ser = run("help", "ser");
        List<String> subcommands = rows(ser.out(), "Subcommands:");
        assertTrue(subcommands.containsAll(List.of("predict", "train", "evaluate")), ser.out());
        for (String subcommand : subcommands) {
            Run usage = run("help", "ser", subcommand);
            assertEquals(0, usage.code(), subcommand + ": " + usage.err());
            HelpStyle.assertConforms("help ser " + subcommand, usage.out());
            assertTrue(usage.out().startsWith("Usage: auralis ser " + subcommand + " "), usage.out());
        }
        Run analyze = run("analyze", "--help");
        for (String format : List.of("csv", "csv-wide", "html", "jsonl")) {
            assertTrue(analyze.out().replaceAll("\\s+", " ").matches("(?s).*Formats of the installed writers "
                + "\\(--format\\): [a-z, -]*" + format + "[,.].*"), format + " in:\n" + analyze.out());
        }
        assertTrue(analyze.out().replaceAll("\\s+", " ").contains("needs ffmpeg installed"), analyze.out());
    }

    /** The first words of a section's rows in help, such as the commands under {@code Commands:}. */
    private static List<String> rows(String help, String section) {
        List<String> words = new ArrayList<>();
        List<String> lines = help.lines().toList();
        for (String line : lines.subList(lines.indexOf(section) + 1, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            if (line.matches("  \\S.*")) {
                words.add(line.strip().split("\\s+")[0]);
            }
        }
        return words;
    }

    @Test
    void helpAndExtractorsWorkFromAnotherFolderThroughALink() throws Exception {
        Run help = run("help");
        assertEquals(0, help.code(), help.err());
        assertEquals("", help.err());
        for (String command : List.of("analyze", "bundles", "extractors", "help")) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " in:\n" + help.out());
        }
        // The first run records the class data sharing archive, the second maps it: neither may print
        // anything but the JSON on standard output.
        for (int i = 0; i < 2; i++) {
            Run json = run("extractors", "--json");
            assertEquals(0, json.code(), json.err());
            JsonNode extractors = new ObjectMapper().readTree(json.out());
            List<String> ids = new ArrayList<>();
            extractors.forEach(e -> ids.add(e.get("id").asText()));
            assertTrue(ids.containsAll(List.of("auralis.pitch", "auralis.loudness", "auralis.segmenter")), ids.toString());
        }
    }

    @Test
    void theLauncherKeepsItsClassDataArchiveInTheStateFolderNamedOnTheCommandLine() throws Exception {
        Path state = tmp.resolve("named-state");
        Run help = runWithState(tmp.resolve("ignored"), "--state=" + state, "help");
        assertEquals(0, help.code(), help.err());
        try (var archives = Files.list(state.resolve("cds"))) {
            assertEquals(1, archives.filter(p -> p.getFileName().toString().endsWith(".jsa")).count());
        }
        assertTrue(Files.notExists(tmp.resolve("ignored")), "AURALIS_STATE gives way to --state");
    }

    @Test
    void analyzeWithAMasterNamesTheMissingSparkAddOnInOneLine() throws Exception {
        Run master = run("analyze", "--master", "local[2]", "--output", "out", "in");
        assertEquals(2, master.code(), master.err());
        List<String> lines = master.err().lines().toList();
        assertEquals(1, lines.size(), master.err());
        String addon = dist.toRealPath().resolve("addons/spark").toString();
        assertTrue(lines.get(0).startsWith("auralis: analyze: --master local[2] needs the Spark add-on, which is not in "
            + addon + ": unpack auralis-spark-addon-"), lines.get(0));
        assertTrue(lines.get(0).contains(".tar.gz into " + dist.toRealPath()), lines.get(0));
    }

    @Test
    void serPredictReadsTheFilesOfAFolderThatAnalyzeReadsNamedAlike() throws Exception {
        Path work = tmp.resolve("work");
        Files.createDirectories(work.resolve("clips/b"));
        Files.createDirectories(work.resolve("clips/.cache"));
        GeneratedWav.write(work.resolve("clips/b/x.wav"), 16000, 1, 16, 1.0, GeneratedWav.voice(180, 0.1, 0.9, 1));
        GeneratedWav.write(work.resolve("clips/A.WAV"), 22050, 2, 16, 1.0, GeneratedWav.voice(220, 0.1, 0.9, 2));
        Files.copy(work.resolve("clips/A.WAV"), work.resolve("clips/.hidden.wav"));
        Files.copy(work.resolve("clips/A.WAV"), work.resolve("clips/.cache/y.wav"));
        Files.writeString(work.resolve("clips/notes.txt"), "not audio");
        Files.createSymbolicLink(work.resolve("clips/b/up"), work.resolve("clips"));
        List<String> expected = List.of("clips/A.WAV", "clips/b/x.wav");
        String loop = "auralis: clips/b/up: a link leads back into a folder above it; not followed";
        for (List<String> command : List.of(List.of("ser", "predict"), List.of("analyze", "--workflow", "features"))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("clips/", "clips/b/x.wav"));
            Run run = run(args.toArray(String[]::new));
            assertEquals(0, run.code(), command + ": " + run.err());
            List<String> files = new ArrayList<>();
            for (String line : run.out().lines().toList()) {
                files.add(new ObjectMapper().readTree(line).get("file").asText());
            }
            // sorted inside the folder, hidden names and other extensions skipped, x.wav once, named as typed
            assertEquals(expected, files, command.toString());
            assertTrue(run.err().lines().anyMatch(loop::equals), command + ": " + run.err());
        }
        Run missing = run("ser", "predict", "clips", "nope.wav");
        assertEquals(2, missing.code(), missing.err());
        assertEquals("auralis: ser predict: nope.wav: no such file", missing.err().strip());
    }

    @Test
    void theVersionNeedsNoStateAndAnUnknownCommandExitsWith2() throws Exception {
        Run version = runWithState(tmp.resolve("state"), "--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("auralis "), version.out());
        assertTrue(Files.notExists(tmp.resolve("state")), "--version does not start the framework");

        Run unknown = run("frobnicate");
        assertEquals(2, unknown.code());
        assertEquals("auralis: unknown command 'frobnicate'", unknown.err().lines().findFirst().orElse(""));
    }
}
