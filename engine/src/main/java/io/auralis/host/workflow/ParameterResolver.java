package io.auralis.host.workflow;

import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.api.extractor.ParameterType;
import io.auralis.api.extractor.Parameters;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a step's parameter values against its extractor's {@link ParameterDescriptor}s and turns them into
 * {@link Parameters}: {@code INTEGER} values become {@code Long}, {@code NUMBER} values {@code Double},
 * {@code BOOLEAN} values {@code Boolean}, {@code TEXT} and {@code CHOICE} values {@code String}. Parameters the
 * workflow leaves out take the descriptor's default, converted the same way.
 *
 * <p>Values must have the JSON type their parameter calls for ({@code "60"} is not a number), except that a whole
 * number written with a fraction ({@code 1024.0}) is accepted for an integer.
 */
final class ParameterResolver {

    private ParameterResolver() {
    }

    /**
     * Resolves one step's parameters.
     *
     * @param label how messages name the step, such as {@code step 'pitch'}
     * @param descriptor the extractor's descriptor
     * @param given the values the workflow sets, or {@code null}
     * @param problems where to add one line per problem
     * @return the parameters; incomplete when problems were added
     */
    static Parameters resolve(String label, ExtractorDescriptor descriptor, Map<String, JsonNode> given,
            List<String> problems) {
        Map<String, ParameterDescriptor> byId = new LinkedHashMap<>();
        for (ParameterDescriptor p : descriptor.parameters) {
            byId.put(p.id, p);
        }
        Map<String, JsonNode> values = given == null ? Map.of() : given;
        for (String name : values.keySet()) {
            if (!byId.containsKey(name)) {
                problems.add(label + ": unknown parameter '" + name + "' for " + descriptor.id + " ("
                    + (byId.isEmpty() ? "it takes no parameters" : "valid: " + String.join(", ", byId.keySet()))
                    + ")");
            }
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (ParameterDescriptor p : byId.values()) {
            JsonNode value = values.get(p.id);
            Object v;
            if (value == null && !values.containsKey(p.id)) {
                v = defaultOf(p);
            } else {
                v = check(label, p, value, problems);
            }
            if (v != null) {
                resolved.put(p.id, v);
            }
        }
        return new Parameters(resolved);
    }

    /** The descriptor's default as the type the parameter promises; {@code null} when it has none. */
    private static Object defaultOf(ParameterDescriptor p) {
        Object d = p.defaultValue;
        if (d == null || p.type == null) {
            return d;
        }
        switch (p.type) {
            case INTEGER:
                return d instanceof Number n ? (Object) n.longValue() : d;
            case NUMBER:
                return d instanceof Number n ? (Object) n.doubleValue() : d;
            case TEXT:
            case CHOICE:
                return d.toString();
            default:
                return d;
        }
    }

    private static Object check(String label, ParameterDescriptor p, JsonNode value, List<String> problems) {
        String prefix = label + ": parameter '" + p.id + "' ";
        ParameterType type = p.type == null ? ParameterType.TEXT : p.type;
        switch (type) {
            case NUMBER: {
                if (value == null || !value.isNumber()) {
                    problems.add(prefix + "must be a number, not " + show(value));
                    return null;
                }
                double d = value.doubleValue();
                return inRange(prefix, p, d, problems) ? d : null;
            }
            case INTEGER: {
                Long l = wholeNumber(value);
                if (l == null) {
                    problems.add(prefix + "must be a whole number, not " + show(value));
                    return null;
                }
                return inRange(prefix, p, l, problems) ? l : null;
            }
            case BOOLEAN:
                if (value == null || !value.isBoolean()) {
                    problems.add(prefix + "must be true or false, not " + show(value));
                    return null;
                }
                return value.booleanValue();
            case CHOICE: {
                List<String> choices = p.choices == null ? List.of() : p.choices;
                if (value == null || !value.isTextual() || !choices.contains(value.textValue())) {
                    problems.add(prefix + "must be one of " + choices.stream().map(c -> "\"" + c + "\"")
                        .collect(Collectors.joining(", ")) + ", not " + show(value));
                    return null;
                }
                return value.textValue();
            }
            case TEXT:
            default:
                if (value == null || !value.isTextual()) {
                    problems.add(prefix + "must be a string, not " + show(value));
                    return null;
                }
                return value.textValue();
        }
    }

    private static Long wholeNumber(JsonNode value) {
        if (value == null || !value.isNumber()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? value.longValue() : null;
        }
        double d = value.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
            return (long) d;
        }
        return null;
    }

    private static boolean inRange(String prefix, ParameterDescriptor p, double v, List<String> problems) {
        boolean low = p.minValue != null && v < p.minValue;
        boolean high = p.maxValue != null && v > p.maxValue;
        if (!low && !high) {
            return true;
        }
        String unit = p.unit == null || p.unit.isEmpty() ? "" : " " + p.unit;
        String range;
        if (p.minValue != null && p.maxValue != null) {
            range = "between " + number(p.minValue) + " and " + number(p.maxValue) + unit;
        } else if (p.minValue != null) {
            range = "at least " + number(p.minValue) + unit;
        } else {
            range = "at most " + number(p.maxValue) + unit;
        }
        problems.add(prefix + "is " + number(v) + unit + ", out of range: must be " + range);
        return false;
    }

    /** A number as a person writes it: 20 rather than 20.0, 0.01 rather than 1.0E-2. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String show(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "\"" + value.textValue() + "\"";
        }
        if (value.isContainerNode()) {
            return value.isArray() ? "an array" : "an object";
        }
        return value.toString();
    }
}
