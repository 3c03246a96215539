package io.auralis.host.workflow;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads workflow files strictly: a misspelt property, a duplicated key, a string where a number belongs or
 * trailing text is an error, reported in one line with the file, the line and column, and what was expected.
 */
public final class WorkflowReader {
    private final ObjectMapper mapper;

    /** Creates a reader. */
    public WorkflowReader() {
        JsonMapper m = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
        // "blockSize": "1024" and "inputs": {"x": 3} are mistakes, not values to convert.
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        this.mapper = m;
    }

    /**
     * Reads a workflow file. A workflow without a name takes the file's name without {@code .json}.
     *
     * @param file the file
     * @return the definition, not yet validated
     * @throws WorkflowException if the file cannot be read or is not a well-formed workflow; the source is the
     *     file as given
     */
    public WorkflowDefinition read(Path file) throws WorkflowException {
        return read(file, file.toString());
    }

    /**
     * Reads a workflow file, naming it in messages as the user did.
     *
     * @param file the file
     * @param source how messages name it
     * @return the definition, not yet validated
     * @throws WorkflowException if the file cannot be read or is not a well-formed workflow
     */
    public WorkflowDefinition read(Path file, String source) throws WorkflowException {
        return read(file, source, content(file, source));
    }

    /**
     * Parses what was read from a workflow file: a workflow without a name takes the file's name without
     * {@code .json}. For a caller that keeps the text, such as {@code analyze --master}, which hands the text it
     * validated to the executors instead of reading the file twice.
     *
     * @param file the file the content came from
     * @param source how messages name it
     * @param content the file's bytes, as {@link #content} read them
     * @return the definition, not yet validated
     * @throws WorkflowException if it is not a well-formed workflow
     */
    public WorkflowDefinition read(Path file, String source, byte[] content) throws WorkflowException {
        WorkflowDefinition d = parse(content, source);
        if (d.name == null || d.name.isBlank()) {
            String fileName = file.getFileName().toString();
            d.name = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
        }
        return d;
    }

    /**
     * The bytes of a workflow file.
     *
     * @param file the file
     * @param source how messages name it
     * @return its content
     * @throws WorkflowException if it cannot be read (no such file, permission denied, ...)
     */
    public static byte[] content(Path file, String source) throws WorkflowException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new WorkflowException(source, "no such file");
        } catch (AccessDeniedException e) {
            throw new WorkflowException(source, "permission denied");
        } catch (IOException e) {
            throw new WorkflowException(source, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Parses a workflow.
     *
     * @param json the workflow's JSON text, UTF-8
     * @param source the file or name, for messages
     * @return the definition, not yet validated
     * @throws WorkflowException if it is not a well-formed workflow
     */
    public WorkflowDefinition parse(byte[] json, String source) throws WorkflowException {
        try {
            WorkflowDefinition d = mapper.readValue(json, WorkflowDefinition.class);
            if (d == null) {
                throw new WorkflowException(source, "expected a workflow (a JSON object), found null");
            }
            return d;
        } catch (JsonProcessingException e) {
            throw new WorkflowException(source, describe(e));
        } catch (IOException e) {
            throw new WorkflowException(source, "cannot read: " + e.getMessage());
        }
    }

    private static String describe(JsonProcessingException e) {
        String where = where(e);
        if (e instanceof UnrecognizedPropertyException u) {
            return where + "unknown property \"" + u.getPropertyName() + "\"" + in(u) + " (known: "
                + known(u) + ")";
        }
        if (e instanceof MismatchedInputException m) {
            String original = firstLine(m.getOriginalMessage());
            if (original.startsWith("No content to map")) {
                return "empty file: expected a workflow (a JSON object)";
            }
            if (original.startsWith("Trailing token")) {
                return where + "more JSON after the end of the workflow";
            }
            String path = path(m);
            String expected = expected(m.getTargetType());
            if (expected != null) {
                return where + (path.isEmpty() ? "" : path + ": ") + "expected " + expected;
            }
            return where + (path.isEmpty() ? "" : path + ": ") + original;
        }
        return where + firstLine(e.getOriginalMessage());
    }

    /**
     * Where the problem is. For a syntax error, where the parser stopped; for a value that does not fit, where that
     * value starts (Jackson reports where the parser stopped, after it).
     */
    private static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        boolean misfit = e instanceof MismatchedInputException || e instanceof UnrecognizedPropertyException;
        if (misfit && e.getProcessor() instanceof JsonParser p
                && p.currentTokenLocation() != null
                && p.currentTokenLocation().getLineNr() > 0) {
            location = p.currentTokenLocation();
        }
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }

    private static String in(JsonMappingException e) {
        List<JsonMappingException.Reference> refs = e.getPath();
        String parent = path(refs.subList(0, Math.max(0, refs.size() - 1)));
        return parent.isEmpty() ? " in the workflow" : " in " + parent;
    }

    private static String path(JsonMappingException e) {
        return path(e.getPath());
    }

    /** Renders a Jackson reference path as {@code steps[1].parameters.threshold}. */
    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (s.length() > 0) {
                    s.append('.');
                }
                s.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type == WorkflowDefinition.class || type == StepDefinition.class
                || type == WriterDefinition.class) {
            return "an object";
        }
        return null;
    }

    /** The known properties in the order the definition class declares them, which is the order of the docs. */
    private static String known(UnrecognizedPropertyException e) {
        Collection<Object> ids = e.getKnownPropertyIds();
        if (ids == null) {
            return "";
        }
        List<String> order = List.of();
        JsonPropertyOrder declared = e.getReferringClass() == null ? null
            : e.getReferringClass().getAnnotation(JsonPropertyOrder.class);
        if (declared != null) {
            order = List.of(declared.value());
        }
        List<String> names = ids.stream().map(String::valueOf).collect(Collectors.toCollection(ArrayList::new));
        List<String> sorted = new ArrayList<>(order);
        sorted.retainAll(names);
        names.removeAll(order);
        names.sort(null);
        sorted.addAll(names);
        return String.join(", ", sorted);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed JSON";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
