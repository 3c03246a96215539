package io.auralis.ser.command;

import ai.djl.engine.EngineException;
import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.ser.runtime.ModelService;
import java.io.PrintStream;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code auralis ser SUBCOMMAND ...}: speech emotion recognition from the command line. The subcommands are
 * listed in {@link Subcommands}.
 */
@Component(service = Command.class)
public class SerCommand implements Command {
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
        if (args.isEmpty() || isHelp(args.get(0))) {
            PrintStream out = args.isEmpty() ? context.err() : context.out();
            out.println("usage: auralis ser SUBCOMMAND [--help] ...");
            out.println();
            for (Subcommand s : subcommands) {
                out.printf("  %-10s %s%n", s.name(), s.summary());
            }
            return args.isEmpty() ? USAGE : OK;
        }
        Subcommand sub = subcommands.stream().filter(s -> s.name().equals(args.get(0))).findFirst().orElse(null);
        if (sub == null) {
            context.err().println("auralis: ser: unknown subcommand '" + args.get(0) + "' (expected one of "
                + String.join(", ", subcommands.stream().map(Subcommand::name).toList()) + ")");
            return USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.stream().anyMatch(SerCommand::isHelp)) {
            context.out().println(sub.usage());
            return OK;
        }
        try {
            return sub.run(rest, context, services);
        } catch (UsageException e) {
            context.err().println("auralis: ser " + sub.name() + ": " + e.getMessage());
            return USAGE;
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
