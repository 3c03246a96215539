package io.auralis.writers.file;

import io.auralis.api.output.FileRecord;
import io.auralis.api.output.RecordEncoder;
import io.auralis.api.output.RecordSink;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An output file that only grows, one whole record at a time.
 *
 * <p>Each {@link #append} hands the record's bytes to the operating system in one go, without a buffer in this
 * process, so a record is safe from a crash of the JVM as soon as {@code append} returns. A crash during
 * {@code append} can leave a torn record at the end of the file, which the format's recovery
 * ({@code completed()}) cuts off with {@link #truncate} before a resumed run appends. {@link #close} forces the
 * file to disk; individual records are not, which would cost a disk sync per analysed file.
 */
public final class AppendOnlyFile implements Closeable {
    /** Bytes a streamed record is written in. */
    private static final int BUFFER = 64 * 1024;

    private final Path target;
    private final FileChannel channel;

    private AppendOnlyFile(Path target, FileChannel channel) {
        this.target = target;
        this.channel = channel;
    }

    /**
     * Opens a file for appending, creating it and its folder when missing.
     *
     * @param target the file
     * @param append {@code true} to keep what the file holds, {@code false} to empty it first
     * @return the open file
     * @throws IOException if it cannot be opened; the message names the file
     */
    public static AppendOnlyFile open(Path target, boolean append) throws IOException {
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            FileChannel channel = append
                ? FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)
                : FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            return new AppendOnlyFile(target, channel);
        } catch (IOException e) {
            throw describe(target, e);
        }
    }

    /**
     * The current length of the file.
     *
     * @return bytes
     * @throws IOException if the size cannot be read
     */
    public long size() throws IOException {
        return channel.size();
    }

    /**
     * Appends one whole record that is encoded as a stream, so that a record of any size needs only a bounded
     * buffer. A record that fits the buffer ({@value #BUFFER} bytes) still reaches the operating system as one
     * write. If encoding or writing fails in any way ({@code Error}s included), the file is cut back to where the
     * record began, so that nothing of it remains, and the failure is rethrown.
     *
     * @param record the record
     * @param encoder writes the record's bytes, including its line ending
     * @throws IOException if it cannot be written; the message names the file
     */
    public void append(FileRecord record, RecordEncoder encoder) throws IOException {
        long start = channel.size();
        try {
            // Never closed: that would close the channel.
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
            encoder.encode(record, out);
            out.flush();
        } catch (Throwable t) {
            try {
                channel.truncate(start);
            } catch (IOException e) {
                t.addSuppressed(e);
            }
            if (t instanceof IOException e) {
                throw e.getMessage() != null && e.getMessage().startsWith(target + ": ") ? e : describe(target, e);
            }
            throw t;
        }
    }

    /**
     * This file as a writer's sink: each record {@linkplain #append(FileRecord, RecordEncoder) appended} whole,
     * and the file closed with the sink.
     *
     * @param encoder writes each record's bytes
     * @return the sink
     */
    public RecordSink sink(RecordEncoder encoder) {
        return new RecordSink() {
            @Override
            public void write(FileRecord record) throws IOException {
                append(record, encoder);
            }

            @Override
            public void close() throws IOException {
                AppendOnlyFile.this.close();
            }
        };
    }

    /**
     * Appends one whole record.
     *
     * @param record the bytes of the record, including its line ending
     * @throws IOException if it cannot be written; the message names the file
     */
    public void append(byte[] record) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(record);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw describe(target, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (channel.isOpen()) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw describe(target, e);
        } finally {
            channel.close();
        }
    }

    /**
     * Cuts a file back to a given length, discarding a torn record at its end.
     *
     * @param target the file
     * @param length the length to keep, at most the file's size
     * @throws IOException if the file cannot be truncated; the message names the file
     */
    public static void truncate(Path target, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
            channel.truncate(length);
            channel.force(false);
        } catch (IOException e) {
            throw describe(target, e);
        }
    }

    /**
     * Rephrases an I/O failure as one line that names the file, as the command line reports it.
     *
     * @param target the file concerned
     * @param e the failure
     * @return an exception whose message is {@code <target>: <problem>}
     */
    public static IOException describe(Path target, IOException e) {
        String problem;
        if (e instanceof NoSuchFileException) {
            problem = "no such file or folder";
        } else if (e instanceof AccessDeniedException) {
            problem = "permission denied";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            problem = fse.getReason();
        } else {
            problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        String prefix = target + ": ";
        if (problem.startsWith(prefix)) {
            return new IOException(problem, e);
        }
        return new IOException(prefix + problem, e);
    }
}
