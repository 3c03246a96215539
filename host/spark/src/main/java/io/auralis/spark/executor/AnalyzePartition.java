package io.auralis.spark.executor;

import io.auralis.api.output.FileRecord;
import io.auralis.api.output.RecordEncoder;
import io.auralis.spark.input.InputFile;
import io.auralis.spark.input.LocalCopy;
import io.auralis.spark.progress.JobCounters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * one record per file, which Spark's output committer writes to the task's part file.
 *
 * <p>Records are encoded by the executor's writer service for the run's format ({@link RecordEncoder}), exactly as
 * a local run writes them, and produced lazily, so a partition's records are never all in memory. A format with a
 * header (CSV) starts each part file with it, so that every part file is a complete file of that format. Spark's
 * text output ends each element with a line feed, so the encoder's own last line ending is dropped. A file that
 * cannot be read, copied or analysed becomes a record with its error, never a failed task.
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
        ExecutorRuntime.Analysis analysis = runtime.analysis(plan);
        return new Records(inputs, runtime, analysis, runtime.encoder(plan.format(), analysis.outputs()),
            hadoop.value().value(), counters);
    }

    /** Analyses the next file when Spark asks for the next line. */
    private static final class Records implements Iterator<String> {
        private final Iterator<InputFile> inputs;
        private final ExecutorRuntime runtime;
        private final ExecutorRuntime.Analysis analysis;
        private final Configuration hadoop;
        private final JobCounters counters;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
        private final RecordEncoder encoder;
        private String header;
        private int errors;

        Records(Iterator<InputFile> inputs, ExecutorRuntime runtime, ExecutorRuntime.Analysis analysis,
                RecordEncoder encoder, Configuration hadoop, JobCounters counters) {
            this.inputs = inputs;
            this.runtime = runtime;
            this.analysis = analysis;
            this.hadoop = hadoop;
            this.counters = counters;
            this.encoder = encoder;
            if (inputs.hasNext()) {
                buffer.reset();
                try {
                    encoder.header(buffer);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot encode the header of the part file", e);
                }
                header = buffer.size() == 0 ? null : line();
            }
        }

        @Override
        public boolean hasNext() {
            return header != null || inputs.hasNext();
        }

        @Override
        public String next() {
            if (header != null) {
                String h = header;
                header = null;
                return h;
            }
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
                encoder.encode(record, buffer);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot encode the record of " + record.file, e);
            }
            return line();
        }

        /** The buffer as text without its last line ending, which Spark's text output writes itself. */
        private String line() {
            String text = buffer.toString(StandardCharsets.UTF_8);
            int cut = text.endsWith("\r\n") ? 2 : text.endsWith("\n") ? 1 : 0;
            return text.substring(0, text.length() - cut);
        }
    }
}
