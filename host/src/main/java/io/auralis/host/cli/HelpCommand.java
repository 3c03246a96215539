package io.auralis.host.cli;

import io.auralis.host.text.TextTable;
import io.auralis.host.batch.UsageException;
import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.host.runtime.HostException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code auralis help [command]}: every command with its summary, built-in and contributed by bundles, or one
 * command's usage. If the framework cannot start, the built-in commands are still listed.
 */
final class HelpCommand extends BuiltinCommand {
    static final String NAME = "help";

    private final CommandCatalog catalog;

    HelpCommand(CommandCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "List the commands, or show how to use one";
    }

    @Override
    Options options() {
        return new Options();
    }

    @Override
    List<String> synopsis() {
        return List.of("auralis help [command]");
    }

    @Override
    String description() {
        return "Without a command, lists every command: those built into the host and those that installed bundles\n"
            + "contribute. With one, shows that command's usage (the same as 'auralis <command> --help').";
    }

    @Override
    int execute(CommandLine line, CommandContext context) throws Exception {
        List<String> args = line.getArgList();
        if (args.size() > 1) {
            throw usage("expected at most one command name, got " + args.size());
        }
        if (args.size() == 1) {
            return commandHelp(args.get(0), context);
        }
        printOverview(context);
        return OK;
    }

    private int commandHelp(String name, CommandContext context) throws Exception {
        Command builtin = catalog.builtins().get(name);
        if (builtin instanceof BuiltinCommand command) {
            command.printUsage(context.out());
            return OK;
        }
        if (builtin != null) {
            return builtin.run(List.of("--help"), context);
        }
        Command contributed = catalog.contributed().get(name);
        if (contributed == null) {
            throw new UsageException("unknown command '" + name + "'", Launcher.HELP_HINT);
        }
        return contributed.run(List.of("--help"), context);
    }

    private void printOverview(CommandContext context) {
        PrintStream out = context.out();
        out.println("Usage: auralis [global options] <command> [args]");
        out.println();
        out.println("Auralis analyses audio with feature extractors and emotion models that are OSGi bundles.");
        out.println();
        out.println("Commands:");
        TextTable commands = new TextTable(2);
        catalog.builtins().forEach((name, command) -> commands.add(name, command.summary()));
        Map<String, Command> contributed;
        try {
            contributed = catalog.contributed();
        } catch (HostException e) {
            contributed = Map.of();
            context.err().println("auralis: commands from bundles are not listed: " + e.getMessage());
        }
        contributed.forEach((name, command) -> commands.add(name, summaryOf(command)));
        commands.wrapLastColumn(100).print(out, 2);
        out.println();
        out.println("Global options:");
        TextTable options = new TextTable(2);
        for (Option option : Launcher.globalOptions().getOptions()) {
            options.add(optionName(option), option.getDescription());
        }
        options.wrapLastColumn(100).print(out, 2);
        out.println();
        out.println("Run 'auralis help <command>' or 'auralis <command> --help' for a command's usage.");
    }

    private static String summaryOf(Command command) {
        try {
            String summary = command.summary();
            return summary == null ? "" : summary;
        } catch (RuntimeException e) {
            return "(no summary: " + e + ")";
        }
    }
}
