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
        String hint = "Run 'auralis bench --help' for its usage.";
        for (List<String> args : List.of(List.of("--frobnicate"), List.of("extra"), List.of("--corpus"))) {
            CapturingContext context = new CapturingContext(tmp, false);
            assertEquals(Command.USAGE, context.launch(new BenchCommand(home), args), args.toString());
            // bad flags: one line, and the launcher's hint under it
            assertEquals(2, context.errLines().size(), context.errText());
            assertTrue(context.errLines().get(0).startsWith("auralis: bench: "), context.errText());
            assertEquals(hint, context.errLines().get(1));
        }
        CapturingContext missing = new CapturingContext(tmp, false);
        assertEquals(Command.USAGE, missing.launch(new BenchCommand(home), List.of("--corpus", "nowhere")));
        assertEquals(1, missing.errLines().size(), missing.errText());
        assertTrue(missing.errLines().get(0).startsWith("auralis: bench: "), missing.errText());
        CapturingContext context = new CapturingContext(tmp, false);
        assertEquals(Command.USAGE, context.launch(new BenchCommand(home), List.of()));
        assertTrue(context.errText().startsWith("auralis: bench: ") && context.errText().contains("no launcher to run"),
            context.errText());
        CapturingContext nowhere = new CapturingContext(tmp, false);
        assertEquals(Command.USAGE, nowhere.launch(new BenchCommand(null), List.of()));
        assertEquals(List.of("auralis: bench: cannot tell where Auralis is installed: pass --home DIR or set "
            + "AURALIS_HOME"), nowhere.errLines());
    }

    @Test
    void helpListsEveryOptionOnStandardOutput() throws Exception {
        CapturingContext context = new CapturingContext(tmp, false);
        assertEquals(Command.OK, context.launch(new BenchCommand(null), List.of("--help")));
        for (String option : List.of("--corpus DIR", "--models LIST", "--long", "--json", "--quick")) {
            assertTrue(context.outText().contains(option), option + " in\n" + context.outText());
        }
    }
}
