package io.auralis.spark.job;

import io.auralis.api.command.Command;
import io.auralis.api.command.InputFiles;
import io.auralis.api.command.UsageException;
import io.auralis.spark.executor.AnalyzePartition;
import io.auralis.spark.executor.ExecutorRuntime;
import io.auralis.spark.input.InputFile;
import io.auralis.spark.input.InputListing;
import io.auralis.spark.output.OutputFolder;
import io.auralis.spark.progress.JobCounters;
import io.auralis.spark.progress.JobSummary;
import io.auralis.spark.progress.ProgressReporter;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Runs a workflow over many files as one Spark job, with this JVM as the driver.
 *
 * <ol>
 * <li>The driver lists the inputs through Hadoop's file systems (paths only, see {@link InputListing}) and, with
 * {@code --resume}, drops those already recorded in the output folder.</li>
 * <li>The paths are split into partitions; each task analyses its files on an executor, whose one Auralis host
 * ({@link ExecutorRuntime}) runs them through the same engine as local {@code analyze}.</li>
 * <li>Each task's records go to one part file in a new run folder ({@link OutputFolder}) through Spark's output
 * commit protocol: a part file appears whole when its task commits, once per partition, however often tasks are
 * retried or executors lost.</li>
 * <li>Accumulators bring files, audio and failures back to the driver for progress and the summary.</li>
 * </ol>
 *
 * <p>Exit codes as for local {@code analyze}: 0 every file analysed, 1 some files failed (their records hold the
 * error), 2 bad usage or input (nothing run), 3 the job itself failed (the cluster, not a file).
 */
public final class AnalysisJob {
    /** Files per task, at most: bounds the work a lost task repeats and a resumed run loses. */
    static final int MAX_FILES_PER_TASK = 100;
    /** Tasks per core, at least (when there are enough files): evens out files of different lengths. */
    static final int TASKS_PER_CORE = 4;

    private final PrintStream err;
    private final boolean interactive;

    /**
     * Creates a job runner.
     *
     * @param err where messages, progress and the summary go
     * @param interactive whether {@code err} is a terminal, so progress can redraw in place
     */
    public AnalysisJob(PrintStream err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    /**
     * Runs the job to its end.
     *
     * @param request what to run
     * @return the exit code
     */
    public int run(JobRequest request) {
        long started = System.nanoTime();
        SparkConf conf = SparkSettings.build(request.master(), request.executorMemory(),
            "auralis analyze " + request.workflowName(), request.appJar(), request.sparkConf());
        conf.setIfMissing(SparkSettings.DEVICE, request.plan().device());
        if (request.plan().home() != null) {
            conf.setIfMissing(SparkSettings.HOME, request.plan().home());
        }
        boolean local = conf.get("spark.master", "").startsWith("local");
        try (AutoCloseable adopted = adopt(request, local);
             JavaSparkContext sc = new JavaSparkContext(conf)) {
            return run(request, sc, started);
        } catch (UsageException e) {
            err.println("auralis: " + e.getMessage());
            return Command.USAGE;
        } catch (Exception e) {
            err.println("auralis: analyze: the Spark job failed: " + rootMessage(e));
            return Command.INTERNAL_ERROR;
        }
    }

    private int run(JobRequest request, JavaSparkContext sc, long started) throws IOException, UsageException {
        Configuration hadoop = sc.hadoopConfiguration();
        List<InputFile> inputs;
        try {
            inputs = new InputListing(hadoop, request.workingDirectory(), InputFiles::isAudio).list(request.inputs());
        } catch (FileNotFoundException e) {
            throw new UsageException(e.getMessage());
        }
        if (inputs.isEmpty()) {
            throw InputFiles.noAudio(request.inputs());
        }
        OutputFolder output = new OutputFolder(outputPath(request), hadoop);
        if (output.isFile()) {
            throw new UsageException(request.output() + ": is a file; a distributed run writes a folder of part files");
        }
        List<InputFile> todo = inputs;
        if (request.resume()) {
            Set<String> done = output.completed();
            todo = new ArrayList<>();
            for (InputFile input : inputs) {
                if (!done.contains(input.name())) {
                    todo.add(input);
                }
            }
            int skipped = inputs.size() - todo.size();
            if (skipped > 0) {
                err.println("auralis: resuming: " + skipped + " of " + inputs.size() + " files are already in "
                    + request.output());
            }
            if (todo.isEmpty()) {
                err.println("auralis: nothing left to analyse");
                return Command.OK;
            }
        } else if (output.hasContent()) {
            throw new UsageException(request.output() + ": the output folder is not empty; add --resume to analyse "
                + "only the files it lacks, or name a new folder");
        }
        org.apache.hadoop.fs.Path runPath = output.nextRun();
        String run = runPath.toString();
        String runName = request.output().replaceAll("/+$", "") + "/" + runPath.getName();
        int partitions = partitions(todo.size(), sc.defaultParallelism());
        err.println("auralis: analysing " + todo.size() + (todo.size() == 1 ? " file" : " files") + " with workflow '"
            + request.workflowName() + "' on " + sc.master() + " in " + partitions
            + (partitions == 1 ? " task" : " tasks") + " into " + runName);

        JobCounters counters = new JobCounters(sc.sc());
        long bytes = todo.stream().mapToLong(InputFile::length).sum();
        ProgressReporter progress = new ProgressReporter(counters, todo.size(), bytes, err, interactive,
            10_000_000_000L, System::nanoTime);
        sc.sc().addSparkListener(progress);
        Broadcast<SerializableConfiguration> hadoopConf = sc.broadcast(new SerializableConfiguration(hadoop));
        long submitted = System.nanoTime();
        try {
            sc.parallelize(todo, partitions)
                .mapPartitions(new AnalyzePartition(request.plan(), hadoopConf, counters))
                .saveAsTextFile(run);
        } catch (Exception e) {
            // SparkException is checked, but Scala does not declare it.
            progress.close();
            err.println("auralis: analyze: the Spark job failed: " + rootMessage(e));
            err.println("auralis: the records of the " + counters.files() + " files analysed are in " + runName
                + "; run the same command with --resume to analyse the rest");
            return Command.INTERNAL_ERROR;
        } finally {
            progress.close();
            sc.sc().removeSparkListener(progress);
        }
        long finished = System.nanoTime();
        JobSummary summary = new JobSummary(counters.files(), counters.failures(), counters.audioSeconds(),
            (submitted - started) / 1e9, (finished - submitted) / 1e9, runName);
        err.println("auralis: " + summary);
        return summary.exitCode();
    }

    /** Relative local output folders resolve against the user's working directory, as local analyze's files do. */
    private static String outputPath(JobRequest request) {
        org.apache.hadoop.fs.Path typed = new org.apache.hadoop.fs.Path(request.output());
        if (typed.toUri().getScheme() == null && !typed.isAbsolute()) {
            return request.workingDirectory().resolve(request.output()).toString();
        }
        return request.output();
    }

    /**
     * How many tasks: at least {@value #TASKS_PER_CORE} per core so that long and short files even out, at most
     * {@value #MAX_FILES_PER_TASK} files per task, never more tasks than files.
     *
     * @param files the files to analyse
     * @param cores the cluster's cores as Spark reports them
     * @return the partition count
     */
    static int partitions(int files, int cores) {
        int byCores = Math.max(1, cores) * TASKS_PER_CORE;
        int bySize = (files + MAX_FILES_PER_TASK - 1) / MAX_FILES_PER_TASK;
        return Math.max(1, Math.min(files, Math.max(byCores, bySize)));
    }

    private static AutoCloseable adopt(JobRequest request, boolean local) throws IOException {
        if (!local || request.driverServices() == null) {
            return () -> { };
        }
        Path scratch = Files.createTempDirectory("auralis-spark-");
        AutoCloseable adopted = ExecutorRuntime.adopt(request.driverServices(), scratch);
        return () -> {
            adopted.close();
            Files.deleteIfExists(scratch);
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.toString();
        return message.lines().findFirst().orElse(message);
    }
}
