package io.auralis.host.testbundle;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import java.util.List;

/** A component that cannot be created, as a plugin with a bug: its constructor throws. */
public class FailingCommand implements Command {

    /** Fails, as a component whose set-up breaks. */
    public FailingCommand() {
        throw new IllegalStateException("the model file is missing");
    }

    @Override
    public String name() {
        return "failing";
    }

    @Override
    public String summary() {
        return "Never created";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        return OK;
    }
}
