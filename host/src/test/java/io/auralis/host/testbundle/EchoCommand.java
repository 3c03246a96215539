package io.auralis.host.testbundle;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.command.CommandHelp;
import io.auralis.api.command.UsageException;
import java.util.List;

/**
 * A command that a test bundle contributes: prints its arguments, fails, throws a usage error, overflows its stack,
 * runs out of memory or exits as told.
 */
public class EchoCommand implements Command {

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String summary() {
        return "Print the arguments (contributed by a test bundle)";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws UsageException {
        if (args.contains("--help")) {
            // The words before --help show which subcommand 'auralis help echo WORD' asked about.
            List<String> words = args.subList(0, args.indexOf("--help"));
            new CommandHelp("auralis echo " + (words.isEmpty() ? "" : String.join(" ", words) + " ")
                + "[--fail] [--usage-error] [--exit CODE] [word...]")
                .paragraph("Prints the arguments.")
                .option("h", "help", null, "show this help")
                .print(context.out());
            return OK;
        }
        if (args.contains("--usage-error")) {
            throw new UsageException("echo: asked for a usage error", "Run 'auralis echo --help' for its usage.");
        }
        if (args.contains("--fail")) {
            throw new IllegalStateException("echo was asked to fail");
        }
        if (args.contains("--overflow")) {
            return recurse(0);
        }
        if (args.contains("--out-of-memory")) {
            // More than any heap can give, at once: a real OutOfMemoryError without filling the test's heap.
            long[] huge = new long[Integer.MAX_VALUE];
            return huge.length;
        }
        int exit = args.indexOf("--exit");
        if (exit >= 0) {
            return Integer.parseInt(args.get(exit + 1));
        }
        context.out().println(String.join(" ", args));
        return OK;
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
