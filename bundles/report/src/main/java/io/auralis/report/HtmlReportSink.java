package io.auralis.report;

import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.output.FileRecord;
import io.auralis.api.output.RecordSink;
import io.auralis.api.output.RunInfo;
import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.report.html.FileSection;
import io.auralis.report.html.Report;
import io.auralis.report.html.Run;
import io.auralis.report.record.FileSummary;
import io.auralis.report.record.RecordContent;
import io.auralis.report.record.Summaries;
import io.auralis.report.store.PartsFile;
import io.auralis.report.store.ReportEntries;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An open HTML report: renders each record's section as it arrives into the parts file, keeps only the
 * {@link FileSummary}s, and writes the report itself when closed. See {@link HtmlReportWriter} for the files
 * involved and how resuming works.
 */
final class HtmlReportSink implements RecordSink {
    private final Path target;
    private final Path parts;
    private final Map<String, OutputDescriptor> outputs;
    private final Run run;
    /** The latest summary of each file, in the order of their entries; an entry for a file again replaces it. */
    private final Map<String, FileSummary> files = new LinkedHashMap<>();
    private final PartsFile store;
    private int sequence;
    private boolean closed;

    /**
     * Opens a report.
     *
     * @param info what the host said of the run: its title and model box come from it
     */
    HtmlReportSink(Path target, Map<String, OutputDescriptor> outputs, boolean append, RunInfo info)
            throws IOException {
        this.target = target.toAbsolutePath();
        this.parts = PartsFile.of(this.target);
        this.outputs = new LinkedHashMap<>(outputs);
        List<String> classes = outputs.values().stream()
            .filter(d -> EmotionFeatures.KIND.equals(d.kind) && d.binNames != null && !d.binNames.isEmpty())
            .map(d -> d.binNames).findFirst().orElse(List.of());
        boolean emotions = outputs.values().stream().anyMatch(d -> EmotionFeatures.KIND.equals(d.kind));
        this.run = new Run(info == null ? new RunInfo() : info, emotions, classes, this.target.getParent());
        Files.createDirectories(this.target.getParent());
        if (!append) {
            store = PartsFile.create(parts);
        } else if (Files.exists(parts)) {
            // A run was under way (and possibly had appended to a finished report): its parts hold everything.
            PartsFile.read(parts, (s, section) -> remember(s), false);
            store = PartsFile.append(parts);
        } else if (Files.exists(this.target)) {
            store = seed();
        } else {
            store = PartsFile.create(parts);
        }
    }

    @Override
    public void write(FileRecord record) throws IOException {
        if (closed) {
            throw new IOException(target + ": report already closed");
        }
        RecordContent content = RecordContent.of(record, outputs);
        FileSummary summary = Summaries.of(sequence + 1, record, content);
        try {
            store.add(summary, FileSection.render(summary, content, run));
        } catch (IOException e) {
            throw named(e);
        }
        remember(summary);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        store.close();
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        String title = Report.title(run, files.values());
        try {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp),
                    StandardCharsets.UTF_8), 1 << 16)) {
                Report.begin(out, title);
                Report.overview(out, title, run, files.values());
                PartsFile.read(parts, (s, section) -> {
                    if (files.get(s.file).sequence == s.sequence) {
                        ReportEntries.write(out, s, section);
                    }
                }, true);
                Report.end(out);
            }
            force(tmp);
            move(tmp, target);
        } catch (IOException e) {
            // The parts stay: a run with --resume writes the report from them.
            Files.deleteIfExists(tmp);
            throw named(e);
        } catch (RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.deleteIfExists(parts);
    }

    /** An I/O failure as the command line reports it: {@code <report>: <problem>} (a full disk names no file). */
    private IOException named(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.startsWith(target.toString()) ? e : new IOException(target + ": " + message, e);
    }

    private void remember(FileSummary s) {
        files.remove(s.file);
        files.put(s.file, s);
        sequence = Math.max(sequence, s.sequence);
    }

    /**
     * Starts the parts of a run that appends to a finished report from that report's entries. Written aside and
     * moved into place, so that a crash while seeding never leaves parts that look complete but are not.
     */
    private PartsFile seed() throws IOException {
        Path seed = parts.resolveSibling(parts.getFileName() + ".seed");
        try (PartsFile copy = PartsFile.create(seed)) {
            ReportEntries.read(target, (s, section) -> {
                copy.add(s, section);
                remember(s);
            }, true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(seed);
            throw e;
        }
        move(seed, parts);
        return PartsFile.append(parts);
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
