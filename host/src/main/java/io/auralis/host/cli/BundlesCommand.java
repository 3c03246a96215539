package io.auralis.host.cli;

import io.auralis.api.command.CommandContext;
import io.auralis.api.command.TextTable;
import io.auralis.api.command.UsageException;
import io.auralis.host.runtime.AuralisHost;
import io.auralis.host.runtime.BundleManager;
import io.auralis.host.runtime.HostException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.osgi.framework.Bundle;

/**
 * {@code auralis bundles list|install|uninstall|start|stop}: the framework's bundles. Changes persist in the
 * state folder's bundle cache. Several jars or bundles may be given at once; each failure is one line, and the exit
 * code is 1 when some succeeded and 2 when none did.
 */
final class BundlesCommand extends BuiltinCommand {
    private static final Option NO_START = Option.builder().longOpt("no-start")
        .desc("install: leave the bundles installed but not started").get();
    private static final Option FORCE = Option.builder().longOpt("force")
        .desc("uninstall: also uninstall platform bundles (they come back at the next start)").get();

    private final HostSession session;

    BundlesCommand(HostSession session) {
        this.session = session;
    }

    @Override
    public String name() {
        return "bundles";
    }

    @Override
    public String summary() {
        return "List, install, start, stop and uninstall bundles";
    }

    @Override
    Options options() {
        return new Options().addOption(NO_START).addOption(FORCE);
    }

    @Override
    List<String> synopsis() {
        return List.of(
            "auralis bundles [list]",
            "auralis bundles install [--no-start] <jar|url>...",
            "auralis bundles uninstall [--force] <id|symbolic-name>...",
            "auralis bundles start <id|symbolic-name>...",
            "auralis bundles stop <id|symbolic-name>...");
    }

    @Override
    String description() {
        return """
            Manages the bundles of the framework. Bundles you install persist in the state folder and start with
            every run; the platform's own bundles come from the installation (conf/platform.bundles) and are kept
            up to date by it. Jars copied into <state>/bundles/ are installed at the next start.
            """;
    }

    @Override
    String epilogue() {
        return """
            Examples:
              auralis bundles install my-plugin.jar
              auralis bundles stop my.plugin
              auralis bundles uninstall 12""";
    }

    @Override
    int execute(CommandLine line, CommandContext context) throws Exception {
        List<String> args = new ArrayList<>(line.getArgList());
        String action = args.isEmpty() ? "list" : args.remove(0);
        if (line.hasOption(NO_START) && !action.equals("install")) {
            throw usage("--no-start applies to 'install' only");
        }
        if (line.hasOption(FORCE) && !action.equals("uninstall")) {
            throw usage("--force applies to 'uninstall' only");
        }
        session.manageBundles(!action.equals("list"));
        switch (action) {
            case "list" -> {
                if (!args.isEmpty()) {
                    throw usage("list takes no arguments");
                }
                return list(context);
            }
            case "install" -> {
                return install(require(args, "install", "a jar file or URL"), !line.hasOption(NO_START), context);
            }
            case "uninstall" -> {
                boolean force = line.hasOption(FORCE);
                return each(require(args, "uninstall", "a bundle id or symbolic name"), context, (manager, bundle) -> {
                    manager.uninstall(bundle, force);
                    return "Uninstalled " + BundleManager.describe(bundle)
                        + (manager.isPlatform(bundle) ? " (it is installed again at the next start)" : "");
                });
            }
            case "start" -> {
                session.host().startPlugins();
                return each(require(args, "start", "a bundle id or symbolic name"), context, (manager, bundle) -> {
                    manager.start(bundle);
                    return "Started " + BundleManager.describe(bundle);
                });
            }
            case "stop" -> {
                return each(require(args, "stop", "a bundle id or symbolic name"), context, (manager, bundle) -> {
                    manager.stop(bundle);
                    return "Stopped " + BundleManager.describe(bundle);
                });
            }
            default -> throw usage("unknown action '" + action + "': use list, install, uninstall, start or stop");
        }
    }

    private List<String> require(List<String> args, String action, String what) throws UsageException {
        if (args.isEmpty()) {
            throw usage(action + " needs " + what);
        }
        return args;
    }

    private int list(CommandContext context) throws HostException {
        AuralisHost host = session.host();
        // So that the list shows which plugins start (a plugin that hangs shows as STARTING).
        host.startPlugins();
        BundleManager manager = host.bundles();
        TextTable table = new TextTable(5, "ID", "STATE", "SYMBOLIC NAME", "VERSION", "LOCATION");
        for (Bundle bundle : manager.list()) {
            table.add(bundle.getBundleId(), BundleManager.state(bundle), bundle.getSymbolicName(),
                bundle.getVersion(), bundle.getLocation());
        }
        table.print(context.out(), 0);
        return OK;
    }

    private int install(List<String> jars, boolean start, CommandContext context) throws HostException {
        AuralisHost host = session.host();
        BundleManager manager = host.bundles();
        List<BundleManager.Installed> installed = new ArrayList<>();
        int failures = 0;
        int notStarted = 0;
        for (String jar : jars) {
            try {
                BundleManager.Installed result = manager.install(jar, context.workingDirectory());
                installed.add(result);
                Bundle bundle = result.bundle();
                context.out().println(result.updated()
                    ? "Updated " + bundle.getSymbolicName() + " " + result.previousVersion() + " -> "
                        + bundle.getVersion() + " [" + bundle.getBundleId() + "]"
                    : "Installed " + BundleManager.describe(bundle));
            } catch (HostException e) {
                context.err().println("auralis: " + e.getMessage());
                failures++;
            }
        }
        // Started after all are installed, so that bundles given together may depend on each other.
        if (start) {
            host.startPlugins();
            for (BundleManager.Installed result : installed) {
                Bundle bundle = result.bundle();
                if (isFragment(bundle)) {
                    continue;
                }
                try {
                    manager.start(bundle);
                } catch (HostException e) {
                    context.err().println("auralis: " + e.getMessage() + " (it stays installed)");
                    notStarted++;
                }
            }
        }
        // Installed but not started is part of the work done: exit code 1, not 2.
        return failures == 0 && notStarted > 0 ? PARTIAL_FAILURE : exitCode(failures, jars.size());
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get("Fragment-Host") != null;
    }

    /** One action on a bundle. */
    private interface BundleAction {
        String apply(BundleManager manager, Bundle bundle) throws HostException;
    }

    private int each(List<String> names, CommandContext context, BundleAction action) throws HostException {
        BundleManager manager = session.host().bundles();
        int failures = 0;
        for (String name : names) {
            try {
                context.out().println(action.apply(manager, manager.find(name)));
            } catch (HostException e) {
                context.err().println("auralis: " + e.getMessage());
                failures++;
            }
        }
        return exitCode(failures, names.size());
    }

    private static int exitCode(int failures, int total) {
        if (failures == 0) {
            return OK;
        }
        return failures >= total ? USAGE : PARTIAL_FAILURE;
    }
}
