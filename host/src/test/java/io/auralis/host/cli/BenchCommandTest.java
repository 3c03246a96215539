package io.auralis.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.command.Command;
import io.auralis.testkit.CapturingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void badCommandLinesAreOneLineAndExitCode2WithoutStartingAnything() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        for (List<String> args : List.of(List.of("--frobnicate"), List.of("extra"), List.of("--corpus", "nowhere"),
            List.of("--corpus"))) {
            CapturingContext context = new CapturingContext(tmp, false);
            assertEquals(Command.USAGE, new BenchCommand(home).run(args, context), args.toString());
            assertEquals(1, context.errText().strip().lines().count(), context.errText());
            assertTrue(context.errText().startsWith("auralis: bench: "), context.errText());
        }
        CapturingContext context = new CapturingContext(tmp, false);
        assertEquals(Command.USAGE, new BenchCommand(home).run(List.of(), context));
        assertTrue(context.errText().contains("no launcher to run"), context.errText());
        CapturingContext nowhere = new CapturingContext(tmp, false);
        assertEquals(Command.USAGE, new BenchCommand(null).run(List.of(), nowhere));
        assertTrue(nowhere.errText().contains("cannot tell where Auralis is installed"), nowhere.errText());
    }

    @Test
    void helpListsEveryOptionOnStandardOutput() throws Exception {
        CapturingContext context = new CapturingContext(tmp, false);
        assertEquals(Command.OK, new BenchCommand(null).run(List.of("--help"), context));
        for (String option : List.of("--corpus DIR", "--models LIST", "--long", "--json", "--quick")) {
            assertTrue(context.outText().contains(option), option + " in\n" + context.outText());
        }
    }
}
