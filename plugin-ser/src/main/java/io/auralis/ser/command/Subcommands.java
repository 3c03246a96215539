package io.auralis.ser.command;

import java.util.List;

/**
 * The subcommands of {@code auralis ser}, in the order {@code --help} lists them. Add a subcommand by adding an
 * instance here.
 */
final class Subcommands {
    static final List<Subcommand> ALL = List.of(
        new PredictCommand(),
        new ImportCommand(),
        new TrainCommand(),
        new EvaluateCommand(),
        new SearchCommand(),
        new SerBenchCommand());

    private Subcommands() {
    }
}
