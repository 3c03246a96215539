package io.auralis.writers.jsonl;

import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.output.FileRecord;
import io.auralis.api.output.OutputWriter;
import io.auralis.api.output.RecordSink;
import io.auralis.writers.file.AppendOnlyFile;

import org.osgi.service.component.annotations.Component;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The {@code jsonl} writer: one JSON object per analysed file and line (see {@link RecordJson} for the shape),
 * appended and handed to the operating system as one write, so that a crash leaves at most one torn last line,
 * which {@link #completed} removes.
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

    @Override
    public RecordSink open(Path target, Map<String, OutputDescriptor> outputs, boolean append) throws IOException {
        RecordJson json = new RecordJson(outputs);
        AppendOnlyFile file = AppendOnlyFile.open(target, append);
        return new RecordSink() {
            @Override
            public void write(FileRecord record) throws IOException {
                file.append(json.encode(record));
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
    }

    @Override
    public Set<String> completed(Path target) throws IOException {
        return JsonLinesRecovery.completed(target);
    }
}
