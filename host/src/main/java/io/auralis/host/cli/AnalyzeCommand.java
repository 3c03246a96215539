package io.auralis.host.cli;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.command.UsageException;
import io.auralis.api.output.OutputWriter;
import io.auralis.host.batch.BatchRunner;
import io.auralis.host.batch.OutputClaim;
import io.auralis.host.engine.AnalysisServices;
import io.auralis.host.workflow.GeneratedWorkflows;
import io.auralis.host.workflow.SummaryScope;
import io.auralis.host.workflow.WorkflowException;
import io.auralis.host.workflow.WorkflowLibrary;
import io.auralis.host.workflow.WorkflowValidator;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.commons.cli.ParseException;

/**
 * {@code auralis analyze}: runs a workflow over files and folders and writes one record per file.
 *
 * <pre>
 * auralis analyze [--workflow FILE|NAME | --extractor ID,...] [--output FILE] [--format jsonl|csv|csv-wide|html]
 *                 [--summary file|segments] [--workers N] [--resume | --force]
 *                 [--file-timeout SECONDS] [--master URL [--executor-memory SIZE]] [--list-workflows] FILE|FOLDER...
 * auralis analyze --workflow-template [--extractor ID,...]
 * </pre>
 *
 * <p>Everything that can be checked before analysing is checked first, and a problem there is one line on
 * standard error and exit code 2 with nothing run and no output touched: flags ({@link AnalyzeOptions}), inputs
 * that do not exist, the workflow (every problem listed; found, read and validated once: {@link ChosenWorkflow}),
 * the output and its format ({@link PlannedOutput}). Then the batch runs here ({@link LocalAnalysis}, see
 * {@link BatchRunner}) or on a cluster ({@link DistributedAnalysis}); the exit code is 0 when every file was
 * analysed, 1 when some failed, and 130 (128 + SIGINT, as shells report a program stopped by Ctrl-C) when the run
 * was interrupted: the shutdown hook ({@link io.auralis.host.batch.Interruption}) finishes the outputs and the JVM
 * keeps the signal's status.
 *
 * <p>Outputs: {@code --output} (format from {@code --format} or the file's extension), else the workflow's
 * {@code writers} (paths inside the working directory only), else JSON Lines on standard output. Each output file
 * is claimed first ({@link OutputClaim}): locked against other runs, refused when it is not empty unless
 * {@code --force} (replace it) or {@code --resume} (continue it), and described in a provenance sidecar. Records
 * are appended and flushed one by one, so a crash loses only the files in flight. With {@code --resume}, every
 * output is checked before any is changed (same workflow digest, its records readable; {@link ClaimedOutputs});
 * then each writer repairs a record torn by a crash, and only the files missing from some output (by real path,
 * however they are named) are analysed, and appended.
 */
public final class AnalyzeCommand implements Command {
    private final AnalysisServices services;
    private final Path home;
    private final String device;
    private final Supplier<InputStream> stdin;

    /**
     * Creates the command for the {@code auto} device.
     *
     * @param services the extractors, decoder and writers, looked up when the command runs
     * @param home the installation folder, whose {@code workflows/} holds the workflows known by name
     */
    public AnalyzeCommand(AnalysisServices services, Path home) {
        this(services, home, "auto");
    }

    /**
     * Creates the command.
     *
     * @param services the extractors, decoder and writers, looked up when the command runs
     * @param home the installation folder, whose {@code workflows/} holds the workflows known by name
     * @param device the compute device for models ({@code --device}): the services were started with it, and a
     *     distributed run hands it to its executors
     */
    public AnalyzeCommand(AnalysisServices services, Path home, String device) {
        this(services, home, device, () -> System.in);
    }

    /**
     * Creates the command with its standard input, for tests that feed {@code analyze -} through a pipe.
     *
     * @param services the extractors, decoder and writers, looked up when the command runs
     * @param home the installation folder
     * @param device the compute device for models
     * @param stdin what {@code -} reads
     */
    AnalyzeCommand(AnalysisServices services, Path home, String device, Supplier<InputStream> stdin) {
        this.services = services;
        this.home = home;
        this.device = device;
        this.stdin = stdin;
    }

    @Override
    public String name() {
        return "analyze";
    }

    @Override
    public String summary() {
        return "Run a workflow over audio files and folders; one record per file (JSON Lines or CSV)";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws UsageException {
        PrintStream err = context.err();
        if (args.contains("--help") || args.contains("-h")) {
            AnalyzeHelp.print(AnalyzeOptions.options(), writerFormats(), context.out());
            return OK;
        }
        AnalyzeOptions.Parsed line;
        try {
            line = AnalyzeOptions.parse(args);
        } catch (ParseException e) {
            throw BuiltinCommand.usage(name(), e.getMessage());
        }
        WorkflowLibrary library = new WorkflowLibrary(home.resolve("workflows"));
        try {
            if (line.listWorkflows()) {
                return WorkflowListing.print(library, context);
            }
            List<String> oneShot = line.extractors();
            if (line.workflowTemplate()) {
                context.out().writeBytes(GeneratedWorkflows.json(GeneratedWorkflows.template(oneShot,
                    services.extractors())));
                context.out().flush();
                return OK;
            }
            AnalyzeOptions options = line.checked();
            Map<String, OutputWriter> writers = new TreeMap<>();
            for (OutputWriter w : services.writers()) {
                writers.putIfAbsent(w.format(), w);
            }
            WorkflowValidator validator = new WorkflowValidator(services.extractors(), writers.keySet(),
                ExamplePlugins.providers(home));
            if (!LiveAnalysis.wanted(options) && options.raw().stream().anyMatch(java.util.Objects::nonNull)) {
                throw new UsageException("analyze: --raw-rate, --raw-channels and --raw-encoding describe standard "
                    + "input: give - as the input");
            }
            if (LiveAnalysis.wanted(options)) {
                ChosenWorkflow live = ChosenWorkflow.resolve(library, options.workflow(), context.workingDirectory(),
                    validator, d -> LiveAnalysis.promptly(d, services.extractors()));
                return LiveAnalysis.run(options, live.workflow(), writers, services, stdin.get(), context);
            }
            ChosenWorkflow workflow = summarised(oneShot != null
                ? ChosenWorkflow.oneShot(oneShot, services.extractors(), validator)
                : ChosenWorkflow.resolve(library, options.workflow(), context.workingDirectory(), validator),
                options.summary());
            if (options.master() != null) {
                return DistributedAnalysis.run(options, workflow, device, home, services, context);
            }
            return LocalAnalysis.run(options, workflow.workflow(), writers, services, context);
        } catch (WorkflowException e) {
            // every problem of the workflow, one line each, as validation reports them (not one usage line)
            for (String problem : e.problems()) {
                err.println("auralis: " + e.source() + ": " + problem);
            }
            return USAGE;
        }
    }

    /** The workflow with the summaries {@code --summary} asks for, or as it is without the flag. */
    private static ChosenWorkflow summarised(ChosenWorkflow chosen, SummaryScope scope) throws UsageException {
        if (scope == null) {
            return chosen;
        }
        try {
            return new ChosenWorkflow(chosen.workflow().summarised(scope), chosen.json());
        } catch (IllegalArgumentException e) {
            throw new UsageException("analyze: --summary " + scope.option() + ": " + chosen.workflow().source() + ": "
                + e.getMessage() + "; add one to its outputs, or use --summary file");
        }
    }

    /** The installed writers' formats for the help, or {@code null} when there is no framework to ask. */
    private List<String> writerFormats() {
        try {
            return services.writers().stream().map(OutputWriter::format).distinct().toList();
        } catch (IllegalStateException e) {
            // No installation (SessionServices could not start the framework): help is still printed, without them.
            return null;
        }
    }

    /**
     * The decoder service, for a run in this JVM, file by file or live.
     *
     * @param services where it comes from
     * @param err where to say why there is none
     * @return the decoder, or {@code null} when none is registered (the audio bundle is missing or stopped), after
     *     one line on {@code err}: the caller exits with {@link Command#INTERNAL_ERROR}
     */
    static AudioDecoder decoderOrSay(AnalysisServices services, PrintStream err) {
        try {
            return services.decoder();
        } catch (IllegalStateException e) {
            err.println("auralis: analyze: " + e.getMessage());
            return null;
        }
    }
}
