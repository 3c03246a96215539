package io.auralis.host.cli;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import java.util.List;
import java.util.function.Supplier;

/**
 * A built-in command created when it is first used: {@code analyze} sets up a JSON mapper, a few hundred classes
 * that runs of other commands should not load.
 */
final class DeferredCommand implements Command {
    private final String name;
    private final Supplier<Command> factory;
    private Command command;

    DeferredCommand(String name, Supplier<Command> factory) {
        this.name = name;
        this.factory = factory;
    }

    private Command command() {
        if (command == null) {
            Command created = factory.get();
            if (!name.equals(created.name())) {
                throw new IllegalStateException("command " + created.name() + " registered as " + name);
            }
            command = created;
        }
        return command;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return command().summary();
    }

    @Override
    public int run(List<String> args, CommandContext context) throws Exception {
        return command().run(args, context);
    }
}
