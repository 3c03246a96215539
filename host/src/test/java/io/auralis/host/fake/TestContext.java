package io.auralis.host.fake;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.command.InputFile;
import io.auralis.api.command.UsageException;
import io.auralis.host.batch.InputFiles;
import io.auralis.host.cli.Launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A command context that captures what a command prints.
 */
public final class TestContext implements CommandContext {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    private final Path workingDirectory;
    private final boolean interactive;

    /**
     * Creates a context.
     *
     * @param workingDirectory the working directory
     * @param interactive whether to pretend a person watches a terminal
     */
    public TestContext(Path workingDirectory, boolean interactive) {
        this.workingDirectory = workingDirectory;
        this.interactive = interactive;
    }

    @Override
    public PrintStream out() {
        return outStream;
    }

    @Override
    public PrintStream err() {
        return errStream;
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public List<InputFile> inputs(List<String> arguments) throws UsageException {
        // the launcher's own search, as the command would get it
        return InputFiles.collect(arguments, workingDirectory, warning -> errStream.println("auralis: " + warning));
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    /**
     * Runs a command in this context as the launcher runs it: a usage error it throws is printed as the launcher
     * prints it, and answered with exit code 2.
     *
     * @param command the command
     * @param args its arguments
     * @return the exit code
     * @throws AssertionError for anything else the command throws, which the launcher would report as an internal
     *     error
     */
    public int launch(Command command, List<String> args) {
        try {
            return command.run(args, this);
        } catch (UsageException e) {
            return Launcher.printed(e, errStream);
        } catch (Exception e) {
            throw new AssertionError(command.name() + ": an internal error: " + e, e);
        }
    }

    /**
     * What went to standard output.
     *
     * @return the text
     */
    public String outText() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * What went to standard error.
     *
     * @return the text
     */
    public String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /**
     * The lines of standard error.
     *
     * @return the lines
     */
    public List<String> errLines() {
        return errText().lines().toList();
    }
}
