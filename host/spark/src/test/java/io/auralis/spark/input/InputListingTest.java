package io.auralis.spark.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputListingTest {
    private final InputListing listing = new InputListing(new Configuration(), Paths.get("").toAbsolutePath(),
        name -> name.endsWith(".wav"));

    @Test
    void folderYieldsItsAudioFilesInPathOrderNamedUnderTheFolder(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus/b"));
        write(corpus.resolve("z.wav"), 3);
        write(dir.resolve("corpus/a.wav"), 5);
        write(dir.resolve("corpus/notes.txt"), 1);
        write(dir.resolve("corpus/.hidden.wav"), 1);
        Files.createDirectories(dir.resolve("corpus/.cache"));
        write(dir.resolve("corpus/.cache/part.wav"), 1);

        List<InputFile> files = listing.list(List.of(dir.resolve("corpus") + "/"));

        assertEquals(List.of(dir + "/corpus/a.wav", dir + "/corpus/b/z.wav"), names(files));
        assertEquals(5, files.get(0).length());
        assertEquals(dir.resolve("corpus/a.wav").toUri().getPath(), java.net.URI.create(files.get(0).uri()).getPath());
        assertTrue(files.get(0).uri().startsWith("file:"));
    }

    @Test
    void explicitFileIsTakenWhateverItsExtension(@TempDir Path dir) throws Exception {
        write(dir.resolve("clip.ogg"), 2);
        assertEquals(List.of(dir + "/clip.ogg"), names(listing.list(List.of(dir + "/clip.ogg"))));
    }

    @Test
    void globMatchesFilesAndFoldersOnce(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("s1"));
        Files.createDirectories(dir.resolve("s2"));
        write(dir.resolve("s1/a.wav"), 1);
        write(dir.resolve("s2/b.wav"), 1);
        write(dir.resolve("s2/c.mp3"), 1);

        List<InputFile> files = listing.list(List.of(dir + "/s*", dir + "/s1/a.wav"));

        assertEquals(List.of(dir + "/s1/a.wav", dir + "/s2/b.wav"), names(files));
    }

    @Test
    void relativeArgumentsResolveAgainstTheWorkingDirectoryAndKeepTheirSpelling(@TempDir Path cwd) throws Exception {
        Path dir = Files.createDirectories(cwd.resolve("sets/rel"));
        write(dir.resolve("x.wav"), 1);
        InputListing inCwd = new InputListing(new Configuration(), cwd, name -> name.endsWith(".wav"));

        assertEquals(List.of("sets/rel/x.wav"), names(inCwd.list(List.of("./sets/rel/"))));
        assertEquals(List.of("./sets/rel/x.wav"), names(inCwd.list(List.of("./sets/rel/x.wav"))));
        assertEquals(List.of("sets/rel/x.wav"), names(inCwd.list(List.of("sets/*/"))));
        assertEquals(List.of("sets/rel/x.wav"), names(inCwd.list(List.of("s*s/rel/x.wav"))));
    }

    @Test
    void namesWithSpacesAreNamedAsTheyAreAndReadThroughEscapedUris(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("speech set data/OAF Fear"));
        write(folder.resolve("back fear.wav"), 3);

        List<InputFile> files = listing.list(List.of(dir + "/speech set data"));

        assertEquals(List.of(dir + "/speech set data/OAF Fear/back fear.wav"), names(files));
        assertEquals(folder.resolve("back fear.wav"), Paths.get(java.net.URI.create(files.get(0).uri())));
    }

    @Test
    void fileWhoseNameLooksLikeAGlobIsTakenLiterally(@TempDir Path dir) throws Exception {
        write(dir.resolve("take[1].wav"), 2);
        assertEquals(List.of(dir + "/take[1].wav"), names(listing.list(List.of(dir + "/take[1].wav"))));
    }

    @Test
    void unknownSchemeSaysWhichFileSystemIsMissing() {
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
            () -> listing.list(List.of("nosuchfs://bucket/calls/")));
        assertTrue(e.getMessage().startsWith("nosuchfs://bucket/calls/: no file system for 'nosuchfs:' on the class"
            + " path"), e.getMessage());
    }

    @Test
    void schemeWhoseConfiguredClassIsAbsentSaysWhichFileSystemIsMissing() {
        // As s3a: is with Spark's Hadoop defaults (fs.s3a.impl) but without hadoop-aws on the class path.
        Configuration hadoop = new Configuration();
        hadoop.set("fs.absentfs.impl", "org.example.AbsentFileSystem");
        InputListing absent = new InputListing(hadoop, Paths.get("").toAbsolutePath(), name -> true);

        FileNotFoundException e = assertThrows(FileNotFoundException.class,
            () -> absent.list(List.of("absentfs://bucket/calls/")));

        assertTrue(e.getMessage().startsWith("absentfs://bucket/calls/: no file system for 'absentfs:' on the class"
            + " path"), e.getMessage());
    }

    @Test
    void missingArgumentIsOneLineNamingIt(@TempDir Path dir) {
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
            () -> listing.list(List.of(dir + "/nothing-here")));
        assertEquals(dir + "/nothing-here: no such file", e.getMessage());
    }

    private static List<String> names(List<InputFile> files) {
        return files.stream().map(InputFile::name).collect(Collectors.toList());
    }

    private static void write(Path file, int bytes) throws Exception {
        Files.write(file, new byte[bytes]);
    }
}
