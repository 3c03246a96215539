package io.auralis.host.cli;

import io.auralis.api.output.OutputWriter;
import io.auralis.host.batch.OutputClaim;
import io.auralis.api.command.UsageException;
import io.auralis.host.workflow.Workflow;
import io.auralis.host.workflow.WriterDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An output of a local {@code analyze}, decided from the flags and the workflow before anything is opened:
 * {@code --output} (format from {@code --format} or the file's extension), else the workflow's {@code writers}
 * (inside the working directory only), else JSON Lines on standard output.
 *
 * @param name how messages name it
 * @param writer the writer, or {@code null} for standard output
 * @param target the file, or {@code null} for standard output
 */
record PlannedOutput(String name, OutputWriter writer, Path target) {
    private static final String STDOUT = "-";

    /**
     * Whether this output is a file that {@code --resume} can continue.
     *
     * @return {@code false} for standard output
     */
    boolean isFile() {
        return writer != null;
    }

    /**
     * Decides the outputs.
     *
     * @param output {@code --output}, or {@code null}
     * @param format {@code --format}, or {@code null}
     * @param workflow the validated workflow, whose writers apply without either flag
     * @param writers the installed writers by format
     * @param cwd the working directory
     * @return at least one output
     * @throws UsageException for an unknown format, a format that cannot go where asked, or a workflow writer
     *     outside the working directory or written twice
     */
    static List<PlannedOutput> plan(String output, String format, Workflow workflow, Map<String, OutputWriter> writers,
            Path cwd) throws UsageException {
        List<PlannedOutput> planned = new ArrayList<>();
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
            planned.add(new PlannedOutput("standard output", null, null));
        } else if (output != null) {
            String chosen = format != null ? format : formatOf(output, writers);
            OutputWriter writer = writers.get(chosen);
            if (writer == null) {
                throw new UsageException(output + ": no " + chosen + " writer is installed (" + known(writers) + ")");
            }
            planned.add(new PlannedOutput(output, writer, cwd.resolve(output)));
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
                planned.add(new PlannedOutput(w.path, writers.get(w.format), target));
            }
        } else {
            planned.add(new PlannedOutput("standard output", null, null));
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
}
