package io.auralis.host.cli;

import io.auralis.api.command.CommandContext;
import io.auralis.api.command.UsageException;
import io.auralis.host.bench.BenchOptions;
import io.auralis.host.bench.Benchmark;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code auralis bench}: every speed and memory figure of this installation on this machine, each taken from a real
 * run of the installation's own launcher. This process starts no framework: it only spawns, watches and reports
 * ({@link io.auralis.host.bench}).
 */
public final class BenchCommand extends BuiltinCommand {
    private final Path home;

    /**
     * Creates the command.
     *
     * @param home the installation folder, or {@code null} when it is not known
     */
    public BenchCommand(Path home) {
        this.home = home;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "Measure start-up, analyze throughput, peak memory and model speed on this machine";
    }

    @Override
    Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("corpus").hasArg().argName("DIR")
            .desc("folder analysed for throughput (default: the installation's samples)").get());
        o.addOption(Option.builder().longOpt("models").hasArg().argName("LIST")
            .desc("installed models to measure, comma-separated (default: all; with --quick: default)").get());
        o.addOption(Option.builder().longOpt("long")
            .desc("also generate a 1-minute and a 1-hour recording and run emotion-timeline on each").get());
        o.addOption(Option.builder().longOpt("json").desc("print one JSON object instead of tables").get());
        o.addOption(Option.builder().longOpt("quick")
            .desc("short runs for a smoke test: one model, a small ser bench, 10 s and 1 min recordings").get());
        o.addOption(Option.builder().longOpt("reference").hasArg().argName("DIRS")
            .desc("instead: time ser predict, the PyTorch reference (bench/torch_reference.py, Debian's "
                + "python3-torch and python3-torchaudio) and analyze over each folder, alternating").get());
        return o;
    }

    @Override
    List<String> synopsis() {
        return List.of("auralis bench [--corpus DIR] [--models LIST] [--long] [--json] [--quick]",
            "auralis bench --reference DIR[,DIR...] [--models LIST] [--json]");
    }

    @Override
    String description() {
        return String.join("\n",
            "Runs this installation's bin/auralis as child processes, one at a time, in a temporary state",
            "folder, and prints how long each took (wall clock and CPU time) and its peak resident memory:",
            "  - cold start: analyze on one short sample with a fresh state folder (installs the platform,",
            "    unpacks PyTorch); warm start: the same again. Time to the first record and in all.",
            "  - analyze over the corpus for each model, one emotion per whole file: files/s, audio s/s.",
            "  - with --long: a generated speech-like 1-minute and 1-hour recording through the",
            "    emotion-timeline workflow; peak memory should not grow with the length.",
            "  - auralis ser bench: inference real-time factor at batch 1 and the best batch, and training",
            "    throughput, for each architecture (see auralis ser bench --help).",
            "Also prints the machine (processor, cores, memory, Java) and the load average at start and end:",
            "other work on the machine slows every figure, so measure on an idle one.",
            "Peak memory and CPU time are read from /proc and are n/a on other systems than Linux.",
            "JAVA_OPTS is passed to every child (e.g. -Dai.djl.pytorch.num_threads=N).");
    }

    @Override
    String epilogue() {
        return "Takes a few minutes with --long on 2 cores, most of it in the 1-hour recording. Example:\n"
            + "  nice auralis bench --corpus data/tess --long";
    }

    @Override
    int execute(CommandLine line, CommandContext context) throws Exception {
        if (!line.getArgList().isEmpty()) {
            throw usage("unexpected argument '" + line.getArgList().get(0) + "'");
        }
        if (home == null) {
            throw new UsageException("bench: cannot tell where Auralis is installed: pass --home DIR or set "
                + "AURALIS_HOME");
        }
        boolean complete;
        try {
            BenchOptions options = BenchOptions.of(line.getOptionValue("corpus"), line.getOptionValue("models"),
                line.hasOption("long"), line.hasOption("json"), line.hasOption("quick"), context.workingDirectory());
            if (line.hasOption("reference")) {
                options = options.withReference(line.getOptionValue("reference"), context.workingDirectory());
            }
            complete = Benchmark.measure(home, options, context.err(), context.out());
        } catch (IllegalArgumentException e) {
            // a corpus, model or installation that cannot be measured: bad input, found before any figure
            throw new UsageException("bench: " + e.getMessage());
        }
        return complete ? OK : PARTIAL_FAILURE;
    }
}
