package io.auralis.ser.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void aReplacedFileHoldsTheNewContentAndNoTemporaryFileIsLeft() throws IOException {
        Path target = dir.resolve("state.json");
        Files.writeString(target, "old");

        AtomicFile.replace(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertEquals("new", Files.readString(target));
        assertFalse(Files.exists(dir.resolve("state.json.tmp")));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndRemovesTheTemporaryOne() throws IOException {
        Path target = dir.resolve("model.json");
        Files.writeString(target, "old");

        IOException e = assertThrows(IOException.class, () -> AtomicFile.replace(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));

        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertFalse(Files.exists(dir.resolve("model.json.tmp")));
    }
}
