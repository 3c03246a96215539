package io.auralis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.output.RecordSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash, {@code --resume} and appending: records already written survive, a torn last entry is cut off, and the
 * finished report holds every file once.
 */
class ResumeTest {
    private final HtmlReportWriter writer = new HtmlReportWriter();

    @TempDir
    Path dir;

    @Test
    void resumedRunAfterACrashHasEveryFileOnce() throws IOException {
        Path target = dir.resolve("report.html");
        Path parts = dir.resolve("report.html.parts");
        RecordSink crashed = writer.open(target, Records.outputs(), false);
        crashed.write(Records.speech("a.wav", 10, 1, "happy"));
        crashed.write(Records.speech("b.wav", 10, 2, "sad"));
        // The process dies while writing the next entry: part of it reached the file, and close never runs.
        long intact = Files.size(parts);
        Files.write(parts, new byte[] {0x41, 0x52, 0x45, 0x31, 0, 0, 1}, StandardOpenOption.APPEND);
        assertFalse(Files.exists(target), "report written before the run ended");

        assertEquals(Set.of("a.wav", "b.wav"), writer.completed(target));
        assertEquals(intact, Files.size(parts), "torn entry not cut off");

        try (RecordSink resumed = writer.open(target, Records.outputs(), true)) {
            resumed.write(Records.speech("c.wav", 10, 3, "angry"));
        }
        String html = Files.readString(target);
        assertEquals(List.of("a.wav", "b.wav", "c.wav"), Pages.sections(html));
        assertTrue(html.contains("<b>3</b><span>files analysed</span>"), "overview counts every file");
        assertEquals(3, Pages.svgs(html).size() - 2, "one timeline per file");
        assertFalse(Files.exists(parts), "parts file left behind");
        assertEquals(Set.of("a.wav", "b.wav", "c.wav"), writer.completed(target));
    }

    @Test
    void appendingToAFinishedReportKeepsItsFiles() throws IOException {
        Path target = dir.resolve("report.html");
        try (RecordSink first = writer.open(target, Records.outputs(), false)) {
            first.write(Records.speech("a.wav", 10, 1, "happy"));
            first.write(Records.failed("b.wav", "b.wav: not a WAV file"));
        }
        assertEquals(Set.of("a.wav", "b.wav"), writer.completed(target));

        try (RecordSink second = writer.open(target, Records.outputs(), true)) {
            second.write(Records.speech("c.wav", 10, 3, "calm"));
        }
        String html = Files.readString(target);
        assertEquals(List.of("a.wav", "b.wav", "c.wav"), Pages.sections(html));
        assertTrue(html.contains("b.wav: not a WAV file"), "error of the earlier run");
        assertTrue(html.contains("<a href=\"#file-3\">c.wav</a>"), "new file continues the numbering");
    }

    @Test
    void crashWhileAppendingLosesNothingOfTheEarlierReport() throws IOException {
        Path target = dir.resolve("report.html");
        try (RecordSink first = writer.open(target, Records.outputs(), false)) {
            first.write(Records.speech("a.wav", 10, 1, "happy"));
        }
        RecordSink crashed = writer.open(target, Records.outputs(), true);
        crashed.write(Records.speech("b.wav", 10, 2, "sad"));
        // No close: the parts file now holds a.wav (copied from the report) and b.wav.
        assertEquals(Set.of("a.wav", "b.wav"), writer.completed(target));
        try (RecordSink resumed = writer.open(target, Records.outputs(), true)) {
            resumed.write(Records.speech("c.wav", 10, 3, "angry"));
        }
        assertEquals(List.of("a.wav", "b.wav", "c.wav"), Pages.sections(Files.readString(target)));
    }

    @Test
    void fileRecordedAgainAppearsOnceAsRecordedLast() throws IOException {
        Path target = dir.resolve("report.html");
        try (RecordSink first = writer.open(target, Records.outputs(), false)) {
            first.write(Records.failed("a.wav", "a.wav: truncated"));
            first.write(Records.speech("b.wav", 10, 2, "sad"));
        }
        try (RecordSink again = writer.open(target, Records.outputs(), true)) {
            again.write(Records.speech("a.wav", 10, 1, "happy"));
        }
        String html = Files.readString(target);
        assertEquals(List.of("b.wav", "a.wav"), Pages.sections(html));
        assertFalse(html.contains("a.wav: truncated"), "superseded record still shown");
        assertTrue(html.contains("<b>0</b><span>files failed</span>"), "overview counts the superseded failure");
    }

    @Test
    void runWithoutAppendReplacesTheEarlierReportOnlyWhenItEnds() throws IOException {
        Path target = dir.resolve("report.html");
        try (RecordSink first = writer.open(target, Records.outputs(), false)) {
            first.write(Records.speech("old.wav", 10, 1, "happy"));
        }
        RecordSink second = writer.open(target, Records.outputs(), false);
        second.write(Records.speech("new.wav", 10, 2, "sad"));
        assertEquals(List.of("old.wav"), Pages.sections(Files.readString(target)), "replaced before the end");
        assertEquals(Set.of("new.wav"), writer.completed(target), "resume must continue the new run");
        second.close();
        assertEquals(List.of("new.wav"), Pages.sections(Files.readString(target)));
    }

    @Test
    void completedOfAMissingReportIsEmpty() throws IOException {
        assertEquals(Set.of(), writer.completed(dir.resolve("none.html")));
    }

    @Test
    void refusesToAppendToAPageItDidNotWrite() throws IOException {
        Path foreign = dir.resolve("index.html");
        Files.writeString(foreign, "<!DOCTYPE html>\n<html><head><title>x</title></head>\n<body>hello</body></html>\n");
        IOException e = assertThrows(IOException.class, () -> writer.completed(foreign));
        assertTrue(e.getMessage().contains(foreign.toString()) && e.getMessage().contains("not an HTML report"),
            e.getMessage());
        assertThrows(IOException.class, () -> writer.open(foreign, Records.outputs(), true));
        assertTrue(Files.readString(foreign).contains("hello"), "foreign page changed");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("index.html"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
