package io.auralis.testkit.hello;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import java.util.List;

/**
 * A Declarative Services component of a bundle that {@code OsgiFrameworkTest} packs at run time: a command against
 * the API alone, which notes in a system property (the one thing its bundle shares with the test) when SCR
 * activates and deactivates it.
 */
public final class HelloCommand implements Command {
    /** The system property the component writes its state to. */
    public static final String STATE = "testkit.hello.state";

    /** Called by SCR when the component is activated. */
    public void activate() {
        System.setProperty(STATE, "active");
    }

    /** Called by SCR when the component is deactivated. */
    public void deactivate() {
        System.setProperty(STATE, "deactivated");
    }

    @Override
    public String name() {
        return "hello";
    }

    @Override
    public String summary() {
        return "Says hello.";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        context.out().println("hello " + String.join(" ", args));
        return 0;
    }
}
