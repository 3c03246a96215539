package io.auralis.host.cli;

import io.auralis.host.batch.FileTimeout;
import io.auralis.api.command.UsageException;
import io.auralis.host.workflow.SummaryScope;
import io.auralis.host.workflow.WorkflowLibrary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The flags of {@code analyze}, checked: what can be told wrong from the command line alone, before the workflow
 * is read. Problems that depend on the workflow or on where the run goes ({@code --workers} with {@code --master})
 * are found later, by the part that knows.
 *
 * @param workflow {@code --workflow}, a file or a name ({@code default} when not given)
 * @param workers files analysed at once: {@code --workers}, else the number of processors
 * @param workersGiven whether {@code --workers} was given
 * @param resume {@code --resume}
 * @param force {@code --force}
 * @param timeout {@code --file-timeout}, else by each file's duration
 * @param timeoutGiven whether {@code --file-timeout} was given
 * @param inputs the files and folders as typed
 * @param outputs every {@code --output}, in the order given; empty when none
 * @param format {@code --format}, or {@code null}
 * @param summary {@code --summary}, or {@code null} for records without summaries
 * @param master {@code --master}, or {@code null} for a local run
 * @param executorMemory {@code --executor-memory}, or {@code null}
 * @param raw {@code --raw-rate}, {@code --raw-channels}, {@code --raw-encoding} as given (each {@code null} when not),
 *     for live input ({@link LiveAnalysis})
 */
record AnalyzeOptions(String workflow, int workers, boolean workersGiven, boolean resume, boolean force,
        FileTimeout timeout, boolean timeoutGiven, List<String> inputs, List<String> outputs, String format,
        SummaryScope summary, String master, String executorMemory, List<String> raw) {
    private static final int MAX_WORKERS = 1024;

    /** A parsed command line, not yet checked: {@code --list-workflows} needs none of the checks. */
    record Parsed(CommandLine line) {

        boolean listWorkflows() {
            return line.hasOption("list-workflows");
        }

        /** {@code --workflow-template}: print a skeleton workflow and exit; needs no inputs either. */
        boolean workflowTemplate() {
            return line.hasOption("workflow-template");
        }

        /**
         * {@code --extractor a,b}: the extractors of a one-shot workflow.
         *
         * @return the ids in the order given, or {@code null} when the flag is absent
         * @throws UsageException when it lists nothing, or comes with {@code --workflow}
         */
        List<String> extractors() throws UsageException {
            if (!line.hasOption("extractor")) {
                return null;
            }
            if (line.hasOption("workflow")) {
                throw new UsageException("analyze: --extractor runs its own workflow; --workflow names another: "
                    + "choose one");
            }
            List<String> ids = new ArrayList<>();
            for (String value : line.getOptionValues("extractor")) {
                for (String id : value.split(",")) {
                    if (!id.isBlank() && !ids.contains(id.trim())) {
                        ids.add(id.trim());
                    }
                }
            }
            if (ids.isEmpty()) {
                throw new UsageException("analyze: --extractor needs extractor ids, such as auralis.pitch,"
                    + "auralis.loudness (see auralis extractors)");
            }
            return ids;
        }

        /**
         * Checks the flags, in the order the user reads the messages: workers, resume or force, the timeout, the
         * summary, inputs.
         *
         * @return the options
         * @throws UsageException for the first problem
         */
        AnalyzeOptions checked() throws UsageException {
            int workers = workers(line.getOptionValue("workers"));
            boolean resume = line.hasOption("resume");
            boolean force = line.hasOption("force");
            if (resume && force) {
                throw new UsageException("analyze: --resume keeps an output and --force replaces it: choose one");
            }
            FileTimeout timeout = line.hasOption("file-timeout")
                ? FileTimeout.parse(line.getOptionValue("file-timeout")) : FileTimeout.byDuration();
            SummaryScope summary = summary(line.getOptionValue("summary"));
            if (line.getArgList().isEmpty()) {
                throw BuiltinCommand.usage("analyze", "no input files or folders");
            }
            return new AnalyzeOptions(line.getOptionValue("workflow", WorkflowLibrary.DEFAULT), workers,
                line.hasOption("workers"), resume, force, timeout, line.hasOption("file-timeout"),
                List.copyOf(line.getArgList()), outputs(line), line.getOptionValue("format"), summary,
                line.getOptionValue("master"), line.getOptionValue("executor-memory"),
                Arrays.asList(line.getOptionValue("raw-rate"), line.getOptionValue("raw-channels"),
                    line.getOptionValue("raw-encoding")));
        }
    }

    /**
     * Parses the arguments.
     *
     * @param args the arguments after {@code analyze}
     * @return the parsed line
     * @throws ParseException for an unknown option or a missing value
     */
    static Parsed parse(List<String> args) throws ParseException {
        return new Parsed(DefaultParser.builder().build().parse(options(), args.toArray(new String[0])));
    }

    private static List<String> outputs(CommandLine line) {
        String[] values = line.getOptionValues("output");
        return values == null ? List.of() : List.of(values);
    }

    /**
     * The one {@code --output}, for the distributed route, which writes a single folder.
     *
     * @return it, or {@code null} when none was given
     * @throws UsageException if several were given
     */
    String output() throws UsageException {
        if (outputs.size() > 1) {
            throw new UsageException("analyze: --master writes one folder of part files; give one --output");
        }
        return outputs.isEmpty() ? null : outputs.get(0);
    }

    private static SummaryScope summary(String value) throws UsageException {
        if (value == null) {
            return null;
        }
        return SummaryScope.of(value.trim()).orElseThrow(() -> new UsageException("analyze: --summary must be "
            + "file or segments, not '" + value + "'"));
    }

    private static int workers(String value) throws UsageException {
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

    /**
     * The options, in the order {@code --help} lists them.
     *
     * @return the options
     */
    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder("w").longOpt("workflow").hasArg().argName("FILE|NAME")
            .desc("the workflow to run: a JSON file, or the name of one in the installation's workflows folder "
                + "(default: " + WorkflowLibrary.DEFAULT + ")").get());
        o.addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE")
            .desc("write records to this file, which must not exist or be empty unless --force or --resume; - for "
                + "standard output (default: the workflow's writers, else JSON Lines on standard output). Beside it, "
                + "FILE.auralis.json records the workflow that wrote it, and locks it while a run writes. Repeat it "
                + "for several outputs of one run (-o r.jsonl -o r.csv)").get());
        o.addOption(Option.builder("f").longOpt("format").hasArg().argName("FORMAT")
            .desc("jsonl, csv, csv-wide (a frame table: a row per time, a column per value) or another installed "
                + "writer; all but html also to standard output; default: from the output file's extension").get());
        o.addOption(Option.builder().longOpt("summary").hasArg().argName("file|segments")
            .desc("add to each record per-file summaries of every numeric output (as Sonic Annotator's -S), over "
                + "the whole file or over the speech segments only (see Summaries below)").get());
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
        o.addOption(Option.builder().longOpt("raw-rate").hasArg().argName("HZ")
            .desc("with - as the input: standard input is raw PCM at this rate, not a WAV").get());
        o.addOption(Option.builder().longOpt("raw-channels").hasArg().argName("N")
            .desc("with --raw-rate: interleaved channels (default 1)").get());
        o.addOption(Option.builder().longOpt("raw-encoding").hasArg().argName("ENC")
            .desc("with --raw-rate: s16le (default), s16be, s24le, s32le, f32le, f64le, u8, s8, alaw or mulaw, as "
                + "ffmpeg -f and arecord -t raw write them").get());
        o.addOption(Option.builder().longOpt("list-workflows")
            .desc("list the installation's workflows and exit").get());
        // One-shot runs and skeletons, as Sonic Annotator's -d and -s.
        o.addOption(Option.builder().longOpt("extractor").hasArg().argName("ID[,ID...]")
            .desc("run these extractors instead of a workflow file: every output, parameters at their defaults, "
                + "inputs bound where only one output fits").get());
        o.addOption(Option.builder().longOpt("workflow-template")
            .desc("print a commented skeleton workflow for the installed extractors (or those of --extractor) "
                + "and exit").get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        return o;
    }
}
