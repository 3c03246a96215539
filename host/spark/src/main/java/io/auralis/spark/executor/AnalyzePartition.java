package io.auralis.spark.executor;

import io.auralis.api.output.FileRecord;
import io.auralis.host.batch.JsonLinesStream;
import io.auralis.spark.input.InputFile;
import io.auralis.spark.input.LocalCopy;
import io.auralis.spark.progress.JobCounters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The task of a distributed run: analyses a partition's input files on an executor, one after another, and yields
 * one JSON Lines record per file, which Spark's output committer writes to the task's part file.
 *
 * <p>Records are encoded by the host's own JSON Lines encoder, in exactly the shape of the {@code jsonl} writer,
 * and produced lazily, so a partition's records are never all in memory. A file that cannot be read, copied or
 * analysed becomes a record with its error, never a failed task.
 */
public final class AnalyzePartition implements FlatMapFunction<Iterator<InputFile>, String> {
    private static final long serialVersionUID = 1L;

    private final ExecutorPlan plan;
    private final Broadcast<SerializableConfiguration> hadoop;
    private final JobCounters counters;

    /**
     * Creates the task function.
     *
     * @param plan the workflow and installation
     * @param hadoop the driver's Hadoop configuration, for reading inputs on other file systems
     * @param counters where to count files, audio and failures
     */
    public AnalyzePartition(ExecutorPlan plan, Broadcast<SerializableConfiguration> hadoop, JobCounters counters) {
        this.plan = plan;
        this.hadoop = hadoop;
        this.counters = counters;
    }

    @Override
    public Iterator<String> call(Iterator<InputFile> inputs) throws Exception {
        ExecutorRuntime runtime = ExecutorRuntime.get(plan);
        return new Records(inputs, runtime, runtime.analysis(plan), hadoop.value().value(), counters);
    }

    /** Analyses the next file when Spark asks for the next line. */
    private static final class Records implements Iterator<String> {
        private final Iterator<InputFile> inputs;
        private final ExecutorRuntime runtime;
        private final ExecutorRuntime.Analysis analysis;
        private final Configuration hadoop;
        private final JobCounters counters;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
        private final JsonLinesStream encoder;
        private int errors;

        Records(Iterator<InputFile> inputs, ExecutorRuntime runtime, ExecutorRuntime.Analysis analysis,
                Configuration hadoop, JobCounters counters) {
            this.inputs = inputs;
            this.runtime = runtime;
            this.analysis = analysis;
            this.hadoop = hadoop;
            this.counters = counters;
            this.encoder = new JsonLinesStream(new PrintStream(buffer, false, StandardCharsets.UTF_8),
                analysis.outputs());
        }

        @Override
        public boolean hasNext() {
            return inputs.hasNext();
        }

        @Override
        public String next() {
            if (!inputs.hasNext()) {
                throw new NoSuchElementException();
            }
            InputFile input = inputs.next();
            FileRecord record = analyse(input);
            counters.add(input.length(), record.duration, record.error, errors);
            if (record.error != null) {
                errors++;
            }
            return encode(record);
        }

        private FileRecord analyse(InputFile input) {
            try (LocalCopy local = LocalCopy.of(input, hadoop, runtime.scratch())) {
                return analysis.analyzer().analyze(local.path(), input.name());
            } catch (IOException | RuntimeException e) {
                FileRecord failed = new FileRecord();
                failed.file = input.name();
                failed.error = e.getMessage() != null && e.getMessage().startsWith(input.name() + ": ")
                    ? e.getMessage() : input.name() + ": " + e;
                return failed;
            }
        }

        private String encode(FileRecord record) {
            buffer.reset();
            try {
                encoder.write(record);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot encode the record of " + record.file, e);
            }
            String line = buffer.toString(StandardCharsets.UTF_8);
            // Spark's text output adds the line break itself.
            return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        }
    }
}
