package io.auralis.host.cli;

import io.auralis.api.command.CommandContext;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The {@link CommandContext} of one command-line run.
 *
 * @param out standard output
 * @param err standard error
 * @param workingDirectory the user's working directory
 * @param interactive whether a terminal is attached
 */
record TerminalContext(PrintStream out, PrintStream err, Path workingDirectory, boolean interactive)
        implements CommandContext {
}
