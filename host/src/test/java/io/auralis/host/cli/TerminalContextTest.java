package io.auralis.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.auralis.api.command.InputFile;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalContextTest {
    @TempDir
    Path cwd;

    @Test
    void commandsGetTheLaunchersFolderSearchWithItsWarningsOnStandardError() throws Exception {
        Files.createDirectories(cwd.resolve("data/sub"));
        Files.writeString(cwd.resolve("data/sub/b.flac"), "x");
        Files.writeString(cwd.resolve("data/a.wav"), "x");
        Files.writeString(cwd.resolve("data/.a.wav"), "x");
        Files.createSymbolicLink(cwd.resolve("data/sub/up"), cwd.resolve("data"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        TerminalContext context = new TerminalContext(new PrintStream(OutputStream.nullOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8), cwd, false);

        List<InputFile> inputs = context.inputs(List.of("data/"));

        assertEquals(List.of("data/a.wav", "data/sub/b.flac"), inputs.stream().map(InputFile::name).toList());
        assertEquals(cwd.resolve("data/a.wav"), inputs.get(0).path());
        assertEquals("auralis: data/sub/up: a link leads back into a folder above it; not followed\n",
            err.toString(StandardCharsets.UTF_8));
    }
}
