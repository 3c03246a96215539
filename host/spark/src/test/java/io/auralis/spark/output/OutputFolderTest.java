package io.auralis.spark.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
    @Test
    void newFolderHasNoContentAndStartsAtRunOne(@TempDir Path dir) throws Exception {
        OutputFolder out = new OutputFolder(dir.resolve("out").toString(), new Configuration());
        assertFalse(out.hasContent());
        assertEquals("run-0001", out.nextRun().getName());
        assertEquals(Set.of(), out.completed());
    }

    @Test
    void completedReadsTheFileOfEveryRecordOfEveryRunIncludingInterruptedOnes(@TempDir Path dir) throws Exception {
        Path run1 = Files.createDirectories(dir.resolve("run-0001"));
        Files.writeString(run1.resolve("part-00000"),
            "{\"file\":\"a.wav\",\"duration\":1.0,\"outputs\":{\"x\":[{\"file\":\"nested\"}]},\"error\":null}\n"
                + "{\"outputs\":{},\"file\":\"b.wav\",\"error\":\"b.wav: not audio\"}\n");
        Files.writeString(run1.resolve("_SUCCESS"), "");
        // No _SUCCESS: a run that was interrupted after this task committed.
        Path run7 = Files.createDirectories(dir.resolve("run-0007"));
        Files.writeString(run7.resolve("part-00003"), "{\"file\":\"c.wav\"}\n\n");
        Files.createDirectories(run7.resolve("_temporary/0"));
        Files.writeString(run7.resolve("_temporary/0/part-00004"), "{\"file\":\"uncommitted.wav\"}\n");

        OutputFolder out = new OutputFolder(dir.toString(), new Configuration());

        assertTrue(out.hasContent());
        assertEquals(Set.of("a.wav", "b.wav", "c.wav"), out.completed());
        assertEquals("run-0008", out.nextRun().getName());
    }

    @Test
    void fileOfIgnoresLinesThatAreNotRecords() throws Exception {
        assertNull(OutputFolder.fileOf("[1,2]"));
        assertNull(OutputFolder.fileOf("{\"duration\":1}"));
        assertEquals("x y.wav", OutputFolder.fileOf("{\"file\":\"x y.wav\"}"));
    }
}
