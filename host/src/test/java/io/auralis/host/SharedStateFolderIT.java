package io.auralis.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auralis.host.distribution.GeneratedWav;
import io.auralis.host.distribution.InstalledAuralis;
import io.auralis.host.testbundle.TestBundles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several launcher processes on one state folder, as batch users start them ({@code xargs -P}, cron): all at once on
 * a fresh folder, which each finds without its platform bundles, and with a {@code bundles install} among them. Each
 * must work, and the folder must be intact afterwards. Before the state folder had a lock, three first runs at once
 * installed the platform two or three times into one bundle cache ("Bundle symbolic name and version are not
 * unique") and {@code ser} was gone until the folder was deleted.
 */
class SharedStateFolderIT {
    private static final int ANALYSES = 3;
    /** Generous: four JVMs set up on two busy cores, one after the other where they must. */
    private static final long LIMIT_SECONDS = 300;

    @TempDir
    Path tmp;

    @Test
    void commandsStartedAtOnceOnAFreshStateFolderAllWorkAndLeaveItIntact() throws Exception {
        Path state = tmp.resolve("state");
        InstalledAuralis auralis = new InstalledAuralis(state, tmp);
        for (String name : List.of("a.wav", "b.wav")) {
            GeneratedWav.write(tmp.resolve(name), 16000, 1, 16, 1.5, GeneratedWav.voice(180, 0.2, 1.3, name.hashCode()));
        }
        TestBundles.echoCommand(tmp.resolve("echo.jar"));

        Map<String, Process> started = new LinkedHashMap<>();
        for (int i = 0; i < ANALYSES; i++) {
            started.put("analyze-" + i, auralis.start("analyze-" + i, "analyze", "--workflow", "features", "--output",
                "out-" + i + ".jsonl", "a.wav", "b.wav"));
        }
        started.put("install", auralis.start("install", "bundles", "install", "echo.jar"));
        Map<String, InstalledAuralis.Run> runs = new LinkedHashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        for (Map.Entry<String, Process> entry : started.entrySet()) {
            Process process = entry.getValue();
            long left = Math.max(1, deadline - System.nanoTime());
            if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
                started.values().forEach(p -> {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                });
                fail(entry.getKey() + " did not finish within " + LIMIT_SECONDS + " s with others on its state folder: "
                    + auralis.result(entry.getKey(), -1).err());
            }
            runs.put(entry.getKey(), auralis.result(entry.getKey(), process.exitValue()));
        }

        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < ANALYSES; i++) {
            InstalledAuralis.Run run = runs.get("analyze-" + i);
            assertEquals(0, run.code(), "analyze-" + i + ": " + run.err());
            assertNoCacheDamage("analyze-" + i, run);
            List<String> records = Files.readAllLines(tmp.resolve("out-" + i + ".jsonl"));
            assertEquals(2, records.size(), records.toString());
            for (String line : records) {
                JsonNode record = json.readTree(line);
                assertTrue(record.get("error").isNull(), line);
                assertFalse(record.get("outputs").isEmpty(), line);
            }
        }
        InstalledAuralis.Run install = runs.get("install");
        assertEquals(0, install.code(), install.err());
        assertNoCacheDamage("install", install);
        assertTrue(install.out().startsWith("Installed test.echo 1.0.0 ["), install.out());

        // Every command still works on the folder: the platform's, the SER bundle's, the plugin's.
        InstalledAuralis.Run help = auralis.run("help");
        assertEquals(0, help.code(), help.err());
        assertEquals("", help.err());
        for (String command : List.of("analyze", "bundles", "extractors", "ser", "echo")) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " in:\n" + help.out());
        }
        InstalledAuralis.Run ser = auralis.run("ser", "--help");
        assertEquals(0, ser.code(), ser.err());
        InstalledAuralis.Run echo = auralis.run("echo", "hello");
        assertEquals("hello", echo.out().strip(), echo.err());

        // And the bundle list is intact: each platform jar once, at its own location, active.
        InstalledAuralis.Run list = auralis.run("bundles", "list");
        assertEquals(0, list.code(), list.err());
        assertEquals("", list.err());
        List<String> platform = new ArrayList<>();
        for (String line : Files.readAllLines(auralis.home().resolve("conf/platform.bundles"))) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                platform.add(line.strip());
            }
        }
        Map<String, Integer> names = new HashMap<>();
        List<String> rows = list.out().lines().skip(1).toList();
        for (String row : rows) {
            String[] columns = row.split(" +", 5);
            names.merge(columns[2], 1, Integer::sum);
            assertTrue(columns[1].equals("ACTIVE") || columns[1].equals("FRAGMENT"), row);
        }
        names.forEach((name, count) -> assertEquals(1, count, name + " is installed once in:\n" + list.out()));
        assertEquals(platform.size() + 2, rows.size(), "the system bundle, the platform and the plugin:\n" + list.out());
        for (String jar : platform) {
            assertEquals(1, rows.stream().filter(r -> r.endsWith(" platform:" + jar)).count(),
                jar + " once in:\n" + list.out());
        }
    }

    @Test
    void withoutAuralisStateTheLauncherAndItsScriptBothUseHome() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        List<String> command = List.of(new InstalledAuralis(tmp.resolve("unused"), tmp).home()
            .resolve("bin/auralis").toString(), "bundles", "list");
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile());
        builder.environment().remove("AURALIS_STATE");
        builder.environment().put("HOME", home.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.redirectOutput(tmp.resolve("list.out").toFile()).redirectError(tmp.resolve("list.err").toFile());
        Process process = builder.start();
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("auralis bundles list did not finish within " + LIMIT_SECONDS + " s");
        }
        assertEquals(0, process.exitValue(), Files.readString(tmp.resolve("list.err"), StandardCharsets.UTF_8));
        // The bundles (the launcher's) and the class-data archive (the script's) are in one folder.
        assertTrue(Files.isDirectory(home.resolve(".auralis/framework")), "the bundle cache is in $HOME/.auralis");
        assertTrue(Files.isDirectory(home.resolve(".auralis/cds")), "the class-data archive is in $HOME/.auralis");
    }

    private static void assertNoCacheDamage(String name, InstalledAuralis.Run run) {
        for (String sign : List.of("Unable to cache", "not unique", "missing requirement", "cannot start")) {
            assertFalse(run.err().contains(sign), name + " printed '" + sign + "':\n" + run.err());
        }
    }
}
