package io.auralis.spark.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorStateTest {
    @Test
    void executorsRunningAtOnceGetFoldersOfTheirOwn(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("home");
        try (ExecutorState first = ExecutorState.acquire(tmp, home);
             ExecutorState second = ExecutorState.acquire(tmp, home)) {
            assertNotEquals(first.folder(), second.folder());
            assertTrue(Files.isDirectory(first.folder()));
        }
    }

    @Test
    void theNextExecutorReusesTheBundleCacheALaterOneLeft(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("home");
        Path folder;
        try (ExecutorState first = ExecutorState.acquire(tmp, home)) {
            assertFalse(first.reused());
            folder = first.folder();
            Files.createDirectories(folder.resolve("framework/bundle1"));
        }
        try (ExecutorState next = ExecutorState.acquire(tmp, home)) {
            assertEquals(folder, next.folder());
            assertTrue(next.reused());
            next.wipe();
            assertTrue(Files.isDirectory(next.folder()));
            assertFalse(Files.exists(next.folder().resolve("framework")));
        }
    }

    @Test
    void eachInstallationHasSlotsOfItsOwn(@TempDir Path tmp) throws Exception {
        try (ExecutorState a = ExecutorState.acquire(tmp, tmp.resolve("one"));
             ExecutorState b = ExecutorState.acquire(tmp, tmp.resolve("two"))) {
            assertNotEquals(a.folder().getParent(), b.folder().getParent());
        }
    }
}
