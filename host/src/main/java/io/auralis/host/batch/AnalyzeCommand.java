package io.auralis.host.batch;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.output.OutputWriter;
import io.auralis.host.engine.AnalysisServices;
import io.auralis.host.engine.FileAnalyzer;
import io.auralis.host.workflow.Workflow;
import io.auralis.host.workflow.WorkflowDefinition;
import io.auralis.host.workflow.WorkflowException;
import io.auralis.host.workflow.WorkflowLibrary;
import io.auralis.host.workflow.WorkflowReader;
import io.auralis.host.workflow.WorkflowValidator;
import io.auralis.host.workflow.WriterDefinition;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code auralis analyze}: runs a workflow over files and folders and writes one record per file.
 *
 * <pre>
 * auralis analyze [--workflow FILE|NAME] [--output FILE] [--format jsonl|csv] [--workers N] [--resume | --force]
 *                 [--file-timeout SECONDS] [--master URL [--executor-memory SIZE]] [--list-workflows] FILE|FOLDER...
 * </pre>
 *
 * <p>Everything that can be checked before analysing is checked first, and a problem there is one line on
 * standard error and exit code 2 with nothing run and no output touched: flags, inputs that do not exist, the
 * workflow (every problem listed), the output and its format. Then the batch runs (see {@link BatchRunner}); the
 * exit code is 0 when every file was analysed, 1 when some failed, and 130 (128 + SIGINT, as shells report a
 * program stopped by Ctrl-C) when the run was interrupted: the shutdown hook ({@link Interruption}) finishes the
 * outputs and the JVM keeps the signal's status.
 *
 * <p>Outputs: {@code --output} (format from {@code --format} or the file's extension), else the workflow's
 * {@code writers} (paths inside the working directory only), else JSON Lines on standard output. Each output file
 * is claimed first ({@link OutputClaim}): locked against other runs, refused when it is not empty unless
 * {@code --force} (replace it) or {@code --resume} (continue it), and described in a provenance sidecar. Records
 * are appended and flushed one by one, so a crash loses only the files in flight. With {@code --resume}, every
 * output is checked before any is changed (same workflow digest, its records readable); then each writer repairs
 * a record torn by a crash, and only the files missing from some output (by real path, however they are named)
 * are analysed, and appended.
 */
public final class AnalyzeCommand implements Command {
    private static final String STDOUT = "-";
    private static final int MAX_WORKERS = 1024;
    private static final int HELP_WIDTH = 100;

    private final AnalysisServices services;
    private final Path home;
    private final WorkflowReader reader = new WorkflowReader();

    /** An output decided from the flags and the workflow; {@code writer} is {@code null} for standard output. */
    private record Planned(String name, OutputWriter writer, Path target) {
    }

    /**
     * Creates the command.
     *
     * @param services the extractors, decoder and writers, looked up when the command runs
     * @param home the installation folder, whose {@code workflows/} holds the workflows known by name
     */
    public AnalyzeCommand(AnalysisServices services, Path home) {
        this.services = services;
        this.home = home;
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
    public int run(List<String> args, CommandContext context) {
        PrintStream err = context.err();
        Options options = options();
        if (args.contains("--help") || args.contains("-h")) {
            help(options, context.out());
            return OK;
        }
        CommandLine line;
        try {
            line = DefaultParser.builder().build().parse(options, args.toArray(new String[0]));
        } catch (ParseException e) {
            err.println("auralis: analyze: " + e.getMessage() + " (see auralis analyze --help)");
            return USAGE;
        }
        try {
            if (line.hasOption("list-workflows")) {
                return listWorkflows(context);
            }
            return analyze(line, context);
        } catch (UsageException e) {
            err.println("auralis: " + e.getMessage());
            return USAGE;
        } catch (WorkflowException e) {
            for (String problem : e.problems()) {
                err.println("auralis: " + e.source() + ": " + problem);
            }
            return USAGE;
        }
    }

    private int analyze(CommandLine line, CommandContext context) throws UsageException, WorkflowException {
        PrintStream err = context.err();
        Path cwd = context.workingDirectory();
        int workers = workers(line);
        boolean resume = line.hasOption("resume");
        boolean force = line.hasOption("force");
        if (resume && force) {
            throw new UsageException("analyze: --resume keeps an output and --force replaces it: choose one");
        }
        FileTimeout timeout = line.hasOption("file-timeout") ? FileTimeout.parse(line.getOptionValue("file-timeout"))
            : FileTimeout.byDuration();
        if (line.getArgList().isEmpty()) {
            throw new UsageException("analyze: no input files or folders (see auralis analyze --help)");
        }

        Map<String, OutputWriter> writers = new TreeMap<>();
        for (OutputWriter w : services.writers()) {
            writers.putIfAbsent(w.format(), w);
        }
        Workflow workflow = workflow(line, cwd, writers.keySet());
        if (line.hasOption("master")) {
            return distributed(line, workflow, context);
        }
        if (line.hasOption("executor-memory")) {
            throw new UsageException("analyze: --executor-memory is for runs with --master");
        }
        List<Planned> planned = plan(line, workflow, writers, cwd);
        if (resume && planned.stream().anyMatch(p -> p.writer() == null)) {
            throw new UsageException("analyze: --resume needs an output file (--output FILE, or writers in the "
                + "workflow): standard output cannot be resumed");
        }
        List<InputFile> inputs = InputFiles.collect(line.getArgList(), cwd, w -> err.println("auralis: " + w));
        if (inputs.isEmpty()) {
            throw new UsageException("analyze: no audio files in " + String.join(", ", line.getArgList())
                + " (looked for " + String.join(", ", InputFiles.AUDIO_EXTENSIONS.stream().sorted().toList()) + ")");
        }
        AudioDecoder decoder;
        try {
            decoder = services.decoder();
        } catch (IllegalStateException e) {
            err.println("auralis: analyze: " + e.getMessage());
            return INTERNAL_ERROR;
        }

        RecordOutputs outputs = open(planned, workflow, resume, force, inputs, context);
        List<InputFile> todo = new ArrayList<>();
        for (InputFile f : inputs) {
            if (outputs.needs(f.name())) {
                todo.add(f);
            }
        }
        int skipped = inputs.size() - todo.size();
        if (skipped > 0) {
            err.println("auralis: resuming: " + skipped + " of " + inputs.size() + " files are already in "
                + String.join(", ", outputs.names()));
        }
        if (todo.isEmpty()) {
            closeQuietly(outputs, err);
            err.println("auralis: nothing left to analyse");
            return OK;
        }
        int busy = Math.min(workers, todo.size());
        err.println("auralis: analysing " + todo.size() + (todo.size() == 1 ? " file" : " files") + " with workflow '"
            + workflow.name() + "' on " + busy + (busy == 1 ? " worker" : " workers") + " into "
            + String.join(", ", outputs.names()));

        BatchProgress progress = context.interactive() ? new ProgressBarDisplay(err)
            : new ProgressLines(err, System::nanoTime, ProgressLines.DEFAULT_INTERVAL_NANOS);
        BatchRunner runner = new BatchRunner(new FileAnalyzer(workflow, decoder), workers, timeout);
        boolean resumable = planned.stream().allMatch(p -> p.writer() != null);
        Thread hook = new Thread(new Interruption(runner, outputs, progress, err, resumable), "auralis-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        BatchResult result;
        try {
            result = runner.run(todo, outputs, progress);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down: the hook is running and finishes the outputs.
            }
        }
        String closing = null;
        try {
            outputs.close();
        } catch (IOException e) {
            closing = e.getMessage();
        }
        progress.close();
        if (result.writeError() != null) {
            err.println("auralis: " + result.writeError() + "; stopped after " + result.files() + " files");
        }
        if (closing != null) {
            err.println("auralis: " + closing);
        }
        err.println("auralis: " + result.summary() + (skipped > 0 ? "; " + skipped + " were already done" : ""));
        return closing != null ? PARTIAL_FAILURE : result.exitCode();
    }

    /**
     * {@code --master}: the workflow, validated here, runs as a distributed job with this command as its driver,
     * through the {@link DistributedRunner} on the class path that accepts the master (the Spark module's, which
     * {@code bin/auralis} puts on the class path when {@code --master} is given).
     */
    private int distributed(CommandLine line, Workflow workflow, CommandContext context)
            throws UsageException, WorkflowException {
        String master = line.getOptionValue("master");
        if (line.hasOption("workers")) {
            throw new UsageException("analyze: --workers is for local runs; with --master the executors' cores set "
                + "how many files are analysed at once");
        }
        for (String local : List.of("force", "file-timeout")) {
            if (line.hasOption(local)) {
                // Not silently ignored: a distributed output folder is never replaced, and has its own limits.
                throw new UsageException("analyze: --" + local + " is for local runs, not with --master");
            }
        }
        DistributedRunner runner = null;
        for (DistributedRunner candidate : ServiceLoader.load(DistributedRunner.class)) {
            if (candidate.accepts(master)) {
                runner = candidate;
                break;
            }
        }
        if (runner == null) {
            throw new UsageException("analyze: --master " + master + ": no distributed runner for it on the class "
                + "path (bin/auralis adds the installation's lib/spark/ when --master is given)");
        }
        Path file = new WorkflowLibrary(home.resolve("workflows"))
            .resolve(line.getOptionValue("workflow", WorkflowLibrary.DEFAULT), context.workingDirectory());
        return runner.run(new DistributedRunner.Job(master, line.getOptionValue("executor-memory"), workflow, file,
            line.getArgList(), line.getOptionValue("output"), line.getOptionValue("format"), line.hasOption("resume"),
            home, services), context);
    }

    private static int workers(CommandLine line) throws UsageException {
        String value = line.getOptionValue("workers");
        if (value == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= MAX_WORKERS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UsageException("analyze: --workers must be a whole number from 1 to " + MAX_WORKERS + ", not '"
            + value + "'");
    }

    private Workflow workflow(CommandLine line, Path cwd, Set<String> formats) throws WorkflowException {
        WorkflowLibrary library = new WorkflowLibrary(home.resolve("workflows"));
        String wanted = line.getOptionValue("workflow", WorkflowLibrary.DEFAULT);
        Path file = library.resolve(wanted, cwd);
        String source = file.startsWith(library.folder()) ? file.toString() : wanted;
        WorkflowDefinition definition = reader.read(file, source);
        return new WorkflowValidator(services.extractors(), formats).validate(definition, source);
    }

    private static List<Planned> plan(CommandLine line, Workflow workflow, Map<String, OutputWriter> writers,
            Path cwd) throws UsageException {
        String output = line.getOptionValue("output");
        String format = line.getOptionValue("format");
        List<Planned> planned = new ArrayList<>();
        if (format != null && !format.equals("jsonl") && !writers.containsKey(format)) {
            throw new UsageException("analyze: unknown format '" + format + "' (" + known(writers) + ")");
        }
        if (output == null && format != null && !format.equals("jsonl")) {
            throw new UsageException("analyze: --format " + format + " needs --output FILE; only jsonl goes to "
                + "standard output");
        }
        if (output != null && output.equals(STDOUT)) {
            if (format != null && !format.equals("jsonl")) {
                throw new UsageException("analyze: only jsonl goes to standard output, not " + format);
            }
            planned.add(new Planned("standard output", null, null));
        } else if (output != null) {
            String chosen = format != null ? format : formatOf(output, writers);
            OutputWriter writer = writers.get(chosen);
            if (writer == null) {
                throw new UsageException(output + ": no " + chosen + " writer is installed (" + known(writers) + ")");
            }
            planned.add(new Planned(output, writer, cwd.resolve(output)));
        } else if (format == null && !workflow.writers().isEmpty()) {
            Set<Path> targets = new HashSet<>();
            for (WriterDefinition w : workflow.writers()) {
                Path target = cwd.resolve(w.path).toAbsolutePath().normalize();
                if (!insideWorkingDirectory(target, cwd) || Path.of(w.path).isAbsolute()) {
                    throw new UsageException(workflow.source() + ": writers: " + w.path + " is outside the working "
                        + "directory; a workflow writes only below it (name other places with --output)");
                }
                if (!targets.add(target)) {
                    throw new UsageException(workflow.source() + ": writers: " + w.path + " is written twice");
                }
                planned.add(new Planned(w.path, writers.get(w.format), target));
            }
        } else {
            planned.add(new Planned("standard output", null, null));
        }
        return planned;
    }

    /**
     * Whether a workflow's writer path stays below the working directory, also once links are followed: a
     * workflow from elsewhere must not be able to overwrite any file the user can write.
     */
    private static boolean insideWorkingDirectory(Path target, Path cwd) {
        Path root = cwd.toAbsolutePath().normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            return false;
        }
        Path existing = target;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null || OutputClaim.keyOf(existing).startsWith(OutputClaim.keyOf(root));
    }

    /** The format an output file's extension implies: {@code .jsonl}/{@code .ndjson}, or a writer's format name. */
    private static String formatOf(String output, Map<String, OutputWriter> writers) throws UsageException {
        String name = Path.of(output).getFileName() == null ? output : Path.of(output).getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (ext.equals("ndjson")) {
            ext = "jsonl";
        }
        if (ext.isEmpty() || !writers.containsKey(ext) && !ext.equals("jsonl")) {
            throw new UsageException(output + ": cannot tell the format from the file name; add --format ("
                + known(writers) + ")");
        }
        return ext;
    }

    private static String known(Map<String, OutputWriter> writers) {
        return writers.isEmpty() ? "no writers are installed" : "known: " + String.join(", ", writers.keySet());
    }

    /**
     * Claims every output file and, when resuming, reads back what each holds; only when every output passed are
     * the claims recorded and the outputs opened (which repairs a record torn by a crash). A problem anywhere is
     * a usage error with every output as it was.
     */
    private static RecordOutputs open(List<Planned> planned, Workflow workflow, boolean resume, boolean force,
            List<InputFile> inputs, CommandContext context) throws UsageException {
        List<OutputClaim> claims = new ArrayList<>();
        List<Set<String>> done = new ArrayList<>();
        List<RecordOutputs.Target> targets = new ArrayList<>();
        try {
            for (Planned p : planned) {
                if (p.writer() == null) {
                    claims.add(null);
                    done.add(Set.of());
                    continue;
                }
                OutputClaim claim = OutputClaim.claim(p.name(), p.target(), p.writer().format(), workflow,
                    context.workingDirectory(), resume, force);
                claims.add(claim);
                done.add(resume ? recorded(claim, p.writer().completed(claim.target()), inputs) : Set.of());
            }
            for (int i = 0; i < planned.size(); i++) {
                Planned p = planned.get(i);
                OutputClaim claim = claims.get(i);
                if (claim == null) {
                    targets.add(new RecordOutputs.Target(p.name(),
                        new JsonLinesStream(context.out(), workflow.outputs()), Set.of()));
                    continue;
                }
                claim.record();
                targets.add(new RecordOutputs.Target(p.name(),
                    claim.holding(p.writer().open(claim.target(), workflow.outputs(), resume)), done.get(i)));
            }
        } catch (IOException | UncheckedIOException | UsageException e) {
            closeQuietly(new RecordOutputs(targets), context.err());
            for (OutputClaim claim : claims) {
                if (claim != null) {
                    claim.abandon();
                }
            }
            throw e instanceof UsageException u ? u : new UsageException(e.getMessage());
        }
        return new RecordOutputs(targets);
    }

    /** The inputs an output already holds, by real path: however they were named when it was written. */
    private static Set<String> recorded(OutputClaim claim, Set<String> files, List<InputFile> inputs) {
        Set<Path> keys = claim.keysOf(files);
        Set<String> names = new HashSet<>();
        for (InputFile f : inputs) {
            if (files.contains(f.name()) || keys.contains(OutputClaim.keyOf(f.path()))) {
                names.add(f.name());
            }
        }
        return names;
    }

    private static void closeQuietly(RecordOutputs outputs, PrintStream err) {
        try {
            outputs.close();
        } catch (IOException e) {
            err.println("auralis: " + e.getMessage());
        }
    }

    private int listWorkflows(CommandContext context) {
        WorkflowLibrary library = new WorkflowLibrary(home.resolve("workflows"));
        List<Path> files;
        try {
            files = library.list();
        } catch (IOException e) {
            context.err().println("auralis: " + library.folder() + ": cannot be listed: " + e.getMessage());
            return USAGE;
        }
        if (files.isEmpty()) {
            context.err().println("auralis: no workflows in " + library.folder());
            return OK;
        }
        int width = files.stream().mapToInt(f -> WorkflowLibrary.nameOf(f).length()).max().orElse(0);
        for (Path f : files) {
            String description;
            try {
                WorkflowDefinition d = reader.read(f);
                description = d.description == null ? "" : d.description;
            } catch (WorkflowException e) {
                description = "(cannot be read: " + e.problems().get(0) + ")";
            }
            String name = WorkflowLibrary.nameOf(f);
            context.out().println(name + " ".repeat(width - name.length() + 2) + description);
        }
        return OK;
    }

    private static Options options() {
        Options o = new Options();
        o.addOption(Option.builder("w").longOpt("workflow").hasArg().argName("FILE|NAME")
            .desc("the workflow to run: a JSON file, or the name of one in the installation's workflows folder "
                + "(default: " + WorkflowLibrary.DEFAULT + ")").get());
        o.addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE")
            .desc("write records to this file, which must not exist or be empty unless --force or --resume; - for "
                + "standard output (default: the workflow's writers, else JSON Lines on standard output). Beside it, "
                + "FILE.auralis.json records the workflow that wrote it, and locks it while a run writes").get());
        o.addOption(Option.builder("f").longOpt("format").hasArg().argName("FORMAT")
            .desc("jsonl or csv (or another installed writer); default: from the output file's extension").get());
        o.addOption(Option.builder("j").longOpt("workers").hasArg().argName("N")
            .desc("files analysed at once (default: the number of processors, "
                + Runtime.getRuntime().availableProcessors() + " here)").get());
        o.addOption(Option.builder().longOpt("resume")
            .desc("keep the records already in the output (repairing one torn by a crash) and analyse only the "
                + "files it lacks, however they are named; refused when another workflow wrote it").get());
        o.addOption(Option.builder().longOpt("force")
            .desc("replace an output that exists and is not empty (without it, such an output is refused)").get());
        o.addOption(Option.builder().longOpt("file-timeout").hasArg().argName("SECONDS")
            .desc("give up on a file that takes longer, with an error record, and go on (default: "
                + FileTimeout.BASE_SECONDS + " s plus the file's duration)").get());
        o.addOption(Option.builder().longOpt("master").hasArg().argName("URL")
            .desc("run on Spark with this command as the driver: local[N], or a cluster (spark://HOST:PORT, yarn, "
                + "k8s://...); --output is then a folder of part files (see docs/cluster.md)").get());
        o.addOption(Option.builder().longOpt("executor-memory").hasArg().argName("SIZE")
            .desc("with --master: memory per executor, such as 4g (default: the cluster's)").get());
        o.addOption(Option.builder().longOpt("list-workflows")
            .desc("list the installation's workflows and exit").get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        return o;
    }

    private static void help(Options options, PrintStream out) {
        out.println("Usage: auralis analyze [options] <file|folder>...");
        out.println();
        wrap(out, "", "Runs a workflow over audio files and folders and writes one record per file, in input order. "
            + "Folders are searched recursively for " + String.join(", ", InputFiles.AUDIO_EXTENSIONS.stream()
            .sorted().toList()) + " files; files named explicitly are always analysed. Progress and errors go to "
            + "standard error.");
        out.println();
        out.println("Options:");
        List<String> names = new ArrayList<>();
        for (Option o : options.getOptions()) {
            names.add((o.getOpt() != null ? "-" + o.getOpt() + ", " : "    ") + "--" + o.getLongOpt()
                + (o.hasArg() ? " " + o.getArgName() : ""));
        }
        int width = names.stream().mapToInt(String::length).max().orElse(0) + 4;
        int i = 0;
        for (Option o : options.getOptions()) {
            String name = "  " + names.get(i++);
            wrap(out, name + " ".repeat(width - name.length() + 2), o.getDescription());
        }
        out.println();
        wrap(out, "", "Exit codes: 0 every file analysed; 1 some files failed (their records carry the error); "
            + "2 bad usage, input or workflow (nothing run, no output touched); 130 interrupted (Ctrl-C), which "
            + "leaves only complete records: run the same command with --resume to finish.");
        out.flush();
    }

    /** Prints text wrapped at {@value #HELP_WIDTH} columns, the first line after {@code lead}, the rest under it. */
    private static void wrap(PrintStream out, String lead, String text) {
        StringBuilder line = new StringBuilder(lead);
        String indent = " ".repeat(lead.length());
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > HELP_WIDTH) {
                out.println(line.toString().stripTrailing());
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length() && !line.toString().endsWith(" ")) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line.toString().stripTrailing());
    }
}
