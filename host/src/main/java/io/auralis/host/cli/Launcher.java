package io.auralis.host.cli;

import io.auralis.api.command.UsageException;
import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.host.runtime.AuralisHost;
import io.auralis.host.runtime.HostException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * One run of {@code auralis [global options] <command> [args]}: parses the global options, starts the framework
 * when the command needs it, dispatches to a built-in command or to a {@link Command} service by name, and turns
 * every failure into one line on standard error and an exit code (see {@link Command}). Stack traces are printed
 * only with {@code --debug} or {@code AURALIS_DEBUG=1}.
 */
public final class Launcher {
    static final String HELP_HINT = "Run 'auralis help' for the list of commands.";
    private static final Duration DEFAULT_BUNDLE_TIMEOUT = Duration.ofSeconds(10);

    static final Option STATE = Option.builder().longOpt("state").hasArg().argName("DIR")
        .desc("state folder: bundle cache, installed bundles (default $AURALIS_STATE or ~/.auralis)").get();
    static final Option HOME = Option.builder().longOpt("home").hasArg().argName("DIR")
        .desc("installation folder (default: this launcher's, or $AURALIS_HOME)").get();
    static final Option DEVICE = Option.builder().longOpt("device").hasArg().argName("DEVICE")
        .desc("device for models: auto, cpu, gpu or gpu:N (default $AURALIS_DEVICE or auto)").get();
    static final Option DEBUG = Option.builder().longOpt("debug")
        .desc("print stack traces and warnings (also AURALIS_DEBUG=1)").get();
    static final Option VERSION = Option.builder().longOpt("version").desc("print the version and exit").get();

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Path defaultHome;
    private final boolean interactive;

    /**
     * Creates a launcher.
     *
     * @param out standard output
     * @param err standard error
     * @param environment the process environment ({@code AURALIS_STATE} or {@code HOME}, {@code AURALIS_HOME},
     *     {@code AURALIS_DEVICE}, {@code AURALIS_DEBUG}, {@code AURALIS_BUNDLE_TIMEOUT})
     * @param workingDirectory where relative paths on the command line start
     * @param defaultHome the installation to use without {@code --home} or {@code AURALIS_HOME}, or {@code null}
     * @param interactive whether a person watches a terminal
     */
    public Launcher(PrintStream out, PrintStream err, Map<String, String> environment, Path workingDirectory,
            Path defaultHome, boolean interactive) {
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory.toAbsolutePath();
        this.defaultHome = defaultHome;
        this.interactive = interactive;
    }

    static Options globalOptions() {
        Options options = new Options();
        for (Option option : List.of(STATE, HOME, DEVICE, DEBUG, VERSION, BuiltinCommand.HELP)) {
            options.addOption(option);
        }
        return options;
    }

    /**
     * Runs one command line.
     *
     * @param args the arguments after {@code auralis}
     * @return the exit code: 0 ok, 1 part of the work failed, 2 bad usage or input, 3 internal error (whatever
     *     was thrown)
     */
    public int run(String... args) {
        boolean debug = "1".equals(environment.get("AURALIS_DEBUG"))
            || Arrays.asList(args).contains("--" + DEBUG.getLongOpt());
        HostSession session = null;
        try {
            CommandLine global = parseGlobal(args);
            debug |= global.hasOption(DEBUG);
            List<String> rest = global.getArgList();
            if (global.hasOption(VERSION)) {
                out.println("auralis " + version());
                return Command.OK;
            }
            session = new HostSession(home(global), state(global), device(global), bundleStartTimeout(), debug,
                this::message);
            Run run = new Run(session, new TerminalContext(out, err, workingDirectory, interactive));
            if (rest.isEmpty() || global.hasOption(BuiltinCommand.HELP)) {
                return run.builtins.get(HelpCommand.NAME).run(List.of(), run.context);
            }
            return run.dispatch(rest.get(0), rest.subList(1, rest.size()));
        } catch (UsageException e) {
            return e.print(err);
        } catch (HostException e) {
            err.println("auralis: " + e.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            return Command.USAGE;
        } catch (Throwable e) {
            // Every throwable, StackOverflowError and OutOfMemoryError included: uncaught, the JVM would print a
            // stack trace and exit with 1, which means "some files failed".
            err.println("auralis: internal error: " + e + (debug ? "" : " (run with --debug for the stack trace)"));
            if (debug) {
                e.printStackTrace(err);
            }
            return Command.INTERNAL_ERROR;
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    private void message(String line) {
        err.println("auralis: " + line);
    }

    private CommandLine parseGlobal(String[] args) throws UsageException {
        CommandLine line;
        try {
            // Stop at the command: everything after it belongs to the command.
            line = DefaultParser.builder().get().parse(globalOptions(), args, true);
        } catch (ParseException e) {
            throw new UsageException(e.getMessage(), HELP_HINT);
        }
        List<String> rest = line.getArgList();
        if (!rest.isEmpty() && rest.get(0).startsWith("-") && rest.get(0).length() > 1) {
            throw new UsageException("unrecognized option: " + rest.get(0), HELP_HINT);
        }
        return line;
    }

    private Path home(CommandLine global) {
        String given = global.getOptionValue(HOME);
        if (given == null) {
            given = environment.get("AURALIS_HOME");
        }
        if (given != null && !given.isBlank()) {
            return workingDirectory.resolve(given).normalize();
        }
        return defaultHome;
    }

    private Path state(CommandLine global) {
        String given = global.getOptionValue(STATE);
        Path state = given != null ? Path.of(given) : AuralisHost.defaultState(environment);
        return workingDirectory.resolve(state).normalize();
    }

    private String device(CommandLine global) throws UsageException {
        String device = global.getOptionValue(DEVICE);
        if (device == null) {
            device = environment.getOrDefault("AURALIS_DEVICE", "auto");
        }
        if (!device.matches("auto|cpu|gpu(:\\d+)?")) {
            throw new UsageException("unknown device '" + device + "': use auto, cpu, gpu or gpu:N", HELP_HINT);
        }
        return device;
    }

    /** {@code AURALIS_BUNDLE_TIMEOUT}: seconds to wait for the plugins to start (default 10). */
    private Duration bundleStartTimeout() throws UsageException {
        String value = environment.get("AURALIS_BUNDLE_TIMEOUT");
        if (value == null || value.isBlank()) {
            return DEFAULT_BUNDLE_TIMEOUT;
        }
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds >= 1) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UsageException("AURALIS_BUNDLE_TIMEOUT must be a whole number of seconds, at least 1, not '" + value
            + "'", HELP_HINT);
    }

    static String version() {
        String version = Launcher.class.getPackage().getImplementationVersion();
        return version != null ? version : "(development build)";
    }

    /** The commands of one run and how to reach them. */
    private final class Run implements CommandCatalog {
        final HostSession session;
        final CommandContext context;
        final Map<String, Command> builtins;

        Run(HostSession session, CommandContext context) {
            this.session = session;
            this.context = context;
            Map<String, Command> commands = new TreeMap<>();
            List<Command> all = List.of(new HelpCommand(this), new BundlesCommand(session),
                new ExtractorsCommand(session), new DeferredCommand("analyze",
                    () -> new AnalyzeCommand(new SessionServices(session), session.home(), session.device())),
                new BenchCommand(session.home()));
            for (Command command : all) {
                commands.put(command.name(), command);
            }
            this.builtins = Collections.unmodifiableMap(commands);
        }

        int dispatch(String name, List<String> args) throws Exception {
            Command builtin = builtins.get(name);
            if (builtin instanceof BuiltinCommand) {
                // Starts the framework itself, when it needs it.
                return builtin.run(args, context);
            }
            if (builtin != null) {
                if (!args.contains("--help") && !args.contains("-h")) {
                    // Before the command runs, so that a framework that cannot start is one line and exit code 2.
                    session.host();
                }
                return builtin.run(args, context);
            }
            Command contributed = contributed().get(name);
            if (contributed == null) {
                throw new UsageException("unknown command '" + name + "'" + suggestion(name), HELP_HINT);
            }
            try {
                return contributed.run(args, context);
            } catch (UsageException e) {
                // The Command contract: bad usage is printed here, in the launcher's one style, with exit code 2.
                throw e;
            } catch (Exception | Error e) {
                // The Command contract: any other exception is an internal error of that command; so is an error.
                throw new CommandFailure(name, e);
            }
        }

        @Override
        public Map<String, Command> builtins() {
            return builtins;
        }

        @Override
        public Map<String, Command> contributed() throws HostException {
            Map<String, Command> commands = new TreeMap<>();
            for (Command command : session.host().services(Command.class)) {
                String name = command.name();
                if (name != null && !builtins.containsKey(name)) {
                    // Highest ranking first: the first of a name wins.
                    commands.putIfAbsent(name, command);
                }
            }
            return commands;
        }

        private String suggestion(String name) {
            List<String> names = new ArrayList<>(builtins.keySet());
            try {
                names.addAll(contributed().keySet());
            } catch (HostException e) {
                // Already reported by the caller's lookup.
            }
            String best = null;
            int bestDistance = 3;
            for (String candidate : names) {
                int distance = editDistance(name, candidate);
                if (distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
            return best == null ? "" : " (did you mean '" + best + "'?)";
        }
    }

    /** An exception thrown by a contributed command, reported with the command's name. */
    private static final class CommandFailure extends Exception {
        private static final long serialVersionUID = 1L;

        CommandFailure(String command, Throwable cause) {
            super(command + ": " + cause, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
