package io.auralis.api.command;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A command contributed to the {@code auralis} command line, registered as an OSGi service. The host dispatches
 * {@code auralis <name> args...} to the command whose {@link #name()} is the first word, and lists every command
 * in {@code auralis help}.
 *
 * <p>Exit codes follow one convention across the platform: 0 success, 1 the work ran but some of it failed
 * (such as some files of a batch), 2 bad usage or input, 3 an internal error.
 */
@ConsumerType
public interface Command {

    /** Exit code: everything succeeded. */
    int OK = 0;
    /** Exit code: the command ran, but part of the work failed. */
    int PARTIAL_FAILURE = 1;
    /** Exit code: bad flags, arguments or input files; nothing useful was done. */
    int USAGE = 2;
    /** Exit code: an unexpected internal error. */
    int INTERNAL_ERROR = 3;

    /**
     * The first word that selects this command, such as {@code ser}.
     *
     * @return a lower-case word
     */
    String name();

    /**
     * One line for {@code auralis help}.
     *
     * @return a short summary
     */
    String summary();

    /**
     * Runs the command. {@code --help} among the arguments prints usage, laid out by {@link CommandHelp}, and
     * returns {@link #OK}.
     *
     * @param args the words after the command name
     * @param context output streams and working directory
     * @return the exit code
     * @throws UsageException bad flags, arguments or input (since 1.1), printed by the host as one line and its hint,
     *     with exit code {@link #USAGE}
     * @throws Exception an unexpected failure, reported by the host with exit code {@link #INTERNAL_ERROR}
     */
    int run(List<String> args, CommandContext context) throws Exception;
}
