package io.auralis.api.extractor;

/**
 * The type of a parameter value, which decides how the host parses and checks it.
 */
public enum ParameterType {
    /** A real number, checked against {@code minValue} and {@code maxValue}. */
    NUMBER,
    /** A whole number, checked against {@code minValue} and {@code maxValue}. */
    INTEGER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** Free text, such as a model name or a path. */
    TEXT,
    /** One of {@link ParameterDescriptor#choices}. */
    CHOICE
}
