package io.auralis.spark.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The output folder of distributed runs: one subfolder per run ({@code run-0001}, {@code run-0002}, ...), each
 * holding the {@code part-NNNNN} files Spark's output committer wrote, one JSONL record per line.
 *
 * <p>A part file appears only when the task that wrote it committed, so every part file, even in the folder of
 * a run that was interrupted, holds complete records of distinct inputs. {@code --resume} reads them all and
 * starts a new run folder beside them for the rest.
 */
public final class OutputFolder {
    private static final Pattern RUN = Pattern.compile("run-(\\d+)");
    private static final JsonFactory JSON = new JsonFactory();

    private final Path folder;
    private final FileSystem fs;

    /**
     * Opens an output folder, which need not exist yet.
     *
     * @param folder the folder, as the user named it (any Hadoop file system)
     * @param hadoop the Hadoop configuration
     * @throws IOException if its file system cannot be reached
     */
    public OutputFolder(String folder, Configuration hadoop) throws IOException {
        Path path = new Path(folder);
        this.fs = path.getFileSystem(hadoop);
        this.folder = fs.makeQualified(path);
    }

    /**
     * Whether the folder already holds the output of earlier runs (or anything else).
     *
     * @return {@code true} if it exists and is not empty
     * @throws IOException if it cannot be listed
     */
    public boolean hasContent() throws IOException {
        return fs.exists(folder) && (fs.isFile(folder) || fs.listStatus(folder).length > 0);
    }

    /**
     * Whether the path exists and is a file, which can never be an output folder.
     *
     * @return {@code true} for a plain file
     * @throws IOException if it cannot be checked
     */
    public boolean isFile() throws IOException {
        return fs.exists(folder) && fs.isFile(folder);
    }

    /**
     * The folder for a new run: one past the highest run number present.
     *
     * @return a folder that does not exist yet
     * @throws IOException if the output folder cannot be listed
     */
    public Path nextRun() throws IOException {
        int last = 0;
        for (FileStatus run : runs()) {
            Matcher m = RUN.matcher(run.getPath().getName());
            if (m.matches()) {
                last = Math.max(last, Integer.parseInt(m.group(1)));
            }
        }
        return new Path(folder, String.format("run-%04d", last + 1));
    }

    /**
     * The inputs recorded by earlier runs, for {@code --resume}.
     *
     * @return the {@code file} of every record in every part file of every run
     * @throws IOException if a part file cannot be read
     */
    public Set<String> completed() throws IOException {
        Set<String> files = new HashSet<>();
        for (FileStatus run : runs()) {
            for (FileStatus part : fs.listStatus(run.getPath(), p -> p.getName().startsWith("part-"))) {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(fs.open(part.getPath()), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        String file = fileOf(line);
                        if (file != null) {
                            files.add(file);
                        }
                    }
                }
            }
        }
        return files;
    }

    /**
     * The qualified folder.
     *
     * @return the folder's path
     */
    public Path path() {
        return folder;
    }

    private List<FileStatus> runs() throws IOException {
        List<FileStatus> runs = new ArrayList<>();
        if (!fs.exists(folder)) {
            return runs;
        }
        for (FileStatus status : fs.listStatus(folder)) {
            if (status.isDirectory() && RUN.matcher(status.getPath().getName()).matches()) {
                runs.add(status);
            }
        }
        return runs;
    }

    /** The top-level {@code file} field of a record, read without building the whole tree. */
    static String fileOf(String line) throws IOException {
        if (line.isBlank()) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("file".equals(field)) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        }
    }
}
