package io.auralis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class CorporaTest {
    @TempDir
    Path data;
    private String before;

    @BeforeEach
    void pointTheKitAtATemporaryDataFolder() {
        before = System.getProperty("auralis.data");
        System.setProperty("auralis.data", data.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("auralis.data");
        } else {
            System.setProperty("auralis.data", before);
        }
    }

    private Path file(String path) throws IOException {
        Path f = data.resolve(path);
        Files.createDirectories(f.getParent());
        return Files.write(f, new byte[] {1});
    }

    @Test
    void theDataFolderIsTheOneTheAuralisDataPropertyNames() {
        assertEquals(data, Corpora.dataFolder());
    }

    @Test
    void anAbsentCorpusSkipsTheTestAndSaysWhereItLooked() {
        TestAbortedException e = assertThrows(TestAbortedException.class, () -> Corpora.require("emodb"));
        assertTrue(e.getMessage().contains("real corpus not present: " + data.resolve("emodb")), e.getMessage());
    }

    @Test
    void aPresentCorpusIsFoundAndItsWavFilesListedSortedFromEveryFolderAndOnlyThem() throws IOException {
        Path b = file("tess/b/2.wav");
        Path a = file("tess/a/1.wav");
        Path c = file("tess/c.wav");
        file("tess/notes.txt");
        file("tess/a/1.flac");
        assertEquals(data.resolve("tess"), Corpora.require("tess"));
        assertEquals(List.of(a, b, c), Corpora.wavFiles("tess"));
    }

    @Test
    void aCorpusWithoutWavFilesSkipsTheTest() throws IOException {
        file("empty/readme.txt");
        TestAbortedException e = assertThrows(TestAbortedException.class, () -> Corpora.wavFiles("empty"));
        assertTrue(e.getMessage().contains("no WAV files in " + data.resolve("empty")), e.getMessage());
    }

    @Test
    void aSampleIsSpreadEvenlyOverTheSortedFilesAndNeverMoreThanThereAre() throws IOException {
        for (int i = 0; i < 10; i++) {
            file("ravdess/" + i + ".wav");
        }
        List<Path> all = Corpora.wavFiles("ravdess");
        assertEquals(List.of(all.get(0), all.get(2), all.get(5), all.get(7)), Corpora.sample("ravdess", 4));
        assertEquals(all, Corpora.sample("ravdess", 25));
    }
}
