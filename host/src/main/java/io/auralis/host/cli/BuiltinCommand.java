package io.auralis.host.cli;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.command.CommandHelp;
import io.auralis.api.command.UsageException;
import java.io.PrintStream;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * A command that ships with the host. It declares its options for Commons CLI; parsing, {@code --help} and the
 * usage text are handled here, and bad flags become a {@link UsageException}. Built-in commands start the framework
 * only when they need it, so {@code --help} is instant.
 */
abstract class BuiltinCommand implements Command {
    /** The option every command takes. */
    static final Option HELP = Option.builder("h").longOpt("help").desc("show this help").get();

    /**
     * The command's options, without {@code --help}, which is added.
     *
     * @return the options
     */
    abstract Options options();

    /**
     * The usage lines, such as {@code auralis bundles install [--no-start] <jar|url>...}.
     *
     * @return one or more lines
     */
    abstract List<String> synopsis();

    /**
     * What the command does, printed under the synopsis.
     *
     * @return a paragraph, lines broken by hand
     */
    abstract String description();

    /**
     * Text after the options, such as examples; empty by default.
     *
     * @return the text, or an empty string
     */
    String epilogue() {
        return "";
    }

    /**
     * Runs the command on parsed arguments.
     *
     * @param line the parsed options and the remaining arguments
     * @param context output streams and working directory
     * @return the exit code
     * @throws UsageException for bad arguments
     * @throws Exception for anything else
     */
    abstract int execute(CommandLine line, CommandContext context) throws Exception;

    @Override
    public final int run(List<String> args, CommandContext context) throws Exception {
        Options options = allOptions();
        CommandLine line;
        try {
            line = DefaultParser.builder().get().parse(options, args.toArray(String[]::new));
        } catch (ParseException e) {
            throw usage(e.getMessage());
        }
        if (line.hasOption(HELP)) {
            printUsage(context.out());
            return OK;
        }
        return execute(line, context);
    }

    /**
     * A usage error about this command, with the hint to read its usage.
     *
     * @param message what is wrong
     * @return the exception to throw
     */
    UsageException usage(String message) {
        return usage(name(), message);
    }

    /**
     * A usage error about a built-in command's flags, with the hint to read its usage: one wording for every
     * built-in command, whether or not it parses through this class ({@code analyze} has its own parser).
     *
     * @param command the command's name
     * @param message what is wrong
     * @return the exception to throw
     */
    static UsageException usage(String command, String message) {
        return new UsageException(command + ": " + message, "Run 'auralis " + command + " --help' for its usage.");
    }

    /**
     * Prints the synopsis, description, options and epilogue in the platform's help layout.
     *
     * @param out where to
     */
    void printUsage(PrintStream out) {
        List<String> lines = synopsis();
        CommandHelp help = new CommandHelp(lines.get(0), lines.subList(1, lines.size()).toArray(String[]::new))
            .paragraph(description());
        addOptions(help, "Options:", allOptions());
        help.paragraph(epilogue()).print(out);
    }

    /**
     * Adds Commons CLI options to help as a section, in the order they were declared.
     *
     * @param help the help
     * @param title the section's title, such as {@code Options:}
     * @param options the options
     * @return the help
     */
    static CommandHelp addOptions(CommandHelp help, String title, Options options) {
        help.section(title);
        for (Option o : options.getOptions()) {
            help.option(o.getOpt(), o.getLongOpt(), o.hasArg() ? argName(o) : null, o.getDescription());
        }
        return help;
    }

    private Options allOptions() {
        Options options = new Options();
        options().getOptions().forEach(options::addOption);
        options.addOption(HELP);
        return options;
    }

    private static String argName(Option option) {
        return option.getArgName() != null ? option.getArgName() : "VALUE";
    }
}
