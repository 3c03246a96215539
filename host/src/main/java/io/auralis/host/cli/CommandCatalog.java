package io.auralis.host.cli;

import io.auralis.api.command.Command;
import io.auralis.host.runtime.HostException;
import java.util.Map;

/** The commands of one run, for {@code auralis help}. */
interface CommandCatalog {

    /**
     * The commands that ship with the host, by name.
     *
     * @return the built-in commands, sorted by name
     */
    Map<String, Command> builtins();

    /**
     * The commands that bundles registered, by name, without those a built-in command hides. Starts the framework.
     *
     * @return the contributed commands, sorted by name
     * @throws HostException if the framework cannot start
     */
    Map<String, Command> contributed() throws HostException;
}
