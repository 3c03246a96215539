package io.auralis.host.cli;

import io.auralis.api.command.CommandContext;
import io.auralis.api.command.InputFile;
import io.auralis.api.command.UsageException;
import io.auralis.api.output.RunInfo;
import io.auralis.host.batch.OutputClaim;
import io.auralis.host.batch.RecordOutputs;
import io.auralis.host.batch.StreamedRecords;
import io.auralis.host.workflow.Workflow;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The planned outputs of a local {@code analyze}, claimed and opened, and with {@code --resume} read back first:
 * all or nothing, so that a problem with any output leaves every output as it was.
 */
final class ClaimedOutputs {

    private ClaimedOutputs() {
    }

    /**
     * Claims every output file and, when resuming, reads back what each holds; only when every output passed are
     * the claims recorded and the outputs opened (which repairs a record torn by a crash). A problem anywhere is
     * a usage error with every output as it was.
     *
     * @param planned the outputs
     * @param workflow the workflow, whose digest the claims record and compare
     * @param resume {@code --resume}
     * @param force {@code --force}
     * @param inputs the inputs, matched by real path to what the outputs hold
     * @param run what the run is, told to each writer as it opens its output
     * @param context the working directory and standard output
     * @return the open outputs, each knowing which inputs it holds already
     * @throws UsageException if an output is refused or cannot be opened
     */
    static RecordOutputs open(List<PlannedOutput> planned, Workflow workflow, boolean resume, boolean force,
            List<InputFile> inputs, RunInfo run, CommandContext context) throws UsageException {
        List<OutputClaim> claims = new ArrayList<>();
        List<Set<String>> done = new ArrayList<>();
        List<RecordOutputs.Target> targets = new ArrayList<>();
        try {
            for (PlannedOutput p : planned) {
                if (!p.isFile()) {
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
                PlannedOutput p = planned.get(i);
                OutputClaim claim = claims.get(i);
                if (claim == null) {
                    targets.add(new RecordOutputs.Target(p.name(), new StreamedRecords(context.out(),
                        p.writer().encoder(workflow.outputs()).orElseThrow(), p.name()), Set.of()));
                    continue;
                }
                claim.record();
                targets.add(new RecordOutputs.Target(p.name(),
                    claim.holding(p.writer().open(claim.target(), workflow.outputs(), resume, run)), done.get(i)));
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

    /**
     * Closes outputs, reporting a failure as one line instead of throwing.
     *
     * @param outputs the outputs
     * @param err where a failure goes
     */
    static void closeQuietly(RecordOutputs outputs, PrintStream err) {
        try {
            outputs.close();
        } catch (IOException e) {
            err.println("auralis: " + e.getMessage());
        }
    }
}
