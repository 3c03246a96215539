package io.auralis.ser.command;

import ai.djl.engine.EngineException;
import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.command.CommandHelp;
import io.auralis.api.command.UsageException;
import io.auralis.ser.runtime.ModelService;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code auralis ser SUBCOMMAND ...}: speech emotion recognition from the command line. The subcommands are
 * listed in {@link Subcommands}. Bad usage is a {@link UsageException} naming the subcommand, which the host prints
 * and answers with exit code 2, as it does for every command.
 */
@Component(service = Command.class)
public class SerCommand implements Command {
    private static final String HINT = "Run 'auralis help ser' for the list of subcommands.";
    private final SerServices services;
    private final List<Subcommand> subcommands;

    /**
     * Creates the command.
     *
     * @param models the shared model loader
     * @param decoder the platform's audio decoder
     */
    @Activate
    public SerCommand(@Reference ModelService models, @Reference AudioDecoder decoder) {
        this(new SerServices(models, decoder), Subcommands.ALL);
    }

    SerCommand(SerServices services, List<Subcommand> subcommands) {
        this.services = services;
        this.subcommands = subcommands;
    }

    @Override
    public String name() {
        return "ser";
    }

    @Override
    public String summary() {
        return "speech emotion recognition: " + String.join(", ", subcommands.stream().map(Subcommand::name)
            .toList());
    }

    @Override
    public int run(List<String> args, CommandContext context) throws Exception {
        String names = String.join(", ", subcommands.stream().map(Subcommand::name).toList());
        if (args.isEmpty()) {
            throw new UsageException("ser: no subcommand given (expected one of " + names + ")", HINT);
        }
        if (isHelp(args.get(0))) {
            CommandHelp help = new CommandHelp("auralis ser <subcommand> [options] [args]")
                .paragraph("Speech emotion recognition: predict with a model, import, train, evaluate and search "
                    + "for one, and measure its speed.")
                .section("Subcommands:");
            subcommands.forEach(s -> help.row(s.name(), s.summary()));
            help.section("Options:").option("h", "help", null, "show this help")
                .paragraph("Run 'auralis help ser <subcommand>' or 'auralis ser <subcommand> --help' for a "
                    + "subcommand's usage.")
                .print(context.out());
            return OK;
        }
        Subcommand sub = subcommands.stream().filter(s -> s.name().equals(args.get(0))).findFirst().orElse(null);
        if (sub == null) {
            throw new UsageException("ser: unknown subcommand '" + args.get(0) + "' (expected one of " + names + ")",
                HINT);
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.stream().anyMatch(SerCommand::isHelp)) {
            context.out().println(sub.usage());
            return OK;
        }
        try {
            return sub.run(rest, context, services);
        } catch (UsageException e) {
            // The host prints it, as it prints every command's; the prefix says which subcommand complained.
            throw new UsageException("ser " + sub.name() + ": " + e.getMessage(), e.hint());
        } catch (EngineException e) {
            // the engine failed to start: say why in one line rather than with a trace
            context.err().println("auralis: ser " + sub.name() + ": " + e.getMessage());
            return INTERNAL_ERROR;
        }
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }
}
