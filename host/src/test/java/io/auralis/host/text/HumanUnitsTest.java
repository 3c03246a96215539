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
}
