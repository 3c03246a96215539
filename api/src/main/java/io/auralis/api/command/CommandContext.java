package io.auralis.api.command;

import java.io.PrintStream;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the host gives a command when it runs it.
 */
@ProviderType
public interface CommandContext {

    /**
     * Where normal output goes (results, tables, JSON lines).
     *
     * @return standard output
     */
    PrintStream out();

    /**
     * Where messages and progress go.
     *
     * @return standard error
     */
    PrintStream err();

    /**
     * The user's working directory, against which relative paths on the command line resolve.
     *
     * @return an absolute path
     */
    Path workingDirectory();

    /**
     * Whether a person is watching a terminal, so progress bars may redraw in place.
     *
     * @return {@code true} on an interactive terminal
     */
    boolean interactive();
}
