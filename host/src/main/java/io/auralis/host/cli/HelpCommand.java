package io.auralis.host.cli;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.command.CommandHelp;
import io.auralis.api.command.UsageException;
import io.auralis.host.runtime.HostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code auralis help [command [subcommand...]]}: every command with its summary, built-in and contributed by
 * bundles, or one command's usage: {@code help ser predict} is {@code ser predict --help}. If the framework cannot
 * start, the built-in commands are still listed.
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
        return List.of("auralis help [command [subcommand...]]");
    }

    @Override
    String description() {
        return "Without a command, lists every command: those built into the host and those that installed bundles\n"
            + "contribute. With one, shows that command's usage (the same as 'auralis <command> --help'); words after\n"
            + "it name a subcommand ('auralis help ser predict' is 'auralis ser predict --help').";
    }

    @Override
    int execute(CommandLine line, CommandContext context) throws Exception {
        List<String> args = line.getArgList();
        if (args.isEmpty()) {
            printOverview(context);
            return OK;
        }
        return commandHelp(args.get(0), args.subList(1, args.size()), context);
    }

    private int commandHelp(String name, List<String> subcommand, CommandContext context) throws Exception {
        Command builtin = catalog.builtins().get(name);
        if (builtin instanceof BuiltinCommand command && subcommand.isEmpty()) {
            command.printUsage(context.out());
            return OK;
        }
        // The words after the name go first: 'help ser predict' asks the ser command for predict's usage.
        List<String> args = new ArrayList<>(subcommand);
        args.add("--help");
        if (builtin != null) {
            return builtin.run(args, context);
        }
        Command contributed = catalog.contributed().get(name);
        if (contributed == null) {
            throw new UsageException("unknown command '" + name + "'", Launcher.HELP_HINT);
        }
        return contributed.run(args, context);
    }

    private void printOverview(CommandContext context) {
        CommandHelp help = new CommandHelp("auralis [global options] <command> [args]")
            .paragraph("Auralis analyses audio with feature extractors and emotion models that are OSGi bundles.")
            .section("Commands:");
        catalog.builtins().forEach((name, command) -> help.row(name, command.summary()));
        Map<String, Command> contributed;
        try {
            contributed = catalog.contributed();
        } catch (HostException e) {
            contributed = Map.of();
            context.err().println("auralis: commands from bundles are not listed: " + e.getMessage());
        }
        contributed.forEach((name, command) -> help.row(name, summaryOf(command)));
        addOptions(help, "Global options:", Launcher.globalOptions())
            .paragraph("Run 'auralis help <command>' or 'auralis <command> --help' for a command's usage.")
            .print(context.out());
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
