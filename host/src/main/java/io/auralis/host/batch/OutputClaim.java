package io.auralis.host.batch;

import io.auralis.api.command.UsageException;
import io.auralis.api.output.FileRecord;
import io.auralis.api.output.RecordSink;
import io.auralis.host.workflow.SummaryScope;
import io.auralis.host.workflow.Workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An output file that one {@code analyze} run has claimed: locked against other runs, checked, and described.
 *
 * <p>Beside every output file {@code F} lies {@code F.auralis.json}, its <em>provenance</em>: what wrote it (the
 * workflow's name and {@link Workflow#digest() digest}, the models, the format) and from which working
 * directories its records' relative names were given. A sidecar rather than a first line, so that every line of a
 * JSON Lines output stays a record for {@code jq}, pandas and the like, and a CSV keeps its plain header. The run
 * holds an exclusive lock on the sidecar ({@link FileChannel#tryLock}) from before it checks anything until its
 * outputs are closed, so a second run on the same output is refused at once instead of interleaving with it. The
 * sidecar, not the output, carries the lock because writers open and close the output themselves, and closing any
 * channel of a file drops a process's POSIX locks on it.
 *
 * <p>{@link #claim} checks, changing nothing but creating the empty sidecar to lock (removed again by
 * {@link #abandon}): a non-empty output is replaced only with {@code --force} or continued with {@code --resume};
 * a resumed output must have a sidecar of the same workflow digest and format. Once every output passed,
 * {@link #record} writes the provenance.
 */
public final class OutputClaim {
    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** The sidecar's content. Plain data, read and written with Jackson. */
    public static final class Provenance {
        /** Always {@code auralis analyze}. */
        public String writtenBy;
        /** The writer's format. */
        public String format;
        /** The workflow's name. */
        public String workflow;
        /** {@link Workflow#digest()}. */
        public String workflowDigest;
        /** What the records' summaries cover ({@code --summary}: {@code file} or {@code segments}); absent without. */
        public String summary;
        /** The {@code model} parameters, by step. */
        public Map<String, String> models = new LinkedHashMap<>();
        /** Where relative record names of each run that wrote the output resolve, in order. */
        public List<String> workingDirectories = new ArrayList<>();

        /** Creates an empty description, for Jackson. */
        public Provenance() {
        }
    }

    private final String name;
    private final Path target;
    private final Path sidecar;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean created;
    private final Path firstFolder;
    private final Provenance provenance;

    private OutputClaim(String name, Path target, Path sidecar, FileChannel channel, FileLock lock, boolean created,
            Path firstFolder, Provenance provenance) {
        this.name = name;
        this.target = target;
        this.sidecar = sidecar;
        this.channel = channel;
        this.lock = lock;
        this.created = created;
        this.firstFolder = firstFolder;
        this.provenance = provenance;
    }

    /**
     * Locks and checks an output.
     *
     * @param name the output as the user named it, for messages
     * @param target the output file
     * @param format its writer's format
     * @param workflow the workflow that will write it
     * @param workingDirectory where this run's relative input names resolve
     * @param resume whether the run continues the output
     * @param force whether the run may replace a non-empty output
     * @return the claim; {@link #abandon} or {@link #release} it
     * @throws UsageException if another run holds the output, it must not be replaced, or it cannot be resumed
     */
    public static OutputClaim claim(String name, Path target, String format, Workflow workflow,
            Path workingDirectory, boolean resume, boolean force) throws UsageException {
        Path real = realTarget(target);
        Path sidecar = real.resolveSibling(real.getFileName() + ".auralis.json");
        boolean created = !Files.exists(sidecar);
        Path firstFolder = firstMissingFolder(real);
        FileChannel channel;
        FileLock lock;
        try {
            if (firstFolder != null) {
                // The lock needs a file; the folders go again if the run does not start (see abandon).
                Files.createDirectories(real.getParent());
            }
            channel = FileChannel.open(sidecar, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UsageException(name + ": cannot lock it through " + sidecar + ": " + e.getMessage());
        }
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            close(channel);
            throw new UsageException(name + ": cannot lock it through " + sidecar + ": " + e.getMessage());
        }
        if (lock == null) {
            close(channel);
            throw new UsageException(name + ": another auralis analyze is writing it (it holds " + sidecar
                + "); wait for it to finish, or write to another output");
        }
        try {
            return new OutputClaim(name, real, sidecar, channel, lock, created, firstFolder,
                check(name, real, sidecar, channel, created, format, workflow, workingDirectory, resume, force));
        } catch (UsageException e) {
            removeFolders(real, firstFolder);
            throw e;
        }
    }

    private static String summarised(String summary) {
        return summary == null ? "" : " with --summary " + summary;
    }

    private static Provenance check(String name, Path target, Path sidecar, FileChannel channel, boolean created,
            String format, Workflow workflow, Path workingDirectory, boolean resume, boolean force)
            throws UsageException {
        try {
            Provenance fresh = new Provenance();
            fresh.writtenBy = "auralis analyze";
            fresh.format = format;
            fresh.workflow = workflow.name();
            fresh.workflowDigest = workflow.digest();
            fresh.summary = workflow.summary().map(SummaryScope::option).orElse(null);
            fresh.models.putAll(workflow.models());
            String here = keyOf(workingDirectory).toString();
            fresh.workingDirectories.add(here);
            if (!holdsSomething(target)) {
                return fresh;
            }
            if (!resume) {
                if (!force) {
                    throw new UsageException(name + ": exists and is not empty; --force replaces it, --resume adds "
                        + "the files it lacks");
                }
                return fresh;
            }
            Provenance old = read(channel);
            if (old == null || !"auralis analyze".equals(old.writtenBy)) {
                throw new UsageException(name + ": cannot resume it: " + sidecar.getFileName() + " beside it, which "
                    + "says what wrote it, is " + (old == null ? "missing" : "not an Auralis description")
                    + ", so it was not written by auralis analyze (or that record was removed)");
            }
            if (!format.equals(old.format)) {
                throw new UsageException(name + ": cannot resume it: it holds " + old.format + " records, not "
                    + format);
            }
            if (!fresh.workflowDigest.equals(old.workflowDigest)) {
                throw new UsageException(name + ": cannot resume it: it was written by workflow '" + old.workflow
                    + "'" + summarised(old.summary) + " (" + old.workflowDigest + "), and workflow '" + workflow.name()
                    + "'" + summarised(fresh.summary) + " computes other records (" + fresh.workflowDigest + "); "
                    + "resume with the workflow (and --summary) that wrote it, or write to another output");
            }
            if (!old.workingDirectories.contains(here)) {
                old.workingDirectories.add(here);
            }
            return old;
        } catch (UsageException e) {
            abandon(sidecar, channel, null, created);
            throw e;
        } catch (IOException e) {
            abandon(sidecar, channel, null, created);
            throw new UsageException(name + ": " + e.getMessage());
        }
    }

    /**
     * Which files an output's records stand for, as {@link #keyOf} keys: each record's name resolved against every
     * working directory the output was written from, so that naming a corpus another way (by absolute path, from
     * another folder, through a link) still finds its records.
     *
     * @param recorded the {@link FileRecord#file} of the output's records
     * @return the keys
     */
    public Set<Path> keysOf(Set<String> recorded) {
        Set<Path> keys = new HashSet<>();
        for (String file : recorded) {
            Path named = Path.of(file);
            if (named.isAbsolute()) {
                keys.add(keyOf(named));
                continue;
            }
            for (String dir : provenance.workingDirectories) {
                keys.add(keyOf(Path.of(dir).resolve(named)));
            }
        }
        return keys;
    }

    /**
     * What identifies a file: its real path (links resolved), or, when it does not exist, its normalised absolute
     * path.
     *
     * @param file a file
     * @return the key
     */
    public static Path keyOf(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    /**
     * Writes the provenance, once every output was checked.
     *
     * @throws IOException if the sidecar cannot be written; the message names it
     */
    public void record() throws IOException {
        try {
            byte[] text = (JSON.writeValueAsString(provenance) + "\n").getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            ByteBuffer b = ByteBuffer.wrap(text);
            while (b.hasRemaining()) {
                channel.write(b, b.position());
            }
            channel.force(false);
        } catch (IOException e) {
            throw new IOException(sidecar + ": " + e.getMessage(), e);
        }
    }

    /**
     * Wraps the output's sink so that closing it also releases this claim.
     *
     * @param sink the writer's sink for the output
     * @return a sink that releases the lock after the output is closed
     */
    public RecordSink holding(RecordSink sink) {
        return new RecordSink() {
            @Override
            public void write(FileRecord record) throws IOException {
                sink.write(record);
            }

            @Override
            public void close() throws IOException {
                try {
                    sink.close();
                } finally {
                    release();
                }
            }
        };
    }

    /** Releases the lock, keeping the sidecar. */
    public void release() {
        abandon(sidecar, channel, lock, false);
    }

    /** Releases the lock and removes the sidecar if this claim created it: the run stopped before it started. */
    public void abandon() {
        abandon(sidecar, channel, lock, created);
        removeFolders(target, firstFolder);
    }

    /** The topmost folder above the output that does not exist yet, or {@code null}. */
    private static Path firstMissingFolder(Path target) {
        Path missing = null;
        for (Path p = target.getParent(); p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /** Removes the folders a claim created for its sidecar, from the output's up to the first, while empty. */
    private static void removeFolders(Path target, Path firstFolder) {
        if (firstFolder == null) {
            return;
        }
        for (Path p = target.getParent(); p != null && p.startsWith(firstFolder); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * The output, links resolved.
     *
     * @return the file the writer will write
     */
    public Path target() {
        return target;
    }

    @Override
    public String toString() {
        return name;
    }

    private static void abandon(Path sidecar, FileChannel channel, FileLock lock, boolean delete) {
        try {
            if (delete) {
                Files.deleteIfExists(sidecar);
            }
        } catch (IOException e) {
            // An empty sidecar left behind is harmless: the next run replaces it.
        }
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException e) {
            // Closing the channel releases it too.
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was written through it that could be lost.
        }
    }

    private static Provenance read(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0 || size > 1 << 20) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate((int) size);
        while (b.hasRemaining() && channel.read(b, b.position()) >= 0) {
            // Reads the whole small file.
        }
        try {
            return JSON.readValue(b.array(), 0, b.position(), Provenance.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether an output holds anything that replacing it would lose. */
    private static boolean holdsSomething(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                return entries.findAny().isPresent();
            }
        }
        return Files.exists(target) && Files.size(target) > 0;
    }

    /** The output with links resolved, so that two names of one file share one sidecar and one lock. */
    private static Path realTarget(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            return keyOf(absolute);
        }
        Path parent = absolute.getParent();
        return parent == null ? absolute : keyOf(parent).resolve(absolute.getFileName());
    }
}
