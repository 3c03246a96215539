package io.auralis.ser.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestDatasetTest {

    @TempDir
    Path dir;

    private ManifestDataset manifest(String text) throws IOException {
        Path csv = Files.writeString(dir.resolve("data/manifest.csv"), text);
        return ManifestDataset.builder().setRoot(csv).setDecoder(SyntheticAudio.decoder()).build();
    }

    @Test
    void pathsAreRelativeToTheManifestAndTheHeaderIsOptional() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        SyntheticAudio.writeTone(dir.resolve("data/a/one.wav"));
        SyntheticAudio.writeTone(dir.resolve("data/a/two, with comma.wav"));
        SyntheticAudio.writeTone(dir.resolve("data/three.wav"));

        ManifestDataset withHeader = manifest("path,label,speaker\n"
            + "a/one.wav,Anger,spk1\n"
            + "\"a/two, with comma.wav\",frustrated,spk2\n"
            + "# a comment\n\n"
            + "three.wav,neutral\n");
        List<Clip> clips = withHeader.catalog();

        assertEquals(3, clips.size());
        assertEquals(new Clip("a/one.wav", dir.resolve("data/a/one.wav"), "angry", "spk1"), clips.get(0));
        assertEquals("frustrated", clips.get(1).label());
        assertEquals(dir.resolve("data/a/two, with comma.wav"), clips.get(1).file());
        assertEquals(ManifestDataset.UNKNOWN_SPEAKER, clips.get(2).speaker());
        assertEquals(List.of("angry", "neutral", "frustrated"), withHeader.classes());

        withHeader.prepare(null);
        assertEquals(3, withHeader.size());

        ManifestDataset noHeader = manifest("a/one.wav,sad\n");
        assertEquals("sad", noHeader.catalog().get(0).label());
    }

    @Test
    void aMalformedLineIsAnErrorNamingTheLine() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        IOException tooMany = assertThrows(IOException.class,
            () -> manifest("path,label\na.wav,sad\nb.wav,sad,s1,extra\n").catalog());
        assertTrue(tooMany.getMessage().endsWith("manifest.csv:3: expected path,label[,speaker], found 4 fields"),
            tooMany.getMessage());

        IOException badLabel = assertThrows(IOException.class, () -> manifest("a.wav,very sad\n").catalog());
        assertTrue(badLabel.getMessage().contains("manifest.csv:1: label 'very sad' is not a word"),
            badLabel.getMessage());

        IOException quote = assertThrows(IOException.class, () -> manifest("\"a.wav,sad\n").catalog());
        assertTrue(quote.getMessage().contains("manifest.csv:1: unclosed double quote"), quote.getMessage());
    }

    @Test
    void aMissingFileIsSkippedWithItsNameWhenDecoding() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        SyntheticAudio.writeTone(dir.resolve("data/here.wav"));
        ManifestDataset data = manifest("here.wav,sad\ngone.wav,sad\n");

        data.prepare(null);

        assertEquals(1, data.size());
        assertEquals(1, data.skipped().size());
        assertTrue(data.skipped().get(0).file().endsWith("gone.wav"), data.skipped().toString());
        assertEquals("no such file", data.skipped().get(0).problem());
    }
}
