package io.auralis.api.extractor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameter values for one session, already checked against the extractor's {@link ParameterDescriptor}s and
 * completed with defaults by the host. Immutable.
 */
public final class Parameters {
    private final Map<String, Object> values;

    /**
     * Wraps checked values.
     *
     * @param values values by parameter id: {@code Double}, {@code Long}, {@code Boolean} or {@code String}
     */
    public Parameters(Map<String, ?> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * All values.
     *
     * @return an unmodifiable map by parameter id
     */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * A real-valued parameter.
     *
     * @param id the parameter id
     * @return its value
     * @throws IllegalArgumentException if there is no such parameter or it is not a number
     */
    public double getDouble(String id) {
        return number(id).doubleValue();
    }

    /**
     * An integer parameter.
     *
     * @param id the parameter id
     * @return its value
     * @throws IllegalArgumentException if there is no such parameter or it is not a number
     */
    public int getInt(String id) {
        return Math.toIntExact(number(id).longValue());
    }

    /**
     * A yes/no parameter.
     *
     * @param id the parameter id
     * @return its value
     * @throws IllegalArgumentException if there is no such parameter or it is not a boolean
     */
    public boolean getBoolean(String id) {
        return typed(id, Boolean.class, "a boolean");
    }

    /**
     * A text or choice parameter, or any parameter as text.
     *
     * @param id the parameter id
     * @return its value as a string
     * @throws IllegalArgumentException if there is no such parameter
     */
    public String getString(String id) {
        return String.valueOf(get(id));
    }

    private Number number(String id) {
        return typed(id, Number.class, "a number");
    }

    private <T> T typed(String id, Class<T> type, String what) {
        Object v = get(id);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("parameter '" + id + "' is not " + what + ": " + v);
        }
        return type.cast(v);
    }

    private Object get(String id) {
        Object v = values.get(id);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + id + "'");
        }
        return v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
