package io.auralis.spark.input;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * An input file as a local {@link Path}, which is what the audio decoder reads. Local files are used where they
 * are; files on other file systems are copied to a temporary file on the executor's disk first, which
 * {@link #close()} deletes.
 */
public final class LocalCopy implements AutoCloseable {
    private final Path path;
    private final boolean temporary;

    private LocalCopy(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    /**
     * Makes an input readable as a local file.
     *
     * @param file the input
     * @param hadoop the Hadoop configuration for non-local file systems
     * @param scratch the folder for temporary copies
     * @return the local file; close it when done
     * @throws IOException if a remote file cannot be copied; the message names the file
     */
    public static LocalCopy of(InputFile file, Configuration hadoop, Path scratch) throws IOException {
        URI uri = URI.create(file.uri());
        if ("file".equals(uri.getScheme())) {
            return new LocalCopy(Paths.get(uri), false);
        }
        org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(uri);
        String name = source.getName();
        int dot = name.lastIndexOf('.');
        // Keep the extension: the decoder picks ffmpeg or the WAV reader partly by it.
        Path copy = Files.createTempFile(scratch, "input-", dot >= 0 ? name.substring(dot) : ".audio");
        // FileSystem.get caches one client per scheme and authority for the JVM: S3A and HDFS clients are costly.
        try (InputStream in = FileSystem.get(uri, hadoop).open(source)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return new LocalCopy(copy, true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw new IOException(file.name() + ": cannot copy to the executor: " + e.getMessage(), e);
        }
    }

    /**
     * The local file to decode.
     *
     * @return a readable path
     */
    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (temporary) {
            Files.deleteIfExists(path);
        }
    }
}
