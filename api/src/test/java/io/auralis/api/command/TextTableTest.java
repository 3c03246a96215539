package io.auralis.api.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void columnsAreTwoSpacesApartOrAsWideAGapAsAskedAndIndentedAsAsked() {
        assertEquals("a    bb\nccc  d\n", new TextTable(2).add("a", "bb").add("ccc", "d").text(0));
        assertEquals("  a      bb\n  ccc    d\n", new TextTable(2).gap(4).add("a", "bb").add("ccc", "d").text(2));
    }

    @Test
    void theHeaderIsTheFirstRowAndMissingOrNullCellsPrintEmptyWithoutTrailingBlanks() {
        String text = new TextTable(3, "name", "n", "note").add("long name", 7).add(null, null, "x").text(0);
        assertEquals("name       n  note\nlong name  7\n              x\n", text);
    }

    @Test
    void theLastColumnWrapsUnderItsStartWithinTheWidthUnlessTheColumnsBeforeLeaveTooLittleRoom() {
        String words = "word ".repeat(20).strip();
        String wrapped = new TextTable(2).wrapLastColumn(40).add("id", words).text(0);
        assertEquals("""
            id  word word word word word word word
                word word word word word word word
                word word word word word word
            """, wrapped);
        String wide = "x".repeat(20);
        assertEquals(wide + "  " + words + "\n", new TextTable(2).wrapLastColumn(40).add(wide, words).text(0));
    }

    @Test
    void printWritesTheSameLinesAsText() {
        TextTable table = new TextTable(2, "a", "b").add("ccc", "d");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            table.print(out, 1);
        }
        assertEquals(table.text(1), bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aTableNeedsAColumnAndAGapASpace() {
        assertThrows(IllegalArgumentException.class, () -> new TextTable(0));
        assertThrows(IllegalArgumentException.class, () -> new TextTable(2).gap(0));
    }
}
