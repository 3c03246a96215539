package io.auralis.ser.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words after a subcommand, split into options ({@code --name value} or {@code --name=value}), flags
 * ({@code --name}) and positional arguments. {@code --} ends the options.
 */
public final class Arguments {
    private final Map<String, String> options;
    private final Set<String> flags;
    private final List<String> positional;

    private Arguments(Map<String, String> options, Set<String> flags, List<String> positional) {
        this.options = options;
        this.flags = flags;
        this.positional = positional;
    }

    /**
     * Parses arguments.
     *
     * @param args the words
     * @param valued options that take a value, without {@code --}
     * @param switches options that take none, without {@code --}
     * @return the parsed arguments
     * @throws UsageException for an unknown option, a missing value, or an option given twice
     */
    public static Arguments parse(List<String> args, Set<String> valued, Set<String> switches)
        throws UsageException {
        Map<String, String> options = new LinkedHashMap<>();
        Set<String> flags = new java.util.LinkedHashSet<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!a.startsWith("--") || a.length() == 2) {
                positional.add(a);
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (switches.contains(name) && value == null) {
                flags.add(name);
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (options.put(name, value) != null) {
                    throw new UsageException("--" + name + " given twice");
                }
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return new Arguments(options, Collections.unmodifiableSet(flags), Collections.unmodifiableList(positional));
    }

    /**
     * An option's value.
     *
     * @param name the option, without {@code --}
     * @return its value, or {@code null} when absent
     */
    public String get(String name) {
        return options.get(name);
    }

    /**
     * An option's value or a default.
     *
     * @param name the option
     * @param fallback the value when absent
     * @return the value
     */
    public String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /**
     * A required option.
     *
     * @param name the option
     * @return its value
     * @throws UsageException if absent or empty
     */
    public String require(String name) throws UsageException {
        String v = options.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return v;
    }

    /**
     * An integer option.
     *
     * @param name the option
     * @param fallback the value when absent
     * @param min the smallest allowed value
     * @return the value
     * @throws UsageException if it is not an integer of at least {@code min}
     */
    public int integer(String name, int fallback, int min) throws UsageException {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min) {
                throw new UsageException("--" + name + " must be at least " + min + ", got " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer, got '" + v + "'");
        }
    }

    /**
     * A positive number option, such as seconds.
     *
     * @param name the option
     * @return the value, or {@code null} when absent
     * @throws UsageException if it is not a positive finite number
     */
    public Double positive(String name) throws UsageException {
        String v = options.get(name);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.trim().toLowerCase(Locale.ROOT).replaceAll("s$", ""));
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new UsageException("--" + name + " must be a positive number, got " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + v + "'");
        }
    }

    /**
     * Whether a flag was given.
     *
     * @param name the flag, without {@code --}
     * @return {@code true} if present
     */
    public boolean flag(String name) {
        return flags.contains(name);
    }

    /**
     * The positional arguments.
     *
     * @return them, in order
     */
    public List<String> positional() {
        return positional;
    }
}
