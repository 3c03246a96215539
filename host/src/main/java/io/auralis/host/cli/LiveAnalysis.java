package io.auralis.host.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioInfo;
import io.auralis.api.audio.AudioStream;
import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.ParameterType;
import io.auralis.api.output.FileRecord;
import io.auralis.api.output.OutputWriter;
import io.auralis.api.command.UsageException;
import io.auralis.host.batch.RecordOutputs;
import io.auralis.host.engine.AnalysisServices;
import io.auralis.host.engine.SegmentRecords;
import io.auralis.host.engine.StreamAnalyzer;
import io.auralis.host.workflow.StepDefinition;
import io.auralis.host.workflow.Workflow;
import io.auralis.host.workflow.WorkflowDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code analyze -}: live input. Standard input (a WAV, whose size a pipe leaves unknown, or raw PCM described by
 * {@code --raw-rate}, {@code --raw-channels}, {@code --raw-encoding}) is analysed as it arrives, and one record per
 * speech segment, placed by its {@code time} and {@code end} in the stream, is written as soon as the segment is final
 * ({@link SegmentRecords}), in bounded memory: to standard output, flushed, or to the files of {@code --output} (or
 * the workflow's writers), claimed as a file run claims them ({@link ClaimedOutputs}: locked, never replaced without
 * {@code --force}, described in their sidecars), each record handed to the system whole. Formats that write only
 * when a run ends (the HTML report) are refused. Steps that batch their work (a parameter {@value #BATCH} of type
 * integer, such as {@code auralis.ser}'s) get {@code batch} 1 unless the workflow sets it, so that each segment's
 * features follow it at once.
 */
final class LiveAnalysis {
    /** The input that means standard input. */
    static final String STDIN = "-";

    /** The parameter by which an extractor holds work back to batch it; 1 asks it not to. */
    static final String BATCH = "batch";

    private LiveAnalysis() {
    }

    /**
     * Whether the command line asks for live input.
     *
     * @param options the checked flags
     * @return whether {@code -} is among the inputs
     */
    static boolean wanted(AnalyzeOptions options) {
        return options.inputs().contains(STDIN);
    }

    /**
     * Sets {@code batch} to 1 in every step whose extractor declares it and whose workflow leaves it unset.
     *
     * @param definition the workflow as read, changed in place
     * @param extractors the installed extractors
     */
    static void promptly(WorkflowDefinition definition, Collection<FeatureExtractor> extractors) {
        if (definition.steps == null) {
            return;
        }
        for (StepDefinition step : definition.steps) {
            if (step == null || step.parameters != null && step.parameters.containsKey(BATCH)) {
                continue;
            }
            boolean batches = extractors.stream().filter(e -> e.descriptor().id.equals(step.extractor))
                .flatMap(e -> e.descriptor().parameters.stream())
                .anyMatch(p -> p.id.equals(BATCH) && p.type == ParameterType.INTEGER);
            if (batches) {
                Map<String, JsonNode> parameters = step.parameters == null ? new LinkedHashMap<>()
                    : new LinkedHashMap<>(step.parameters);
                parameters.put(BATCH, IntNode.valueOf(1));
                step.parameters = parameters;
            }
        }
    }

    /**
     * Analyses standard input.
     *
     * @param options the checked flags, with {@code -} among the inputs
     * @param workflow the validated workflow, {@link #promptly} applied
     * @param writers the installed writers by format
     * @param services where the decoder comes from
     * @param stdin standard input
     * @param context streams and working directory
     * @return the exit code: 0 when the stream was analysed to its end, 1 when it failed part-way (the records
     *     before stay, and an error record ends them), 2 for flags that do not fit live input or input that is not
     *     audio
     * @throws UsageException for flags or a workflow that live input cannot run
     */
    static int run(AnalyzeOptions options, Workflow workflow, Map<String, OutputWriter> writers,
            AnalysisServices services, InputStream stdin, CommandContext context) throws UsageException {
        PrintStream err = context.err();
        if (options.inputs().size() != 1) {
            throw new UsageException("analyze: - (standard input) is analysed on its own, not with other inputs");
        }
        if (options.resume() || options.master() != null) {
            throw new UsageException("analyze: live input (-) is analysed once, as it arrives, in this process: "
                + "--resume and --master do not apply");
        }
        if (options.summary() != null) {
            throw new UsageException("analyze: --summary summarises whole files; live input (-) writes one record "
                + "per segment as it comes, with nothing to summarise after it");
        }
        AudioInfo raw = raw(options.raw());
        String segments = segmentOutput(workflow);
        StreamAnalyzer analyzer;
        try {
            analyzer = new StreamAnalyzer(workflow);
        } catch (IllegalArgumentException e) {
            throw new UsageException("analyze: " + workflow.source() + ": " + e.getMessage());
        }
        List<PlannedOutput> planned = PlannedOutput.plan(options.outputs(), options.format(), workflow, writers,
            context.workingDirectory());
        for (PlannedOutput p : planned) {
            if (p.writer().encoder(workflow.outputs()).isEmpty()) {
                throw new UsageException("analyze: " + p.name() + ": " + p.writer().format() + " is written when a "
                    + "run ends, and live input writes each segment's record as soon as it is final (use "
                    + String.join(" or ", streamable(writers, workflow)) + ")");
            }
        }
        AudioDecoder decoder = AnalyzeCommand.decoderOrSay(services, err);
        if (decoder == null) {
            return Command.INTERNAL_ERROR;
        }
        AudioStream stream;
        try {
            stream = decoder.open(stdin, STDIN, raw, workflow.sampleRate());
        } catch (AudioFormatException e) {
            // not audio, before any record: bad input
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            err.println("auralis: -: " + e.getMessage());
            return Command.PARTIAL_FAILURE;
        }
        // Claimed once the stream is known to be audio, so that input which is not costs no output --force replaces.
        RecordOutputs outputs;
        try {
            outputs = ClaimedOutputs.open(planned, workflow, false, options.force(), List.of(),
                workflow.describe(options.inputs(), Launcher.version()), context);
        } catch (UsageException e) {
            closeQuietly(stream);
            throw e;
        }
        err.println("auralis: analysing standard input with workflow '" + workflow.name() + "': one record per "
            + segments + " segment into " + String.join(", ", outputs.names()) + ", written as each is final");
        AudioInfo info = stream.info();
        // each record goes to every output whole: flushed on standard output, handed to the system in one write to a
        // file, so a reader of either sees it as soon as its segment is final
        SegmentRecords segmentRecords = new SegmentRecords(STDIN, segments, List.copyOf(workflow.outputs().keySet()),
            workflow.sampleRate(), info.sampleRate, info.channels, outputs::write);
        String error;
        try {
            // a record an output cannot take (a closed pipe, a full disk) ends the analysis with that problem
            error = analyzer.analyze(stream, STDIN, segmentRecords);
        } finally {
            closeQuietly(stream);
        }
        if (error != null) {
            FileRecord failed = new FileRecord();
            failed.file = STDIN;
            failed.sampleRate = info.sampleRate;
            failed.channels = info.channels;
            failed.error = error;
            try {
                outputs.write(failed);
            } catch (IOException e) {
                // The output is gone; the line on standard error below still says what happened.
            }
            err.println("auralis: " + error);
        }
        ClaimedOutputs.closeQuietly(outputs, err);
        err.println("auralis: " + segmentRecords.records() + (segmentRecords.records() == 1 ? " segment" : " segments")
            + " written" + (segmentRecords.late() > 0 ? "; " + segmentRecords.late() + " features came after their "
            + "segment was written and were left out" : ""));
        return error == null ? Command.OK : Command.PARTIAL_FAILURE;
    }

    /** The installed formats that can follow a stream, record by record. */
    private static List<String> streamable(Map<String, OutputWriter> writers, Workflow workflow) {
        return writers.values().stream().filter(w -> w.encoder(workflow.outputs()).isPresent())
            .map(OutputWriter::format).sorted().toList();
    }

    private static void closeQuietly(AudioStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // Standard input: nothing of ours to lose.
        }
    }

    /** The segments records are cut by. */
    private static String segmentOutput(Workflow workflow) throws UsageException {
        return workflow.segmentOutput().orElseThrow(() -> new UsageException("analyze: workflow '" + workflow.name() + "' writes no segment output (such as "
            + "segments.speech), and live input writes one record per segment (the default workflow has one)"));
    }

    /** The raw format from {@code --raw-*}, or {@code null} for a WAV. */
    private static AudioInfo raw(List<String> flags) throws UsageException {
        String rate = flags.get(0);
        String channels = flags.get(1);
        String encoding = flags.get(2);
        if (rate == null) {
            if (channels != null || encoding != null) {
                throw new UsageException("analyze: --raw-channels and --raw-encoding need --raw-rate");
            }
            return null;
        }
        AudioInfo raw = new AudioInfo();
        raw.format = "raw";
        raw.sampleRate = whole("--raw-rate", rate, 1000, 384000);
        raw.channels = channels == null ? 1 : whole("--raw-channels", channels, 1, 64);
        raw.encoding = encoding == null ? "s16le" : encoding;
        return raw;
    }

    private static int whole(String flag, String value, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UsageException("analyze: " + flag + " must be a whole number from " + min + " to " + max + ", not '"
            + value + "'");
    }
}
