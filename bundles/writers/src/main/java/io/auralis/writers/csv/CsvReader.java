package io.auralis.writers.csv;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 rows back, keeping track of the byte offset after the last complete row, so that a row torn by a
 * crash can be cut off. Works on bytes: the delimiters are ASCII, which never occurs inside a multi-byte UTF-8
 * sequence, so fields are decoded only once they are complete. Accepts CRLF and LF row endings. Fields come back
 * as they were before {@link CsvText} neutralised them as formulas.
 */
final class CsvReader implements Closeable {
    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long consumed;
    private long end;
    private boolean torn;

    /**
     * Reads from a stream.
     *
     * @param in the stream, closed with this reader
     */
    CsvReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the next complete row.
     *
     * @return its fields, or {@code null} at the end of the input; when the input ends inside a row, that row is
     *     not returned and {@link #torn()} becomes {@code true}
     * @throws IOException if reading fails
     */
    List<String> next() throws IOException {
        List<String> fields = new ArrayList<>();
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        boolean quoted = false;
        boolean started = false;
        while (true) {
            int b = read();
            if (b < 0) {
                torn = started;
                return null;
            }
            started = true;
            if (quoted) {
                if (b == '"') {
                    if (peek() == '"') {
                        read();
                        field.write('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    field.write(b);
                }
            } else if (b == '"' && field.size() == 0) {
                quoted = true;
            } else if (b == ',') {
                fields.add(CsvText.restore(field.toString(StandardCharsets.UTF_8)));
                field.reset();
            } else if (b == '\r' && peek() == '\n') {
                // The CR of a CRLF: the LF ends the row.
                continue;
            } else if (b == '\n') {
                fields.add(CsvText.restore(field.toString(StandardCharsets.UTF_8)));
                end = consumed;
                return fields;
            } else {
                field.write(b);
            }
        }
    }

    /**
     * The byte offset just past the last complete row returned by {@link #next()}.
     *
     * @return bytes from the start of the input
     */
    long end() {
        return end;
    }

    /**
     * Whether the input ended inside a row.
     *
     * @return {@code true} after {@link #next()} met a torn last row
     */
    boolean torn() {
        return torn;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        consumed++;
        return buffer[position++] & 0xff;
    }

    private int peek() throws IOException {
        return fill() ? buffer[position] & 0xff : -1;
    }

    private boolean fill() throws IOException {
        while (position >= limit) {
            int n = in.read(buffer);
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
        }
        return true;
    }
}
