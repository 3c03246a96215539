package io.auralis.ser.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON record read and written with Jackson that keeps the fields it does not model, in the order they came, and
 * writes them back after its own: so that a tool can add fields of its own to {@code model.json} and a model written
 * by a newer version loses nothing when an older one rewrites it.
 */
public abstract class OpenRecord {
    private final Map<String, Object> other = new LinkedHashMap<>();

    /** Creates a record with no other fields. */
    protected OpenRecord() {
    }

    /**
     * Fields this class does not model, kept for writing back.
     *
     * @return name to value
     */
    @JsonAnyGetter
    public Map<String, Object> other() {
        return other;
    }

    /**
     * Keeps a field this class does not model.
     *
     * @param key the field name
     * @param value its value
     */
    @JsonAnySetter
    public void other(String key, Object value) {
        other.put(key, value);
    }
}
