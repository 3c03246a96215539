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
 * An output of a local {@code analyze}, decided from the flags and the workflow before anything is opened: each
 * {@code --output} (format from {@code --format} or the file's extension; {@code -} for standard output), else the
 * workflow's {@code writers} (inside the working directory only), else standard output. Standard output takes any
 * writer that can encode a stream (JSON Lines by default, CSV with {@code --format csv}).
 *
 * @param name how messages name it
 * @param writer the writer
 * @param target the file, or {@code null} for standard output
 */
record PlannedOutput(String name, OutputWriter writer, Path target) {
    private static final String STDOUT = "-";
    private static final String STDOUT_NAME = "standard output";
    private static final String DEFAULT_FORMAT = "jsonl";

    /**
     * Whether this output is a file that {@code --resume} can continue.
     *
     * @return {@code false} for standard output
     */
    boolean isFile() {
        return target != null;
    }

    /**
     * Decides the outputs.
     *
     * @param outputs every {@code --output}, in order; empty when none was given
     * @param format {@code --format}, or {@code null}
     * @param workflow the validated workflow, whose writers apply without either flag
     * @param writers the installed writers by format
     * @param cwd the working directory
     * @return at least one output
     * @throws UsageException for an unknown format, a format that cannot go where asked, an output named twice,
     *     or a workflow writer outside the working directory or written twice
     */
    static List<PlannedOutput> plan(List<String> outputs, String format, Workflow workflow,
            Map<String, OutputWriter> writers, Path cwd) throws UsageException {
        if (format != null && !writers.containsKey(format)) {
            throw new UsageException("analyze: unknown format '" + format + "' (" + known(writers) + ")");
        }
        if (format != null && outputs.size() > 1) {
            throw new UsageException("analyze: --format goes with one --output; with several, each file's extension "
                + "names its format");
        }
        List<PlannedOutput> planned = new ArrayList<>();
        Set<Path> targets = new HashSet<>();
        if (outputs.isEmpty() && format == null && !workflow.writers().isEmpty()) {
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
            return planned;
        }
        for (String output : outputs.isEmpty() ? List.of(STDOUT) : outputs) {
            if (output.equals(STDOUT)) {
                if (planned.stream().anyMatch(p -> !p.isFile())) {
                    throw new UsageException("analyze: --output - is given twice: standard output takes one format");
                }
                planned.add(new PlannedOutput(STDOUT_NAME, streamable(format == null ? DEFAULT_FORMAT : format,
                    writers), null));
                continue;
            }
            String chosen = format != null ? format : formatOf(output, writers);
            OutputWriter writer = writers.get(chosen);
            if (writer == null) {
                throw new UsageException(output + ": no " + chosen + " writer is installed (" + known(writers) + ")");
            }
            Path target = cwd.resolve(output);
            if (!targets.add(target.toAbsolutePath().normalize())) {
                throw new UsageException("analyze: --output " + output + " is given twice");
            }
            planned.add(new PlannedOutput(output, writer, target));
        }
        return planned;
    }

    /** The writer for standard output: one that can encode records onto a stream. */
    private static OutputWriter streamable(String format, Map<String, OutputWriter> writers) throws UsageException {
        OutputWriter writer = writers.get(format);
        if (writer == null) {
            throw new UsageException("analyze: no " + format + " writer is installed (" + known(writers) + ")");
        }
        if (writer.encoder(Map.of()).isEmpty()) {
            throw new UsageException("analyze: --format " + format + " needs --output FILE: it cannot go to "
                + "standard output");
        }
        return writer;
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
        if (ext.isEmpty() || !writers.containsKey(ext)) {
            throw new UsageException(output + ": cannot tell the format from the file name; add --format ("
                + known(writers) + ")");
        }
        return ext;
    }

    private static String known(Map<String, OutputWriter> writers) {
        return writers.isEmpty() ? "no writers are installed" : "known: " + String.join(", ", writers.keySet());
    }
}
