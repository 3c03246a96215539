package io.auralis.host.cli;

import io.auralis.host.runtime.AuralisHost;
import io.auralis.host.runtime.HostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The framework of one command-line run, started on first use so that commands that do not need it (usage, a
 * command's {@code --help}) stay instant, and stopped when the run ends.
 */
final class HostSession implements AutoCloseable {
    private final Path home;
    private final Path state;
    private final String device;
    private final Duration bundleStartTimeout;
    private final boolean debug;
    private final Consumer<String> messages;
    private AuralisHost host;
    private HostException failure;
    private boolean managing;
    private boolean changing;

    HostSession(Path home, Path state, String device, Duration bundleStartTimeout, boolean debug,
            Consumer<String> messages) {
        this.home = home;
        this.state = state;
        this.device = device;
        this.bundleStartTimeout = bundleStartTimeout;
        this.debug = debug;
        this.messages = messages;
    }

    /**
     * Makes the host one that manages bundles, for the {@code bundles} commands: it does not start the plugins itself
     * (the command does, when it needs them), so that a plugin that hangs can still be listed and uninstalled; and a
     * host that changes bundles holds the state folder exclusively. Must come before {@link #host}.
     *
     * @param changes whether the command installs, starts, stops or uninstalls bundles
     */
    void manageBundles(boolean changes) {
        if (host != null) {
            throw new IllegalStateException("the host is already running");
        }
        managing = true;
        changing = changes;
    }

    /**
     * The running host, started now if this is the first call.
     *
     * @return the host
     * @throws HostException if it cannot start (every later call throws the same)
     */
    AuralisHost host() throws HostException {
        if (failure != null) {
            throw failure;
        }
        if (host == null) {
            if (home == null) {
                failure = new HostException("cannot tell where Auralis is installed: pass --home DIR or set"
                    + " AURALIS_HOME (bin/auralis sets it for you)");
                throw failure;
            }
            AuralisHost created = AuralisHost.builder()
                .home(home)
                .state(state)
                .device(device)
                .debug(debug)
                .messages(messages)
                .startPlugins(!managing)
                .bundleStartTimeout(bundleStartTimeout)
                .exclusive(changing)
                .build();
            try {
                host = created.start();
            } catch (HostException e) {
                failure = e;
                throw e;
            }
        }
        return host;
    }

    Path home() {
        return home;
    }

    /** The compute device for models: {@code --device}, else {@code AURALIS_DEVICE}, else {@code auto}. */
    String device() {
        return device;
    }

    @Override
    public void close() {
        if (host != null) {
            host.close();
        }
    }
}
