package io.auralis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.command.InputFile;
import io.auralis.api.command.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapturingContextTest {

    @Test
    void keepsWhatACommandPrintsOnEachStreamInUtf8() {
        CapturingContext context = new CapturingContext(Path.of("work"));
        context.out().print("résumé\n");
        context.err().println("auralis: x.wav: truncated");
        context.err().println("second");
        assertEquals("résumé\n", context.outText());
        assertEquals(List.of("auralis: x.wav: truncated", "second"), context.errLines());
        assertEquals(Path.of("work"), context.workingDirectory());
        assertFalse(context.interactive());
        assertTrue(new CapturingContext(Path.of("work"), true).interactive());
    }

    /** A command that lists the audio files its arguments name, or fails as told. */
    private static Command lister(Exception failure) {
        return new Command() {
            @Override
            public String name() {
                return "list";
            }

            @Override
            public String summary() {
                return "Lists audio files.";
            }

            @Override
            public int run(List<String> args, CommandContext context) throws Exception {
                if (failure != null) {
                    throw failure;
                }
                for (InputFile f : context.inputs(args)) {
                    context.out().println(f.name());
                }
                return Command.OK;
            }
        };
    }

    @Test
    void launchRunsACommandAsTheLauncherDoesWithThePlatformsFolderSearch(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("in/sub"));
        Files.writeString(dir.resolve("in/sub/b.wav"), "x");
        Files.writeString(dir.resolve("in/a.flac"), "x");
        Files.writeString(dir.resolve("in/notes.txt"), "x");
        CapturingContext found = new CapturingContext(dir);
        assertEquals(Command.OK, found.launch(lister(null), List.of("in")));
        assertEquals("in/a.flac\nin/sub/b.wav\n", found.outText());

        CapturingContext missing = new CapturingContext(dir);
        assertEquals(Command.USAGE, missing.launch(lister(null), List.of("nope.wav")));
        assertEquals(List.of("auralis: nope.wav: no such file"), missing.errLines());

        CapturingContext usage = new CapturingContext(dir);
        assertEquals(Command.USAGE, usage.launch(lister(new UsageException("list: bad", "Run 'auralis list --help'.")),
            List.of()));
        assertEquals(List.of("auralis: list: bad", "Run 'auralis list --help'."), usage.errLines());

        AssertionError internal = assertThrows(AssertionError.class,
            () -> new CapturingContext(dir).launch(lister(new IllegalStateException("boom")), List.of()));
        assertTrue(internal.getMessage().contains("internal error"), internal.getMessage());
    }
}
