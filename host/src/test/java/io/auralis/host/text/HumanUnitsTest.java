package io.auralis.host.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HumanUnitsTest {

    @Test
    void aSpanWritesTheSmallerUnitInTwoDigitsAsEveryDurationOfAuralisDoes() {
        assertEquals("4.2 s", HumanUnits.span(4.2));
        assertEquals("3 min 05 s", HumanUnits.span(185));
        assertEquals("1 min 00 s", HumanUnits.span(60));
        assertEquals("2 h 05 min", HumanUnits.span(7500));
    }

    @Test
    void aTableAsTextHasColumnsTwoSpacesApartOrAsWideAGapAsAsked() {
        assertEquals("a    bb\nccc  d\n", new TextTable(2).add("a", "bb").add("ccc", "d").text(0));
        assertEquals("  a      bb\n  ccc    d\n", new TextTable(2).gap(4).add("a", "bb").add("ccc", "d").text(2));
    }
}
