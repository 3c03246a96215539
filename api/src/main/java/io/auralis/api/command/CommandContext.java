package io.auralis.api.command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * The audio files that a command's file and folder arguments name, found the one way the platform finds them,
     * so that every command that reads audio ({@code analyze}, {@code ser predict}, a plugin's) reads the same files
     * from the same arguments. A file named explicitly is always taken, whatever its extension, so that a file that
     * is not audio is reported rather than skipped. A folder is searched recursively, following links, for files
     * with an audio extension in any case ({@code wav}, {@code flac}, {@code mp3}, ...: {@code auralis help
     * analyze} lists them); hidden names (starting with a dot) are skipped, a link that leads back into a folder
     * above it is not followed (one line on {@link #err()}), and a part of a folder that cannot be searched is an
     * input with a {@link InputFile#problem}. A folder's files are sorted by their path inside it, arguments keep
     * their order, and a file reached twice is listed once. The search is {@link InputFiles#collect}, with its
     * warnings on {@link #err()} as {@code auralis: <warning>}; a host has no reason to answer otherwise.
     *
     * @param arguments files and folders as the user typed them; relative ones resolve against
     *     {@link #workingDirectory()}
     * @return the files, at least one, in an order that is the same on every run
     * @throws UsageException if an argument names nothing ({@code <argument>: no such file}), or the arguments hold
     *     no audio file at all
     * @since 1.2
     */
    default List<InputFile> inputs(List<String> arguments) throws UsageException {
        return InputFiles.collect(arguments, workingDirectory(), warning -> err().println("auralis: " + warning));
    }
}
