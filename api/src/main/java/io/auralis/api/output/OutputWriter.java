package io.auralis.api.output;

import io.auralis.api.extractor.OutputDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Stores analysis records in one format, registered as an OSGi service. Workflows and {@code --format} pick a
 * writer by {@link #format()}.
 */
@ConsumerType
public interface OutputWriter {

    /**
     * The format name used in workflows and on the command line, such as {@code jsonl}, {@code csv} or {@code html}.
     *
     * @return a lower-case name
     */
    String format();

    /**
     * One line for {@code auralis help analyze}.
     *
     * @return what the output looks like
     */
    String description();

    /**
     * Opens an output. Hosts call {@link #open(Path, Map, boolean, RunInfo)}, which comes here unless the writer
     * overrides it.
     *
     * @param target the file (or folder, for formats that write several files) to write
     * @param outputs the descriptors of the outputs records will carry, by {@code step.output}, in order
     * @param append {@code true} to keep the records already in {@code target} (a resumed run), cutting off a record
     *     torn by a crash first, {@code false} to replace it
     * @return the sink, which the caller closes
     * @throws IOException if the output cannot be created
     */
    RecordSink open(Path target, Map<String, OutputDescriptor> outputs, boolean append) throws IOException;

    /**
     * Opens an output for a run the host describes: the workflow, the inputs as named, the models behind the
     * outputs and the Auralis version, for a writer that shows them (a report's title and model box). Hosts call
     * this one; the default ignores {@code run} and calls {@link #open(Path, Map, boolean)}, so writers that have
     * nothing to say about the run implement only that.
     *
     * @param target the file (or folder, for formats that write several files) to write
     * @param outputs the descriptors of the outputs records will carry, by {@code step.output}, in order
     * @param append {@code true} to keep the records already in {@code target}, as for
     *     {@link #open(Path, Map, boolean)}
     * @param run what the run is; fields the host cannot fill are {@code null} or empty
     * @return the sink, which the caller closes
     * @throws IOException if the output cannot be created
     * @since 1.2
     */
    default RecordSink open(Path target, Map<String, OutputDescriptor> outputs, boolean append, RunInfo run)
            throws IOException {
        return open(target, outputs, append);
    }

    /**
     * The format as a stream of bytes, for standard output and for records encoded on one machine and written on
     * another (Spark executors). Formats that need a file or folder of their own (an HTML report) have none.
     *
     * @param outputs the descriptors of the outputs records will carry, by {@code step.output}, in order
     * @return the encoder, or empty when this format can only be written by {@link #open open}
     * @since 1.1
     */
    default Optional<RecordEncoder> encoder(Map<String, OutputDescriptor> outputs) {
        return Optional.empty();
    }

    /**
     * The input files already recorded in an existing output, for {@code --resume}. Only reads: the host asks
     * every output before it changes any, so that a refused resume leaves them all as they were; a record torn by
     * a crash is cut off by {@link #open open} with {@code append}. A file that is not an output of this writer is
     * refused (an {@code IOException}), never repaired.
     *
     * @param target an output written by this writer
     * @return the {@link FileRecord#file} of every complete record; empty if {@code target} does not exist
     * @throws IOException if the output exists but cannot be read
     */
    Set<String> completed(Path target) throws IOException;
}
