package io.auralis.ser.command;

import io.auralis.api.command.CommandContext;
import io.auralis.api.command.InputFile;
import io.auralis.api.command.UsageException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The context the launcher hands a command, for the SER bundle's tests, which run without the launcher. Folder
 * search is the launcher's ({@code InputFiles}, tested with the host, and {@code ser predict} against
 * {@code analyze} in the distribution test): here each argument is a file named as typed, unless a test gives the
 * inputs the launcher would have found.
 *
 * @param out standard output
 * @param err standard error
 * @param workingDirectory the working directory
 * @param expansion what {@link #inputs} answers, or {@code null} for each argument as a file
 */
public record FakeContext(PrintStream out, PrintStream err, Path workingDirectory, Expansion expansion)
        implements CommandContext {

    /** Stands in for the launcher's search. */
    @FunctionalInterface
    public interface Expansion {
        /**
         * The inputs for some arguments.
         *
         * @param arguments as typed
         * @return the inputs
         * @throws UsageException as the launcher would throw it
         */
        List<InputFile> inputs(List<String> arguments) throws UsageException;
    }

    /**
     * A context whose inputs are the arguments, each a file.
     *
     * @param out standard output
     * @param err standard error
     * @param workingDirectory the working directory
     */
    public FakeContext(PrintStream out, PrintStream err, Path workingDirectory) {
        this(out, err, workingDirectory, null);
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public List<InputFile> inputs(List<String> arguments) throws UsageException {
        if (expansion != null) {
            return expansion.inputs(arguments);
        }
        List<InputFile> files = new ArrayList<>();
        for (String argument : arguments) {
            Path path = workingDirectory.resolve(argument);
            if (!Files.exists(path)) {
                throw new UsageException(argument + ": no such file");
            }
            if (Files.isDirectory(path)) {
                throw new UsageException(argument + ": a folder, which only the launcher searches; give the test "
                    + "an expansion");
            }
            files.add(new InputFile(path, argument));
        }
        return files;
    }
}
