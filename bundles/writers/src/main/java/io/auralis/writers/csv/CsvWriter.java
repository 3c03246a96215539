package io.auralis.writers.csv;

import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.output.OutputWriter;
import io.auralis.api.output.RecordEncoder;
import io.auralis.api.output.RecordSink;

import org.osgi.service.component.annotations.Component;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code csv} writer: a flat table with one row per feature and one row per file, for spreadsheets and data
 * frames.
 *
 * <p>Columns (see {@link CsvLayout}): {@code file, output, time, duration, label, confidence} (of emotions), one column per bin name of the
 * outputs (for example {@code f0}, {@code dbfs}, {@code level}, or an emotion model's classes), {@code values}
 * (the values of outputs without bin names, joined with {@code ;}), then {@code sampleRate, channels, error}.
 * Each file's rows end with its file row, whose {@code output} is empty: it gives the file's duration, sample rate
 * and channel count, and the error when the file failed. Rows follow RFC 4180 (CRLF, fields with commas, quotes or
 * line breaks quoted; text that a spreadsheet would run as a formula is prefixed with {@code '}, see
 * {@link CsvText}). A record's rows are encoded as a stream and appended; a resumed run's {@link #open} cuts off the
 * rows of a record torn by a crash.
 */
@Component(service = OutputWriter.class)
public class CsvWriter implements OutputWriter {

    /** The format name, as used in workflows and with {@code --format}. */
    public static final String FORMAT = "csv";

    /** Each file's rows end with its file row. */
    private static final CsvRecovery RECOVERY = new CsvRecovery(CsvLayout.LEADING, CsvRecovery.Ending.FILE_ROW);

    /** Creates the writer; it holds no state. */
    public CsvWriter() {
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "CSV: one row per feature (file, output, time, duration, label, confidence, a column per bin name) and one row "
            + "per file with its duration, rate, channels and error";
    }

    /**
     * {@inheritDoc}
     *
     * <p>When appending to a non-empty output, its header must be the one these outputs give (a resumed run must
     * use the same workflow); then the rows of a record torn by a crash are cut off.
     */
    @Override
    public RecordSink open(Path target, Map<String, OutputDescriptor> outputs, boolean append) throws IOException {
        CsvLayout layout = new CsvLayout(outputs);
        return CsvOutput.open(target, layout.header(), new CsvRows(layout, outputs), RECOVERY, append);
    }

    @Override
    public Optional<RecordEncoder> encoder(Map<String, OutputDescriptor> outputs) {
        return Optional.of(new CsvRows(new CsvLayout(outputs), outputs));
    }

    @Override
    public Set<String> completed(Path target) throws IOException {
        return RECOVERY.completed(target);
    }
}
