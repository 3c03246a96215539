package io.auralis.ser.bench;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.ser.command.CommandLines;
import io.auralis.ser.command.SerServices;
import io.auralis.ser.command.Subcommand;
import io.auralis.ser.command.UsageException;
import io.auralis.ser.model.ModelException;
import java.util.List;

/**
 * {@code auralis ser bench}: inference real-time factor per batch size and training throughput of the CNN-n-GRU
 * networks on this machine. See {@link #usage()}.
 */
public final class SerBenchCommand implements Subcommand {

    /** Creates the subcommand. */
    public SerBenchCommand() {
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure inference and training speed of each architecture on this machine";
    }

    @Override
    public String usage() {
        return CommandLines.usage(List.of(
                "auralis ser bench [--arch LIST | --model DIR|NAME] [--clip-seconds S] [--batches LIST]",
                "                  [--train-batch N] [--train-steps N] [--min-seconds S] [--device D] [--json]"),
            String.join("\n",
                "For each architecture, builds the network with random weights (speed does not depend on them) and",
                "measures, on clips of S seconds at 16 kHz:",
                "  - inference through the same model loader, translator and predictors that analyze uses: audio",
                "    seconds per second (the real-time factor) at each batch size, and which batch is fastest;",
                "  - training: the trainer ser train runs (NLL loss, ResumableAdam on the StepLR schedule, PyTorch's",
                "    initialisers, accuracy and divergence listeners): forward with each clip's valid length, backward",
                "    and an optimiser step, in audio seconds per second, after " + SerBenchOptions.WARMUP_STEPS
                    + " warm-up steps that are not counted.",
                "Also prints the device and PyTorch's thread count (set it with "
                    + "JAVA_OPTS=-Dai.djl.pytorch.num_threads=N).",
                "Each figure comes with audio seconds per CPU second of the process, which a busy machine disturbs "
                    + "less.",
                "Progress goes to standard error, the table (or JSON) to standard output."),
            SerBenchOptions.options(),
            String.join("\n",
                "With the defaults the run takes one to two minutes on 2 cores. Example:",
                "  auralis ser bench --arch cnn3gru,cnn18gru --batches 1,32"));
    }

    @Override
    public int run(List<String> args, CommandContext context, SerServices services) throws Exception {
        SerBenchOptions options = SerBenchOptions.parse(args);
        SerBenchResult result;
        try {
            result = new SerBenchmark(services.models(), context.workingDirectory(), context.err()).run(options);
        } catch (ModelException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        context.out().print(options.json() ? SerBenchReport.json(result) + System.lineSeparator()
            : SerBenchReport.table(result));
        context.out().flush();
        return Command.OK;
    }
}
