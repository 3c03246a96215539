package io.auralis.testkit;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.command.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link CommandContext} for tests of a command, built-in or a plugin's: it keeps what the command prints on
 * standard output and standard error, in UTF-8, for the test to read back, and says whether a person watches. Its
 * {@link #inputs} are the platform's folder search ({@link CommandContext#inputs}), and {@link #launch} runs a
 * command as the launcher does, printing a usage error it throws.
 *
 * <pre>{@code
 * CapturingContext context = new CapturingContext(dir);
 * int code = context.launch(command, List.of("predict", "a.wav"));
 * assertEquals(0, code, context.errText());
 * }</pre>
 */
public final class CapturingContext implements CommandContext {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    private final Path workingDirectory;
    private final boolean interactive;

    /**
     * Creates a context for a command run from a script, not a terminal.
     *
     * @param workingDirectory the working directory the command sees
     */
    public CapturingContext(Path workingDirectory) {
        this(workingDirectory, false);
    }

    /**
     * Creates a context.
     *
     * @param workingDirectory the working directory the command sees
     * @param interactive whether to pretend that a person watches a terminal (progress bars, prompts)
     */
    public CapturingContext(Path workingDirectory, boolean interactive) {
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
            return e.print(errStream);
        } catch (Exception e) {
            throw new AssertionError(command.name() + ": an internal error: " + e, e);
        }
    }

    /**
     * What went to standard output so far.
     *
     * @return the text
     */
    public String outText() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * What went to standard error so far.
     *
     * @return the text
     */
    public String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /**
     * The lines of standard error so far.
     *
     * @return the lines, without their line breaks
     */
    public List<String> errLines() {
        return errText().lines().toList();
    }
}
