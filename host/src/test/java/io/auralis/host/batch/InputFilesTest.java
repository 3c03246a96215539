package io.auralis.host.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.command.InputFile;
import io.auralis.api.command.InputFiles;
import io.auralis.api.command.UsageException;
import io.auralis.testkit.UnsearchableFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class InputFilesTest {
    @TempDir
    Path cwd;

    private void touch(String... names) throws Exception {
        for (String n : names) {
            Path p = cwd.resolve(n);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
        }
    }

    private List<String> names(String... args) throws Exception {
        return InputFiles.collect(List.of(args), cwd, w -> { }).stream().map(InputFile::name).toList();
    }

    @Test
    void foldersAreSearchedRecursivelyForAudioExtensionsInSortedOrder() throws Exception {
        touch("data/b.wav", "data/a.MP3", "data/sub/c.flac", "data/notes.txt", "data/sub/d.opus", "data/e.aiff",
            "data/f.ogg", "data/g.m4a", "data/h.aac", "data/i.au", "data/j.aif");
        assertEquals(List.of("data/a.MP3", "data/b.wav", "data/e.aiff", "data/f.ogg", "data/g.m4a", "data/h.aac",
            "data/i.au", "data/j.aif", "data/sub/c.flac", "data/sub/d.opus"), names("data"));
    }

    @Test
    void hiddenFilesAndFoldersAreSkipped() throws Exception {
        touch("data/a.wav", "data/._a.wav", "data/.cache/b.wav");
        assertEquals(List.of("data/a.wav"), names("data/"));
    }

    @Test
    void filesNamedExplicitlyAreTakenWhateverTheirExtensionAndKeepTheirOrder() throws Exception {
        touch("z.wav", "notes.txt", "data/a.wav");
        assertEquals(List.of("z.wav", "notes.txt", "data/a.wav"), names("z.wav", "notes.txt", "data"));
    }

    @Test
    void aFileReachedTwiceIsAnalysedOnce() throws Exception {
        touch("data/a.wav", "data/b.wav");
        assertEquals(List.of("data/a.wav", "data/b.wav"), names("data/a.wav", "data", "./data/b.wav"));
    }

    @Test
    void recordsNameFilesUnderTheFolderAsTheUserWroteIt() throws Exception {
        touch("data/sub/a.wav");
        assertEquals(List.of("data/sub/a.wav"), names("."));
        assertEquals(List.of("data/sub/a.wav"), names("data/./"));
        List<InputFile> files = InputFiles.collect(List.of("data"), cwd, w -> { });
        assertEquals(cwd.resolve("data/sub/a.wav"), files.get(0).path());
    }

    @Test
    void aMissingInputIsOneLineNamingItBeforeAnyFolderIsSearched() throws Exception {
        UsageException e = assertThrows(UsageException.class, () -> names("nope.wav"));
        assertEquals("nope.wav: no such file", e.getMessage());

        touch("data/a.wav");
        Files.createSymbolicLink(cwd.resolve("data/loop"), cwd.resolve("data"));
        List<String> warnings = new ArrayList<>();
        e = assertThrows(UsageException.class, () -> InputFiles.collect(List.of("data", "gone.wav"), cwd,
            warnings::add));
        assertEquals("gone.wav: no such file", e.getMessage());
        assertEquals(List.of(), warnings, "nothing searched, so nothing to warn about");
    }

    @Test
    void argumentsWithoutAnyAudioFileAreOneLineNamingThemAndTheExtensionsLookedFor() throws Exception {
        touch("silent/notes.txt", "other/.hidden.wav");
        UsageException e = assertThrows(UsageException.class, () -> names("silent", "other"));
        assertEquals("no audio files in silent, other (looked for aac, aif, aiff, au, flac, m4a, mp3, ogg, opus, "
            + "wav)", e.getMessage());
    }

    @Test
    void aLinkBackIntoAnEnclosingFolderIsReportedNotFollowedForever() throws Exception {
        touch("data/a.wav");
        Files.createSymbolicLink(cwd.resolve("data/loop"), cwd.resolve("data"));
        List<String> warnings = new ArrayList<>();
        List<InputFile> files = InputFiles.collect(List.of("data"), cwd, warnings::add);
        assertEquals(List.of("data/a.wav"), files.stream().map(InputFile::name).toList());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("data/loop: "), warnings.get(0));
    }

    @Test
    void aFolderThatCannotBeSearchedIsAnInputWithItsProblemNotAWarning() throws Exception {
        touch("data/a.wav", "data/z.wav");
        String deep = UnsearchableFolder.create(cwd.resolve("data"));
        try {
            List<String> warnings = new ArrayList<>();
            List<InputFile> files = InputFiles.collect(List.of("data"), cwd, warnings::add);
            assertEquals(List.of(), warnings);
            assertEquals(3, files.size(), files.toString());
            assertEquals(List.of("data/a.wav", "data/z.wav"),
                files.stream().filter(f -> f.problem() == null).map(InputFile::name).toList());
            InputFile failed = files.stream().filter(f -> f.problem() != null).findFirst().orElseThrow();
            assertTrue(failed.name().startsWith("data/" + deep), failed.name());
            assertEquals("cannot be searched: File name too long", failed.problem());
        } finally {
            UnsearchableFolder.delete(cwd.resolve("data"));
        }
    }
}
