package io.auralis.api.extractor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {

    @Test
    void typedAccessorsReadCheckedValues() {
        Parameters p = new Parameters(Map.of("threshold", 0.15, "window", 2048L, "smooth", true, "model", "default"));
        assertEquals(0.15, p.getDouble("threshold"));
        assertEquals(2048, p.getInt("window"));
        assertEquals(2048.0, p.getDouble("window"), "an integer reads as a real too");
        assertTrue(p.getBoolean("smooth"));
        assertEquals("default", p.getString("model"));
    }

    @Test
    void missingOrMistypedParametersNameTheParameter() {
        Parameters p = new Parameters(Map.of("model", "default"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.getDouble("threshold")).getMessage()
            .contains("'threshold'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.getInt("model")).getMessage()
            .contains("'model' is not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.getBoolean("model")).getMessage()
            .contains("'model' is not a boolean"));
    }

    @Test
    void parametersAreACopyThatCannotChange() {
        Map<String, Object> values = new LinkedHashMap<>(Map.of("a", 1.0));
        Parameters p = new Parameters(values);
        values.put("a", 2.0);
        assertEquals(1.0, p.getDouble("a"));
        assertThrows(UnsupportedOperationException.class, () -> p.asMap().put("b", 1.0));
    }

    @Test
    void descriptorFactoriesFillTypeRangeAndDefault() {
        ParameterDescriptor n = ParameterDescriptor.number("thresholdDb", "Threshold", "d", "dB", -90, 0, -45);
        assertEquals(ParameterType.NUMBER, n.type);
        assertEquals(-90.0, n.minValue);
        assertEquals(0.0, n.maxValue);
        assertEquals(-45.0, n.defaultValue);
        ParameterDescriptor i = ParameterDescriptor.integer("frames", "Frames", "d", null, 1, 100, 5);
        assertEquals(ParameterType.INTEGER, i.type);
        assertEquals(5L, i.defaultValue, "integer defaults are Longs, as the host delivers them");
        ParameterDescriptor c = ParameterDescriptor.choice("mode", "Mode", "d", List.of("clip", "window"), "clip");
        assertEquals(ParameterType.CHOICE, c.type);
        assertEquals(List.of("clip", "window"), c.choices);
        ParameterDescriptor b = ParameterDescriptor.bool("smooth", "Smooth", "d", false);
        assertFalse((Boolean) b.defaultValue);
    }
}
