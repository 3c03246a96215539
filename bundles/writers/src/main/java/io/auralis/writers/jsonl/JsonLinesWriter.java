package io.auralis.writers.jsonl;

import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.output.OutputWriter;
import io.auralis.api.output.RecordEncoder;
import io.auralis.api.output.RecordSink;
import io.auralis.writers.file.AppendOnlyFile;

import org.osgi.service.component.annotations.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code jsonl} writer: one JSON object per analysed file and line (see {@link RecordJson} for the shape),
 * encoded as a stream and appended, so that a crash leaves at most one torn last line, which a resumed run's
 * {@link #open} removes.
 */
@Component(service = OutputWriter.class)
public class JsonLinesWriter implements OutputWriter {

    /** The format name, as used in workflows and with {@code --format}. */
    public static final String FORMAT = "jsonl";

    /** Creates the writer; it holds no state. */
    public JsonLinesWriter() {
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "JSON Lines: one object per file with its duration, rate, channels, every output's features "
            + "(emotions as label, confidence and distribution) and the error, if any";
    }

    /**
     * {@inheritDoc}
     *
     * <p>When appending, a torn last line is cut off first, once the rest was found to be records.
     */
    @Override
    public RecordSink open(Path target, Map<String, OutputDescriptor> outputs, boolean append) throws IOException {
        RecordJson json = new RecordJson(outputs);
        if (append && Files.isRegularFile(target)) {
            JsonLinesRecovery.repair(target);
        }
        return AppendOnlyFile.open(target, append).sink(json);
    }

    @Override
    public Optional<RecordEncoder> encoder(Map<String, OutputDescriptor> outputs) {
        return Optional.of(new RecordJson(outputs));
    }

    @Override
    public Set<String> completed(Path target) throws IOException {
        return JsonLinesRecovery.completed(target);
    }
}
