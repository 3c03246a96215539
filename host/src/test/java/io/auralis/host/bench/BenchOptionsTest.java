package io.auralis.host.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchOptionsTest {
    @TempDir
    Path tmp;

    private String error(String corpus, String models) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> BenchOptions.of(corpus, models, false, false, false, tmp));
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void theCorpusMustBeAnExistingFolderAndResolvesAgainstTheWorkingDirectory() throws Exception {
        Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(tmp.resolve("a.wav"), "x");
        assertEquals(tmp.resolve("corpus"), BenchOptions.of("corpus", null, false, false, false, tmp).corpus());
        assertEquals("--corpus missing: no such folder", error("missing", null));
        assertEquals("--corpus a.wav: not a folder", error("a.wav", null));
        assertEquals("--corpus needs a folder", error(" ", null));
    }

    @Test
    void modelsAreInstalledNamesNotPaths() {
        assertTrue(error(null, "./my-model").contains("'./my-model' is not a model name"));
        assertEquals("--models needs a comma-separated list of model names", error(null, " , "));
        BenchOptions o = BenchOptions.of(null, "cnn18gru-tess, default,cnn18gru-tess", false, false, false, tmp);
        assertEquals(List.of("cnn18gru-tess", "default"), o.models());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> o.modelsFrom(List.of("cnn18gru-tess")));
        assertEquals("--models: 'default' is not installed (installed: cnn18gru-tess)", e.getMessage());
    }

    @Test
    void withoutModelsEveryInstalledOneIsMeasuredDefaultFirstAndQuickTakesOnlyTheFirst() {
        List<String> installed = List.of("a-model", "default", "z-model");
        assertEquals(List.of("default", "a-model", "z-model"),
            BenchOptions.of(null, null, false, false, false, tmp).modelsFrom(installed));
        assertEquals(List.of("default"), BenchOptions.of(null, null, false, false, true, tmp).modelsFrom(installed));
        assertThrows(IllegalArgumentException.class,
            () -> BenchOptions.of(null, null, false, false, false, tmp).modelsFrom(List.of()));
    }

    @Test
    void quickRunsAreShortEverywhere() {
        BenchOptions quick = BenchOptions.of(null, null, true, false, true, tmp);
        BenchOptions full = BenchOptions.of(null, null, true, false, false, tmp);
        assertEquals(List.of(60.0, 3600.0), full.recordingSeconds(), "1 minute against 1 hour");
        assertTrue(quick.recordingSeconds().get(1) <= 60);
        assertEquals(List.of("--json"), full.serBenchArguments());
        assertTrue(quick.serBenchArguments().containsAll(List.of("--arch", "cnn3gru", "--json")));
    }
}
