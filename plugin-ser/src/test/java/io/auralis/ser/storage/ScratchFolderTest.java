package io.auralis.ser.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ScratchFolderTest {

    @Test
    void closingAScratchFolderDeletesItWithEverythingInIt() throws IOException {
        Path path;
        try (ScratchFolder scratch = ScratchFolder.create("auralis-test")) {
            path = scratch.path();
            Files.createDirectories(path.resolve("cnn3gru/inner"));
            Files.writeString(path.resolve("cnn3gru/inner/weights.params"), "w");
            assertTrue(Files.isDirectory(path));
        }
        assertFalse(Files.exists(path));
    }
}
