package io.auralis.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auralis.host.testbundle.TestBundles;
import io.auralis.host.testbundle.TestInstallation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line against a real framework, in a temporary installation and state folder. */
class LauncherTest {
    @TempDir
    Path tmp;

    /** What one run printed and returned. */
    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    private Path home(List<String> platform, Path... extra) {
        return TestInstallation.create(tmp.resolve("home"), platform, extra);
    }

    private Result run(Path home, Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.putIfAbsent("AURALIS_STATE", tmp.resolve("state").toString());
        int code = new Launcher(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), env, tmp, home, false).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Result run(Path home, String... args) {
        return run(home, Map.of(), args);
    }

    private static void assertNoStackTrace(Result result) {
        assertFalse(result.err().contains("\tat "), "no stack trace: " + result.err());
    }

    @Test
    void anUnknownCommandIsOneLinePlusHintAndExitCode2() {
        Result result = run(home(TestInstallation.SCR), "frobnicate", "x");
        assertEquals(2, result.code());
        assertEquals(List.of("auralis: unknown command 'frobnicate'", Launcher.HELP_HINT), result.errLines());
        assertEquals("", result.out());
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        Result result = run(home(TestInstallation.SCR), "bundle", "list");
        assertEquals(2, result.code());
        assertEquals("auralis: unknown command 'bundle' (did you mean 'bundles'?)", result.errLines().get(0));
    }

    @Test
    void anUnknownGlobalOptionIsAUsageError() {
        Result result = run(home(TestInstallation.SCR), "--frobnicate", "help");
        assertEquals(2, result.code());
        assertEquals(List.of("auralis: unrecognized option: --frobnicate", Launcher.HELP_HINT), result.errLines());
    }

    @Test
    void aBadDeviceIsAUsageError() {
        Result result = run(home(List.of()), "--device", "tpu", "help");
        assertEquals(2, result.code());
        assertEquals("auralis: unknown device 'tpu': use auto, cpu, gpu or gpu:N", result.errLines().get(0));
    }

    @Test
    void anUnknownOptionOfACommandNamesTheCommand() {
        Result result = run(home(TestInstallation.SCR), "bundles", "list", "--frobnicate");
        assertEquals(2, result.code());
        assertEquals(List.of("auralis: bundles: Unrecognized option: --frobnicate",
            "Run 'auralis bundles --help' for its usage."), result.errLines());
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "bundles", "extractors", "analyze", "bench"})
    void everyBuiltInCommandPrintsItsUsageForHelpWithoutAFramework(String command) {
        // No installation at all: --help must not need the framework.
        Result result = run(null, command, "--help");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().startsWith("Usage: auralis " + command), result.out());
        HelpStyle.assertConforms(command + " --help", result.out());
        assertEquals("", result.err());

        Result viaHelp = run(null, "help", command);
        assertEquals(0, viaHelp.code(), viaHelp.err());
        assertEquals(result.out(), viaHelp.out());
    }

    @Test
    void helpListsBuiltInAndContributedCommandsWithTheirSummaries() {
        Path home = home(TestInstallation.SCR, TestBundles.echoCommand(tmp.resolve("test-echo.jar")));
        Result result = run(home, "help");
        assertEquals(0, result.code(), result.err());
        for (String line : List.of("  analyze     Run a workflow",
                "  bundles     List, install, start, stop and uninstall bundles",
                "  echo        Print the arguments (contributed by a test bundle)",
                "  extractors  List the feature extractors", "  help        List the commands")) {
            assertTrue(result.out().contains(line), "lists '" + line + "' in:\n" + result.out());
        }
        HelpStyle.assertConforms("help", result.out());
        assertEquals(result.out(), run(home).out(), "no command means help");
    }

    @Test
    void helpStillListsBuiltInCommandsWhenTheFrameworkCannotStart() {
        Result result = run(tmp.resolve("not-an-installation"), "help");
        assertEquals(0, result.code());
        assertTrue(result.out().contains("  extractors  "), result.out());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("auralis: commands from bundles are not listed: "), result.err());
    }

    @Test
    void aContributedCommandIsDispatchedByNameWithItsArgumentsAndExitCode() {
        Path home = home(TestInstallation.SCR, TestBundles.echoCommand(tmp.resolve("test-echo.jar")));
        Result echo = run(home, "echo", "hello", "world");
        assertEquals(0, echo.code(), echo.err());
        assertEquals("hello world" + System.lineSeparator(), echo.out());

        assertEquals(1, run(home, "echo", "--exit", "1").code());
        Result help = run(home, "help", "echo");
        assertEquals(0, help.code(), help.err());
        assertEquals(run(home, "echo", "--help").out(), help.out());
        HelpStyle.assertConforms("help echo", help.out());
        // 'help echo loud' is 'echo loud --help', not "expected at most one command name"
        Result sub = run(home, "help", "echo", "loud");
        assertEquals(0, sub.code(), sub.err());
        assertTrue(sub.out().startsWith("Usage: auralis echo loud [--fail]"), sub.out());

        // a contributed command's usage error is printed by the launcher, as a built-in command's is
        Result usage = run(home, "echo", "--usage-error");
        assertEquals(2, usage.code());
        assertEquals(List.of("auralis: echo: asked for a usage error", "Run 'auralis echo --help' for its usage."),
            usage.errLines());
    }

    @Test
    void anExceptionFromAContributedCommandIsAnInternalErrorOnOneLine() {
        Path home = home(TestInstallation.SCR, TestBundles.echoCommand(tmp.resolve("test-echo.jar")));
        Result result = run(home, "echo", "--fail");
        assertEquals(3, result.code());
        assertEquals(List.of("auralis: internal error: echo: java.lang.IllegalStateException: echo was asked to fail"
            + " (run with --debug for the stack trace)"), result.errLines());

        Result debug = run(home, Map.of("AURALIS_DEBUG", "1"), "echo", "--fail");
        assertEquals(3, debug.code());
        assertTrue(debug.err().contains("\tat io.auralis.host.testbundle.EchoCommand.run"), debug.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--overflow:java.lang.StackOverflowError",
        "--out-of-memory:java.lang.OutOfMemoryError: Requested array size exceeds VM limit"})
    void anErrorFromACommandIsOneLineAndExitCode3(String flagAndError) {
        String[] parts = flagAndError.split(":", 2);
        Path home = home(TestInstallation.SCR, TestBundles.echoCommand(tmp.resolve("test-echo.jar")));
        Result result = run(home, "echo", parts[0]);
        assertEquals(3, result.code(), result.err());
        assertEquals(List.of("auralis: internal error: echo: " + parts[1] + " (run with --debug for the stack trace)"),
            result.errLines());
    }

    @Test
    void bundlesInstallListAndUninstallPersistAcrossRuns() {
        Path home = home(TestInstallation.SCR);
        TestBundles.echoCommand(tmp.resolve("plugins/echo.jar"));

        Result install = run(home, "bundles", "install", "plugins/echo.jar");
        assertEquals(0, install.code(), install.err());
        assertTrue(install.out().matches("Installed test\\.echo 1\\.0\\.0 \\[\\d+]\\R"), install.out());

        Result list = run(home, "bundles", "list");
        assertEquals(0, list.code(), list.err());
        String[] lines = list.out().split("\\R");
        assertTrue(lines[0].matches("ID +STATE +SYMBOLIC NAME +VERSION +LOCATION"), lines[0]);
        assertTrue(list.out().matches("(?s).*\\R\\d+ +ACTIVE +test\\.echo +1\\.0\\.0 +file:.*/plugins/echo\\.jar\\R.*"),
            list.out());
        assertTrue(list.out().matches("(?s).*\\R\\d+ +ACTIVE +org\\.apache\\.felix\\.scr +[\\d.]+ +"
            + "platform:org\\.apache\\.felix\\.scr\\.jar\\R.*"), list.out());
        assertEquals("hello" + System.lineSeparator(), run(home, "echo", "hello").out(),
            "the installed bundle's command works in a later run");

        Result uninstall = run(home, "bundles", "uninstall", "test.echo");
        assertEquals(0, uninstall.code(), uninstall.err());
        assertFalse(run(home, "bundles", "list").out().contains("test.echo"));
        assertEquals(2, run(home, "echo", "hello").code());
    }

    @Test
    void aPluginWhoseActivatorNeverReturnsIsReportedOnceAndBundlesCommandsStillRemoveIt() {
        Path home = home(TestInstallation.SCR, TestBundles.echoCommand(tmp.resolve("test-echo.jar")));
        TestBundles.blockingActivator(tmp.resolve("blocking.jar"));
        Map<String, String> env = Map.of("AURALIS_BUNDLE_TIMEOUT", "2");
        // Preemptively: before the fix the second command hung for ever.
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            Result install = run(home, env, "bundles", "install", "blocking.jar");
            assertEquals(1, install.code(), install.err());
            assertEquals(1, install.errLines().size(), install.err());
            assertTrue(install.err().matches("auralis: test\\.blocking 1\\.0\\.0 \\[\\d+]: did not start within 2 s"
                + " \\(its activator has not returned\\) \\(it stays installed\\)\\R"), install.err());

            Result echo = run(home, env, "echo", "still", "works");
            assertEquals(0, echo.code(), echo.err());
            assertEquals("still works" + System.lineSeparator(), echo.out());
            assertEquals(1, echo.errLines().size(), echo.err());
            assertTrue(echo.errLines().get(0).matches("auralis: test\\.blocking 1\\.0\\.0 \\[\\d+]: did not start within"
                + " 2 s \\(its activator has not returned\\); going on without it\\. Remove it with 'auralis bundles"
                + " uninstall \\d+'"), echo.err());

            Result list = run(home, env, "bundles", "list");
            assertEquals(0, list.code(), list.err());
            assertTrue(list.out().matches("(?s).*\\R\\d+ +STARTING +test\\.blocking .*"), list.out());
            assertTrue(list.out().matches("(?s).*\\R\\d+ +ACTIVE +org\\.apache\\.felix\\.scr .*"), list.out());

            Result uninstall = run(home, env, "bundles", "uninstall", "test.blocking");
            assertEquals(0, uninstall.code(), uninstall.err());
            Result after = run(home, env, "help");
            assertEquals(0, after.code());
            assertEquals("", after.err());
            assertTrue(after.out().contains("echo"), after.out());
        }, "a plugin whose activator never returns hung the launcher");
    }

    @Test
    void bundlesInstallNoStartLeavesTheBundleInstalledAndStartStopToggleIt() {
        Path home = home(TestInstallation.SCR);
        TestBundles.echoCommand(tmp.resolve("echo.jar"));
        assertEquals(0, run(home, "bundles", "install", "--no-start", "echo.jar").code());
        assertEquals(2, run(home, "echo", "hi").code(), "not started: no command");
        Result start = run(home, "bundles", "start", "test.echo");
        assertEquals(0, start.code(), start.err());
        assertEquals(0, run(home, "echo", "hi").code());
        assertEquals(0, run(home, "bundles", "stop", "test.echo").code());
        assertEquals(2, run(home, "echo", "hi").code());
    }

    @Test
    void installingANonBundleIsOneLineNamingTheFile() {
        Path home = home(TestInstallation.SCR);
        Path plain = TestBundles.plainJar(tmp.resolve("plain.jar"));
        Result result = run(home, "bundles", "install", "plain.jar");
        assertEquals(2, result.code());
        assertEquals(List.of("auralis: " + plain + ": not an OSGi bundle (its manifest has no Bundle-SymbolicName)"),
            result.errLines());
        assertNoStackTrace(result);

        Result missing = run(home, "bundles", "install", "missing.jar");
        assertEquals(List.of("auralis: " + tmp.resolve("missing.jar") + ": no such file"), missing.errLines());
    }

    @Test
    void installingSeveralWhereOneIsBadIsAPartialFailure() {
        Path home = home(TestInstallation.SCR);
        TestBundles.echoCommand(tmp.resolve("echo.jar"));
        TestBundles.plainJar(tmp.resolve("plain.jar"));
        Result result = run(home, "bundles", "install", "echo.jar", "plain.jar");
        assertEquals(1, result.code());
        assertEquals(1, result.errLines().size(), result.err());
        assertEquals(0, run(home, "echo").code());
    }

    @Test
    void uninstallingAPlatformBundleIsRefusedWithoutForce() {
        Path home = home(TestInstallation.SCR);
        Result refused = run(home, "bundles", "uninstall", "org.apache.felix.scr");
        assertEquals(2, refused.code());
        assertEquals(1, refused.errLines().size(), refused.err());
        assertTrue(refused.err().matches("auralis: org\\.apache\\.felix\\.scr \\S+ \\[\\d+] is a platform bundle "
            + "\\(listed in conf/platform\\.bundles\\); use --force to uninstall it anyway\\R"), refused.err());

        Result forced = run(home, "bundles", "uninstall", "--force", "org.apache.felix.scr");
        assertEquals(0, forced.code(), forced.err());
        assertTrue(forced.out().contains("it is installed again at the next start"), forced.out());
        assertEquals(2, run(home, "bundles", "start", "--force", "1").code(), "--force belongs to uninstall");
    }

    @Test
    void extractorsListsEveryRegisteredExtractorWithParametersInputsAndOutputs() {
        Path home = home(TestInstallation.AUDIO, TestBundles.describedExtractor(tmp.resolve("test-described.jar")));
        Result result = run(home, "extractors");
        assertEquals(0, result.code(), result.err());
        String out = result.out();
        for (String id : List.of("auralis.loudness", "auralis.pitch", "auralis.segmenter", "test.described")) {
            assertTrue(out.contains(System.lineSeparator() + id + "  ") || out.startsWith(id + "  "), id + " in\n" + out);
        }
        String described = out.substring(out.indexOf("test.described  "));
        assertTrue(described.startsWith("test.described  Described  (version 2.1.0)"), described);
        assertTrue(described.contains("Sample rate: 16000 Hz   Block: 400 samples, step 160"), described);
        assertTrue(described.matches("(?s).*gain +number +0 +-24\\.\\.24 +dB +Scales the input\\..*"), described);
        assertTrue(described.matches("(?s).*mode +choice +fast +fast\\|exact +How to run\\..*"), described);
        assertTrue(described.matches("(?s).*segments +segment +yes +Where to look\\..*"), described);
        assertTrue(described.matches("(?s).*level +loudness +dBFS +1 +100 per second.*"), described);
    }

    @Test
    void extractorsJsonIsTheDescriptorsAsAJsonArray() throws Exception {
        Path home = home(TestInstallation.SCR, TestBundles.describedExtractor(tmp.resolve("test-described.jar")));
        Result result = run(home, "extractors", "--json");
        assertEquals(0, result.code(), result.err());
        JsonNode array = new ObjectMapper().readTree(result.out());
        assertEquals(1, array.size());
        JsonNode d = array.get(0);
        assertEquals("test.described", d.get("id").asText());
        assertEquals(16000, d.get("sampleRate").asInt());
        assertEquals("CHOICE", d.get("parameters").get(1).get("type").asText());
        assertEquals(List.of("fast", "exact"), toList(d.get("parameters").get(1).get("choices")));
        assertEquals(-24.0, d.get("parameters").get(0).get("minValue").asDouble());
        assertTrue(d.get("inputs").get(0).get("required").asBoolean());
        assertEquals("FIXED_RATE", d.get("outputs").get(0).get("sampleType").asText());
    }

    @Test
    void extractorsWithAnUnknownIdIsAUsageError() {
        Path home = home(TestInstallation.SCR, TestBundles.describedExtractor(tmp.resolve("test-described.jar")));
        Result result = run(home, "extractors", "nope");
        assertEquals(2, result.code());
        assertEquals("auralis: extractors: no extractor has id 'nope' (known: test.described)", result.errLines().get(0));
    }

    @Test
    void analyzeRunsAWorkflowWithTheFrameworksExtractorsDecoderAndWriters() throws Exception {
        Path home = home(TestInstallation.ANALYSIS);
        java.nio.file.Files.writeString(tmp.resolve("level.json"), """
            { "name": "level", "sampleRate": 16000,
              "steps": [ { "id": "loudness", "extractor": "auralis.loudness" } ],
              "outputs": [ "loudness.dbfs" ] }
            """);
        writeTone(tmp.resolve("tone.wav"));
        Result result = run(home, "analyze", "--workflow", "level.json", "--output", "out.jsonl", "tone.wav");
        assertEquals(0, result.code(), result.err());
        List<String> records = java.nio.file.Files.readAllLines(tmp.resolve("out.jsonl"));
        assertEquals(1, records.size(), records.toString());
        JsonNode record = new ObjectMapper().readTree(records.get(0));
        assertEquals(16000, record.get("sampleRate").asInt());
        assertTrue(record.get("outputs").get("loudness.dbfs").size() > 10, records.get(0));
    }

    @Test
    void analyzeWithoutAFrameworkIsOneLineAndExitCode2() {
        Result result = run(tmp.resolve("not-an-installation"), "analyze", "tone.wav");
        assertEquals(2, result.code());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().contains("not an Auralis installation"), result.err());
    }

    /** One second of a 440 Hz tone, 16 kHz mono 16-bit. */
    private static void writeTone(Path file) throws Exception {
        byte[] pcm = new byte[32000];
        for (int i = 0; i < 16000; i++) {
            short sample = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        javax.sound.sampled.AudioFormat format = new javax.sound.sampled.AudioFormat(16000, 16, 1, true, false);
        try (javax.sound.sampled.AudioInputStream in = new javax.sound.sampled.AudioInputStream(
                new java.io.ByteArrayInputStream(pcm), format, 16000)) {
            javax.sound.sampled.AudioSystem.write(in, javax.sound.sampled.AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    @Test
    void withoutAnInstallationTheCommandSaysHowToNameOne() {
        Result result = run(null, "bundles", "list");
        assertEquals(2, result.code());
        assertEquals(List.of("auralis: cannot tell where Auralis is installed: pass --home DIR or set AURALIS_HOME"
            + " (bin/auralis sets it for you)"), result.errLines());
    }

    @Test
    void homeAndStateOptionsResolveAgainstTheWorkingDirectory() {
        home(TestInstallation.SCR);
        Result result = run(null, Map.of("AURALIS_STATE", "ignored"), "--home", "home", "--state", "other-state",
            "bundles", "list");
        assertEquals(0, result.code(), result.err());
        assertTrue(java.nio.file.Files.isDirectory(tmp.resolve("other-state/framework")));
        assertFalse(java.nio.file.Files.exists(tmp.resolve("ignored")));
    }

    @Test
    void withoutAuralisStateTheStateFolderIsInHomeNotInThePasswdEntrysFolder() {
        Path home = home(TestInstallation.SCR);
        Path userHome = tmp.resolve("user-home");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // No AURALIS_STATE: the state folder is $HOME/.auralis, where bin/auralis keeps its class-data archive.
        int code = new Launcher(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("HOME", userHome.toString()), tmp, home, false)
            .run("bundles", "list");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(java.nio.file.Files.isDirectory(userHome.resolve(".auralis/framework")));
    }

    @Test
    void versionPrintsOneLine() {
        Result result = run(null, "--version");
        assertEquals(0, result.code());
        assertTrue(result.out().startsWith("auralis "), result.out());
        assertEquals(1, result.out().split("\\R").length);
    }

    private static List<String> toList(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
