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
 * The {@code csv-wide} writer: a frame table, one row per time and one column per value of every frame output
 * ({@code file,time,f0,dbfs,...,error}), as openSMILE writes low-level descriptors and as a data frame wants them
 * ({@code pandas.read_csv} gives one column per feature). See {@link WideLayout} for the columns (outputs placed at
 * arbitrary times, such as segments, emotions and summaries, are left out) and {@link WideRows} for how outputs on
 * different grids share rows. RFC 4180 rows and formula-safe text as the {@code csv} writer writes them.
 *
 * <p>Nothing marks the end of a file's rows but the next file's, so a resumed run cuts off the rows of the last file
 * in the output and analyses that file again: a crash may have torn its rows anywhere.
 */
@Component(service = OutputWriter.class)
public class WideCsvWriter implements OutputWriter {

    /** The format name, as used in workflows and with {@code --format}. */
    public static final String FORMAT = "csv-wide";

    /** A file's rows end where the next file's begin. */
    private static final CsvRecovery RECOVERY = new CsvRecovery(WideLayout.LEADING, CsvRecovery.Ending.NEXT_FILE);

    /** Creates the writer; it holds no state. */
    public WideCsvWriter() {
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "CSV frame table: one row per time (file, time, a column per value of each frame output such as f0 "
            + "and dbfs, error); outputs on other grids leave their cells empty, segments, emotions and summaries "
            + "are left out";
    }

    /**
     * {@inheritDoc}
     *
     * <p>When appending to a non-empty output, its header must be the one these outputs give; then the rows of its
     * last file are cut off, to be written again whole.
     */
    @Override
    public RecordSink open(Path target, Map<String, OutputDescriptor> outputs, boolean append) throws IOException {
        WideLayout layout = new WideLayout(outputs);
        return CsvOutput.open(target, layout.header(), new WideRows(layout), RECOVERY, append);
    }

    @Override
    public Optional<RecordEncoder> encoder(Map<String, OutputDescriptor> outputs) {
        return Optional.of(new WideRows(new WideLayout(outputs)));
    }

    /**
     * {@inheritDoc}
     *
     * <p>The last file of the output is not among them: nothing tells whether its rows are complete.
     */
    @Override
    public Set<String> completed(Path target) throws IOException {
        return RECOVERY.completed(target);
    }
}
