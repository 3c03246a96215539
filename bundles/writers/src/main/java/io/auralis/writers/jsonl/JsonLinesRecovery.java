package io.auralis.writers.jsonl;

import io.auralis.writers.file.AppendOnlyFile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Finds the records a JSON Lines output already holds, for {@code --resume}, and repairs a record torn by a crash.
 *
 * <p>Every record ends with a line feed and JSON strings never hold a raw one, so whatever follows the last line
 * feed is a record torn by a crash. The complete lines are streamed, reading only the {@code file} field of each,
 * so that outputs of any size are scanned without holding a record in memory. Nothing is changed until the whole
 * file was found to be records: {@link #completed} only reads, and {@link #repair} cuts off a torn last line only
 * when it looks like the start of a record, so a file that was never an output is refused, never cut.
 */
final class JsonLinesRecovery {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final int SCAN = 64 * 1024;
    /** How every record starts ({@link RecordJson} writes {@code file} first). */
    private static final byte[] RECORD_START = "{\"file\":".getBytes(StandardCharsets.US_ASCII);

    /** What an existing output holds: its complete records and where the last one ends. */
    private record Scan(Set<String> files, long end, long size) {
    }

    private JsonLinesRecovery() {
    }

    /**
     * Lists the recorded files; changes nothing.
     *
     * @param target a JSON Lines output
     * @return the {@code file} of every complete record, in the order written; empty if the output does not exist
     * @throws IOException if the output cannot be read, or holds something other than records
     */
    static Set<String> completed(Path target) throws IOException {
        return Files.exists(target) ? scan(target).files() : Set.of();
    }

    /**
     * Cuts off a torn last line, after checking that everything before it is records.
     *
     * @param target an existing JSON Lines output
     * @throws IOException if the output cannot be read or repaired, or holds something other than records
     */
    static void repair(Path target) throws IOException {
        Scan scan = scan(target);
        if (scan.end() < scan.size()) {
            AppendOnlyFile.truncate(target, scan.end());
        }
    }

    private static Scan scan(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IOException(target + ": is a folder, not a JSON Lines output");
        }
        long size;
        long end;
        byte[] tail;
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.READ)) {
            size = channel.size();
            end = endOfLastLine(channel, size);
            tail = new byte[(int) Math.min(RECORD_START.length, size - end)];
            channel.read(ByteBuffer.wrap(tail), end);
        } catch (IOException e) {
            throw AppendOnlyFile.describe(target, e);
        }
        Set<String> files = recordedFiles(target, end);
        if (!startsLikeARecord(tail)) {
            throw new IOException(target + ": line " + (files.size() + 1) + " is not an Auralis record and has no "
                + "line end; cannot resume from it");
        }
        return new Scan(files, end, size);
    }

    /** Whether the bytes after the last line feed could be the start of a record torn by a crash. */
    private static boolean startsLikeARecord(byte[] tail) {
        for (int i = 0; i < tail.length; i++) {
            if (tail[i] != RECORD_START[i]) {
                return false;
            }
        }
        return true;
    }

    /** The offset just past the last line feed, or 0 when there is none. */
    private static long endOfLastLine(FileChannel channel, long size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(SCAN);
        long to = size;
        while (to > 0) {
            long from = Math.max(0, to - SCAN);
            buffer.clear().limit((int) (to - from));
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, from + buffer.position()) < 0) {
                    throw new IOException("file shrank while being read");
                }
            }
            for (int i = (int) (to - from) - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            to = from;
        }
        return 0;
    }

    private static Set<String> recordedFiles(Path target, long end) throws IOException {
        Set<String> files = new LinkedHashSet<>();
        try (InputStream in = new Prefix(Files.newInputStream(target), end);
                JsonParser p = JSON.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                long line = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    throw new IOException(target + ": line " + line + " is not an Auralis record (a JSON object)");
                }
                String file = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if ("file".equals(name) && value == JsonToken.VALUE_STRING) {
                        file = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
                if (file == null) {
                    throw new IOException(target + ": line " + line + " has no \"file\": not an Auralis record");
                }
                files.add(file);
            }
        } catch (JsonProcessingException e) {
            throw new IOException(target + ": line " + e.getLocation().getLineNr() + " is not valid JSON ("
                + e.getOriginalMessage().lines().findFirst().orElse("") + "); cannot resume from it", e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(target + ": ")) {
                throw e;
            }
            throw AppendOnlyFile.describe(target, e);
        }
        return files;
    }

    /** The first bytes of a stream: the complete lines, without a torn last one. */
    private static final class Prefix extends FilterInputStream {
        private long left;

        Prefix(InputStream in, long length) {
            super(in);
            left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            left -= b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            left -= Math.max(0, n);
            return n;
        }
    }
}
