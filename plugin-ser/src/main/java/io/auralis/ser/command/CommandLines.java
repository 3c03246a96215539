package io.auralis.ser.command;

import io.auralis.api.command.CommandHelp;
import io.auralis.api.command.UsageException;
import io.auralis.ser.data.LabelMap;
import io.auralis.ser.extractor.SerExtractor;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * Commons CLI for the {@code ser} subcommands, as the host's own commands use it: each subcommand declares its
 * long options, and this class parses them into one-line {@link UsageException}s, reads typed values with the
 * messages the subcommands have always given, and lays out {@code --help} with the API's {@link CommandHelp}, as
 * every command of the platform does.
 */
public final class CommandLines {
    /** The option every subcommand takes; {@link SerCommand} answers it before the subcommand runs. */
    static final Option HELP = Option.builder("h").longOpt("help").desc("show this help").get();

    private CommandLines() {
    }

    /**
     * An option that takes a value, given as {@code --name VALUE} or {@code --name=VALUE}.
     *
     * @param name the long name, without {@code --}
     * @param argName what the value is, such as {@code DIR}, shown in the usage
     * @param description one sentence for the usage
     * @return the option
     */
    public static Option valued(String name, String argName, String description) {
        return Option.builder().longOpt(name).hasArg().argName(argName).desc(description).get();
    }

    /**
     * An option that takes no value.
     *
     * @param name the long name, without {@code --}
     * @param description one sentence for the usage
     * @return the option
     */
    public static Option flag(String name, String description) {
        return Option.builder().longOpt(name).desc(description).get();
    }

    /**
     * {@code --model}, as the subcommands that run an installed or given model take it.
     *
     * @return the option
     */
    static Option model() {
        return valued("model", "DIR|NAME", "a model directory, or the name of one in the models folder (default: "
            + SerExtractor.DEFAULT_MODEL + ")");
    }

    /**
     * {@code --device}, as the subcommands that run a network take it.
     *
     * @return the option
     */
    static Option device() {
        return valued("device", "D", "auto, cpu, gpu or gpu:N (default: the platform's --device, else auto)");
    }

    /** {@code --map}: label renames on top of {@link LabelMap#DEFAULT}, shared by train and evaluate. */
    static Option labelMap() {
        return valued("map", "a=b,...", "rename corpus labels before classes are chosen, on top of the default "
            + LabelMap.DEFAULT + " (TurEV-DB's calm); e.g. boredom=neutral (EmoDB), arousal_neutral=neutral "
            + "(BAVED); calm=calm undoes the default");
    }

    /**
     * The label map {@code --map} asks for, the default included.
     *
     * @param a the parsed command line
     * @return the map
     * @throws UsageException for a malformed map
     */
    static LabelMap labelMap(CommandLine a) throws UsageException {
        try {
            return LabelMap.withDefaults(a.getOptionValue("map"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Parses the words after a subcommand. {@code --} ends the options; long names must be given in full.
     *
     * @param options the subcommand's options ({@code --help} is added)
     * @param args the words
     * @return the parsed command line
     * @throws UsageException one line for an unknown option, a missing value, or a value given twice
     */
    public static CommandLine parse(Options options, List<String> args) throws UsageException {
        Options all = withHelp(options);
        CommandLine line;
        try {
            // No partial matching: --mod must not silently mean --model.
            line = DefaultParser.builder().setAllowPartialMatching(false).get()
                .parse(all, args.toArray(String[]::new));
        } catch (UnrecognizedOptionException e) {
            String token = e.getOption();
            int eq = token.indexOf('=');
            String name = eq < 0 ? token : token.substring(0, eq);
            Option known = all.getOption(name);
            throw new UsageException(known != null && eq >= 0 && !known.hasArg()
                ? "--" + known.getLongOpt() + " takes no value" : "unknown option " + name);
        } catch (MissingArgumentException e) {
            throw new UsageException("--" + e.getOption().getLongOpt() + " needs a value");
        } catch (ParseException e) {
            throw new UsageException(e.getMessage());
        }
        // Commons CLI collects repeated values; a second --out is far more likely a mistake than a wish.
        Map<String, Integer> seen = new HashMap<>();
        for (Option o : line.getOptions()) {
            if (o.hasArg() && seen.merge(o.getLongOpt(), 1, Integer::sum) > 1) {
                throw new UsageException("--" + o.getLongOpt() + " given twice");
            }
        }
        return line;
    }

    /**
     * A required option.
     *
     * @param line the parsed command line
     * @param name the option, without {@code --}
     * @return its value
     * @throws UsageException if absent or empty
     */
    public static String require(CommandLine line, String name) throws UsageException {
        String v = line.getOptionValue(name);
        if (v == null || v.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return v;
    }

    /**
     * An integer option.
     *
     * @param line the parsed command line
     * @param name the option
     * @param fallback the value when absent
     * @param min the smallest allowed value
     * @return the value
     * @throws UsageException if it is not an integer of at least {@code min}
     */
    public static int integer(CommandLine line, String name, int fallback, int min) throws UsageException {
        String v = line.getOptionValue(name);
        if (v == null) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer, got '" + v + "'");
        }
        if (n < min) {
            throw new UsageException("--" + name + " must be at least " + min + ", got " + v);
        }
        return n;
    }

    /**
     * A positive number option, such as seconds; a trailing {@code s} is allowed ({@code 2.5s}).
     *
     * @param line the parsed command line
     * @param name the option
     * @return the value, or {@code null} when absent
     * @throws UsageException if it is not a positive finite number
     */
    public static Double positive(CommandLine line, String name) throws UsageException {
        String v = line.getOptionValue(name);
        if (v == null) {
            return null;
        }
        double d;
        try {
            d = Double.parseDouble(v.trim().toLowerCase(Locale.ROOT).replaceAll("s$", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + v + "'");
        }
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new UsageException("--" + name + " must be a positive number, got " + v);
        }
        return d;
    }

    /**
     * The unexpected first positional argument of a subcommand that takes only options.
     *
     * @param line the parsed command line
     * @param hint text after the message, such as {@code " (ser bench takes only options)"}, or empty
     * @throws UsageException if there are positional arguments
     */
    public static void noArguments(CommandLine line, String hint) throws UsageException {
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("unexpected argument '" + line.getArgList().get(0) + "'" + hint);
        }
    }

    /**
     * The {@code --help} text: the synopsis, a description, every option with its description in the order they
     * were declared (then {@code --help}), and a footer, in the platform's help layout ({@link CommandHelp}).
     *
     * @param synopsis the usage lines after {@code Usage: }, such as {@code auralis ser predict [options] FILE...}
     * @param description what the subcommand does, lines broken by hand; may be empty
     * @param options the subcommand's options
     * @param footer text after the options, such as exit codes; may be empty
     * @return the text, without a trailing line break
     */
    public static String usage(List<String> synopsis, String description, Options options, String footer) {
        CommandHelp help = new CommandHelp(synopsis.get(0), synopsis.subList(1, synopsis.size())
            .toArray(String[]::new)).paragraph(description).section("Options:");
        for (Option o : withHelp(options).getOptions()) {
            help.option(o.getOpt(), o.getLongOpt(), o.hasArg() ? o.getArgName() : null, o.getDescription());
        }
        return help.paragraph(footer).text().stripTrailing();
    }

    private static Options withHelp(Options options) {
        Options all = new Options();
        options.getOptions().forEach(all::addOption);
        all.addOption(HELP);
        return all;
    }
}
