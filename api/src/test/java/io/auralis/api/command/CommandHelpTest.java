package io.auralis.api.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandHelpTest {

    @Test
    void helpHasTheUsageHeaderAlignedSynopsisBlankLinesBetweenBlocksAndOptionsNamedThePlatformsWay() {
        String text = new CommandHelp("auralis thing [options] <file>...", "auralis thing --list")
            .paragraph("Does the thing.")
            .option("w", "workflow", "FILE|NAME", "the workflow")
            .option(null, "resume", null, "go on")
            .option("h", "help", null, "show this help")
            .paragraph("Exit codes: 0 ok.")
            .text();
        assertEquals("""
            Usage: auralis thing [options] <file>...
                   auralis thing --list

            Does the thing.

            Options:
              -w, --workflow FILE|NAME  the workflow
                  --resume              go on
              -h, --help                show this help

            Exit codes: 0 ok.
            """, text);
    }

    @Test
    void longDescriptionsWrapUnderTheirColumnAndLongParagraphLinesKeepTheirIndentWithinTheWidth() {
        String words = "word ".repeat(60).strip();
        String text = new CommandHelp("auralis thing").paragraph("short line kept\n   " + words)
            .section("Commands:").row("run", words).text();
        List<String> lines = text.lines().toList();
        assertTrue(lines.stream().allMatch(l -> l.length() <= CommandHelp.WIDTH), text);
        assertEquals("short line kept", lines.get(2));
        assertTrue(lines.get(3).startsWith("   word") && lines.get(4).startsWith("   word"), text);
        int row = lines.indexOf("Commands:") + 1;
        assertTrue(lines.get(row).startsWith("  run  word"), text);
        assertTrue(lines.get(row + 1).startsWith("       word"), text);
    }

    @Test
    void aRowNeedsASection() {
        assertThrows(IllegalStateException.class, () -> new CommandHelp("auralis x").row("a", "b"));
    }

    @Test
    void usageExceptionCarriesItsHint() {
        UsageException e = new UsageException("x: no such file", "Run 'auralis help' for the list of commands.");
        assertEquals("x: no such file", e.getMessage());
        assertEquals("Run 'auralis help' for the list of commands.", e.hint());
        assertEquals(null, new UsageException("y").hint());
    }
}
