package io.auralis.spark.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import io.auralis.spark.fixtures.RemoteFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCopyTest {
    @Test
    void localFileIsUsedInPlaceAndKept(@TempDir Path dir) throws Exception {
        Path audio = Files.write(dir.resolve("a.wav"), new byte[] {1, 2, 3});
        try (LocalCopy copy = LocalCopy.of(new InputFile("a.wav", audio.toUri().toString(), 3), new Configuration(),
                dir)) {
            assertEquals(audio, copy.path());
        }
        assertTrue(Files.exists(audio));
    }

    @Test
    void remoteFileIsCopiedWithItsExtensionAndDeletedAfter(@TempDir Path dir) throws Exception {
        Path audio = Files.write(Files.createDirectories(dir.resolve("calls of may")).resolve("a b.flac"),
            new byte[] {4, 5, 6});
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        Path local;
        String uri = "remote://" + audio.toUri().getRawPath();
        try (LocalCopy copy = LocalCopy.of(new InputFile("remote:" + audio, uri, 3), remote(), scratch)) {
            local = copy.path();
            assertNotEquals(audio, local);
            assertTrue(local.startsWith(scratch));
            assertTrue(local.getFileName().toString().endsWith(".flac"));
            assertArrayEquals(new byte[] {4, 5, 6}, Files.readAllBytes(local));
        }
        assertFalse(Files.exists(local));
    }

    @Test
    void missingRemoteFileNamesTheFileAndLeavesNoCopy(@TempDir Path dir) throws Exception {
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        IOException e = assertThrows(IOException.class, () -> LocalCopy.of(
            new InputFile("remote:/gone.wav", "remote://" + dir + "/gone.wav", 0), remote(), scratch));
        assertTrue(e.getMessage().startsWith("remote:/gone.wav: cannot copy to the executor: "), e.getMessage());
        try (var left = Files.list(scratch)) {
            assertEquals(0, left.count());
        }
    }

    private static Configuration remote() {
        Configuration conf = new Configuration();
        conf.set("fs.remote.impl", RemoteFileSystem.class.getName());
        conf.setBoolean("fs.remote.impl.disable.cache", true);
        return conf;
    }
}
