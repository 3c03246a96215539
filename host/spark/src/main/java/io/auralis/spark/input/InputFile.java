package io.auralis.spark.input;

import java.io.Serializable;
import java.util.Objects;

/**
 * One input file as the driver found it. Executors receive these, never the file's bytes: each reads its files
 * straight from the file system they live on.
 */
public final class InputFile implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String uri;
    private final long length;

    /**
     * Describes an input.
     *
     * @param name the name records carry in {@code file}: the path as the user named it, or as found under a
     *     folder the user named
     * @param uri the fully qualified, escaped URI to read ({@code file:/...}, {@code hdfs://...}, {@code s3a://...})
     * @param length the size in bytes, for progress estimates
     */
    public InputFile(String name, String uri, long length) {
        this.name = Objects.requireNonNull(name, "name");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.length = length;
    }

    /**
     * The name records carry.
     *
     * @return the name as the user would recognise it
     */
    public String name() {
        return name;
    }

    /**
     * The file's location.
     *
     * @return a fully qualified URI, escaped as {@link java.net.URI#toString()} writes it (a space is
     *     {@code %20}), so that {@link java.net.URI#create} and Hadoop's {@code Path(URI)} read it back as it was
     */
    public String uri() {
        return uri;
    }

    /**
     * The file's size.
     *
     * @return bytes
     */
    public long length() {
        return length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputFile && ((InputFile) o).uri.equals(uri) && ((InputFile) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
