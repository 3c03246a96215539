package io.auralis.writers.jsonl;

import io.auralis.writers.file.AppendOnlyFile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Finds the records a JSON Lines output already holds, for {@code --resume}.
 *
 * <p>Every record ends with a line feed and JSON strings never hold a raw one, so whatever follows the last line
 * feed is a record torn by a crash: it is cut off. The complete lines are then streamed, reading only the
 * {@code file} field of each, so that outputs of any size are scanned without holding a record in memory.
 */
final class JsonLinesRecovery {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final int SCAN = 64 * 1024;

    private JsonLinesRecovery() {
    }

    /**
     * Repairs a torn last line and lists the recorded files.
     *
     * @param target a JSON Lines output
     * @return the {@code file} of every complete record, in the order written; empty if the output does not exist
     * @throws IOException if the output cannot be read or repaired, or holds something other than records
     */
    static Set<String> completed(Path target) throws IOException {
        if (!Files.exists(target)) {
            return Set.of();
        }
        if (Files.isDirectory(target)) {
            throw new IOException(target + ": is a folder, not a JSON Lines output");
        }
        long size;
        long end;
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.READ)) {
            size = channel.size();
            end = endOfLastLine(channel, size);
        } catch (IOException e) {
            throw AppendOnlyFile.describe(target, e);
        }
        if (end < size) {
            AppendOnlyFile.truncate(target, end);
        }
        return recordedFiles(target);
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

    private static Set<String> recordedFiles(Path target) throws IOException {
        Set<String> files = new LinkedHashSet<>();
        try (InputStream in = Files.newInputStream(target); JsonParser p = JSON.createParser(in)) {
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
}
