package io.auralis.ser.command;

import io.auralis.api.command.CommandContext;
import io.auralis.api.command.UsageException;
import java.util.List;

/**
 * One subcommand of {@code auralis ser}. Implementations are listed in {@link Subcommands}; they get the
 * services they need from {@link SerServices}.
 */
public interface Subcommand {

    /**
     * The word after {@code ser} that selects this subcommand.
     *
     * @return a lower-case word, such as {@code predict}
     */
    String name();

    /**
     * One line for {@code auralis ser --help}.
     *
     * @return a short summary
     */
    String summary();

    /**
     * The full usage text printed for {@code --help}.
     *
     * @return several lines
     */
    String usage();

    /**
     * Runs the subcommand.
     *
     * @param args the words after the subcommand's name ({@code --help} is handled before)
     * @param context output streams and working directory
     * @param services the platform services
     * @return an exit code of {@link io.auralis.api.command.Command}
     * @throws UsageException for bad flags or input; printed as one line with exit code 2
     * @throws Exception for anything unexpected
     */
    int run(List<String> args, CommandContext context, SerServices services) throws Exception;
}
