/**
 * Per-file analysis records and the writers that store them (JSONL, CSV, reports).
 *
 * <p>A host finds {@link io.auralis.api.output.OutputWriter} services by {@code format()}, opens one output per
 * target with the descriptors of the outputs the records carry, and hands each sink one
 * {@link io.auralis.api.output.FileRecord} per input. 1.1 added {@link io.auralis.api.output.RecordEncoder}, the
 * format as a stream (standard output, records encoded on Spark executors); 1.2 added
 * {@link io.auralis.api.output.RunInfo}, what the run is (workflow, inputs, models, Auralis version), which the host
 * passes to {@code open}; a writer that does not override that {@code open} keeps working and is told nothing. 1.2
 * also added {@link io.auralis.api.output.SummaryFeatures}, how per-file summaries travel in a record, and
 * {@link io.auralis.api.output.FileRecord#time} and {@link io.auralis.api.output.FileRecord#end}, where a record of
 * live input (one speech segment) lies in the stream.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.auralis.api.output;
