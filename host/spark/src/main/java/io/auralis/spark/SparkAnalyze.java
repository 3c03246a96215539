package io.auralis.spark;

import io.auralis.api.command.Command;
import io.auralis.api.output.OutputWriter;
import io.auralis.host.files.FileTrees;
import io.auralis.host.runtime.AuralisHost;
import io.auralis.host.runtime.HostException;
import io.auralis.host.workflow.Workflow;
import io.auralis.host.workflow.WorkflowException;
import io.auralis.host.workflow.WorkflowLibrary;
import io.auralis.host.workflow.WorkflowReader;
import io.auralis.host.workflow.WorkflowValidator;
import io.auralis.spark.executor.EmbeddedHome;
import io.auralis.spark.executor.ExecutorPlan;
import io.auralis.spark.job.AnalysisJob;
import io.auralis.spark.job.JobRequest;
import io.auralis.spark.job.SparkSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The application jar's main class, for clusters that run Spark already:
 *
 * <pre>
 * spark-submit --class io.auralis.spark.SparkAnalyze [spark options] auralis-spark-app.jar \
 *     [--workflow FILE|NAME] --output DIR [--resume] [--device DEVICE] FILE|FOLDER|GLOB...
 * </pre>
 *
 * <p>The same job as {@code auralis analyze --master}: the driver starts an Auralis host from the installation in
 * the jar (or {@code spark.auralis.home}) to validate the workflow before any task runs, lists the inputs, and
 * writes one JSON Lines record per file into a new {@code run-NNNN} folder under the output. Exit codes as for
 * {@code analyze}.
 */
public final class SparkAnalyze {
    private static final String USAGE = "usage: spark-submit --class io.auralis.spark.SparkAnalyze [spark options]"
        + " auralis-spark-app.jar [--workflow FILE|NAME] --output DIR [--resume] [--device auto|cpu|gpu[:N]]"
        + " FILE|FOLDER|GLOB...";

    private SparkAnalyze() {
    }

    /**
     * Runs the job and exits with its exit code.
     *
     * @param args the options and inputs
     */
    public static void main(String[] args) {
        int code = run(args, System.err, Path.of("").toAbsolutePath());
        System.err.flush();
        System.exit(code);
    }

    /**
     * Runs the job.
     *
     * @param args the options and inputs
     * @param err where messages, progress and the summary go
     * @param workingDirectory what relative paths resolve against
     * @return the exit code
     */
    static int run(String[] args, PrintStream err, Path workingDirectory) {
        Arguments parsed;
        try {
            parsed = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("auralis: " + e.getMessage());
            err.println(USAGE);
            return Command.USAGE;
        }
        if (parsed.help) {
            err.println(USAGE);
            return Command.OK;
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path state = null;
        try {
            String configured = System.getProperty(SparkSettings.HOME);
            Path home = configured != null ? Path.of(configured) : EmbeddedHome.extract(tmp);
            if (!EmbeddedHome.isHome(home)) {
                err.println("auralis: " + home + ": not an Auralis installation (no conf/platform.bundles)");
                return Command.USAGE;
            }
            state = Files.createTempDirectory(tmp, "auralis-driver-");
            try (AuralisHost host = AuralisHost.builder().home(home).state(state).device(parsed.device)
                    .messages(line -> err.println("auralis: " + line)).build().start()) {
                Path file = new WorkflowLibrary(home.resolve("workflows")).resolve(parsed.workflow, workingDirectory);
                String source = file.startsWith(home.resolve("workflows")) ? parsed.workflow : file.toString();
                List<String> formats = host.services().writers().stream().map(OutputWriter::format)
                    .collect(Collectors.toList());
                Workflow workflow = new WorkflowValidator(host.services().extractors(), formats)
                    .validate(new WorkflowReader().read(file, source), source);
                ExecutorPlan plan = new ExecutorPlan(configured, parsed.device, Files.readAllBytes(file),
                    workflow.source(), workflow.name());
                JobRequest request = new JobRequest(null, null, plan, workflow.name(), parsed.inputs, parsed.output,
                    parsed.resume, null, Map.of(), host.services(), workingDirectory);
                return new AnalysisJob(err, false).run(request);
            }
        } catch (WorkflowException e) {
            for (String problem : e.problems()) {
                err.println("auralis: " + e.source() + ": " + problem);
            }
            return Command.USAGE;
        } catch (HostException | IOException e) {
            err.println("auralis: " + e.getMessage());
            return Command.USAGE;
        } finally {
            if (state != null) {
                try {
                    FileTrees.delete(state);
                } catch (IOException e) {
                    err.println("auralis: cannot delete " + state + ": " + e.getMessage());
                }
            }
        }
    }

    /** The command line, parsed by hand: the same few options as {@code analyze}, no library to clash with. */
    static final class Arguments {
        String workflow = WorkflowLibrary.DEFAULT;
        String output;
        String device = "auto";
        boolean resume;
        boolean help;
        final List<String> inputs = new ArrayList<>();

        static Arguments parse(String[] args) {
            Arguments a = new Arguments();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--workflow", "-w" -> a.workflow = value(args, ++i, arg);
                    case "--output", "-o" -> a.output = value(args, ++i, arg);
                    case "--device" -> a.device = value(args, ++i, arg);
                    case "--resume" -> a.resume = true;
                    case "--help", "-h" -> a.help = true;
                    case "--" -> {
                        for (i++; i < args.length; i++) {
                            a.inputs.add(args[i]);
                        }
                    }
                    default -> {
                        if (arg.startsWith("-") && arg.length() > 1) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        a.inputs.add(arg);
                    }
                }
            }
            if (!a.help && a.output == null) {
                throw new IllegalArgumentException("--output DIR is required: the folder for each run's part files");
            }
            if (!a.help && a.inputs.isEmpty()) {
                throw new IllegalArgumentException("no input files, folders or globs");
            }
            return a;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
