package io.auralis.host.cli;

import io.auralis.api.command.CommandContext;
import io.auralis.api.command.InputFile;
import io.auralis.api.command.UsageException;
import io.auralis.host.batch.InputFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

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

    @Override
    public List<InputFile> inputs(List<String> arguments) throws UsageException {
        return InputFiles.collect(arguments, workingDirectory, warning -> err.println("auralis: " + warning));
    }
}
