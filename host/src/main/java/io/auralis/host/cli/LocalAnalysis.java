package io.auralis.host.cli;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.command.InputFile;
import io.auralis.api.command.UsageException;
import io.auralis.api.output.OutputWriter;
import io.auralis.host.batch.AudioDurations;
import io.auralis.host.batch.BatchProgress;
import io.auralis.host.batch.BatchResult;
import io.auralis.host.batch.BatchRunner;
import io.auralis.host.batch.Interruption;
import io.auralis.host.batch.ProgressBarDisplay;
import io.auralis.host.batch.ProgressLines;
import io.auralis.host.batch.RecordOutputs;
import io.auralis.host.engine.AnalysisServices;
import io.auralis.host.engine.FileAnalyzer;
import io.auralis.host.workflow.Workflow;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A local {@code analyze}: plans and opens the outputs, lists the inputs, skips what a resumed output holds, runs
 * the batch in this JVM with progress and a Ctrl-C hook, and prints the summary.
 */
final class LocalAnalysis {

    private LocalAnalysis() {
    }

    /**
     * Runs the batch.
     *
     * @param options the checked flags
     * @param workflow the validated workflow
     * @param writers the installed writers by format
     * @param services where the decoder comes from
     * @param context streams and working directory
     * @return the exit code
     * @throws UsageException for flags that do not fit a local run, missing inputs, or an output that is refused
     */
    static int run(AnalyzeOptions options, Workflow workflow, Map<String, OutputWriter> writers,
            AnalysisServices services, CommandContext context) throws UsageException {
        PrintStream err = context.err();
        if (options.executorMemory() != null) {
            throw new UsageException("analyze: --executor-memory is for runs with --master");
        }
        List<PlannedOutput> planned = PlannedOutput.plan(options.outputs(), options.format(), workflow, writers,
            context.workingDirectory());
        boolean resumable = planned.stream().allMatch(PlannedOutput::isFile);
        if (options.resume() && !resumable) {
            throw new UsageException("analyze: --resume needs an output file (--output FILE, or writers in the "
                + "workflow): standard output cannot be resumed");
        }
        List<InputFile> inputs = context.inputs(options.inputs());
        AudioDecoder decoder = AnalyzeCommand.decoderOrSay(services, err);
        if (decoder == null) {
            return Command.INTERNAL_ERROR;
        }

        RecordOutputs outputs = ClaimedOutputs.open(planned, workflow, options.resume(), options.force(), inputs,
            workflow.describe(options.inputs(), Launcher.version()), context);
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
            ClaimedOutputs.closeQuietly(outputs, err);
            err.println("auralis: nothing left to analyse");
            return Command.OK;
        }
        int busy = Math.min(options.workers(), todo.size());
        err.println("auralis: analysing " + todo.size() + (todo.size() == 1 ? " file" : " files") + " with workflow '"
            + workflow.name() + "' on " + busy + (busy == 1 ? " worker" : " workers") + " into "
            + String.join(", ", outputs.names()));

        AudioDurations durations = AudioDurations.probe(decoder, todo, AudioDurations.DEFAULT_BUDGET_MILLIS);
        BatchProgress progress = context.interactive() ? new ProgressBarDisplay(err, durations)
            : new ProgressLines(err, System::nanoTime, ProgressLines.DEFAULT_INTERVAL_NANOS, durations);
        BatchRunner runner = new BatchRunner(new FileAnalyzer(workflow, decoder), options.workers(),
            options.timeout());
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
        return closing != null ? Command.PARTIAL_FAILURE : result.exitCode();
    }
}
