package io.auralis.host.workflow;

import io.auralis.api.extractor.ModelDescriptor;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.output.RunInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A validated workflow, ready to run: steps in an order where every step comes after the steps that feed it, the
 * outputs to write with their descriptors, and the writers it names. Immutable; made by {@link WorkflowValidator}.
 */
public final class Workflow {
    /** The analysis rate when a workflow does not set one. */
    public static final int DEFAULT_SAMPLE_RATE = 16000;

    private final String name;
    private final String description;
    private final String source;
    private final int sampleRate;
    private final List<Step> steps;
    private final Map<String, OutputDescriptor> outputs;
    private final List<WriterDefinition> writers;

    Workflow(String name, String description, String source, int sampleRate, List<Step> steps,
            Map<String, OutputDescriptor> outputs, List<WriterDefinition> writers) {
        this.name = name;
        this.description = description;
        this.source = source;
        this.sampleRate = sampleRate;
        this.steps = List.copyOf(steps);
        this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        this.writers = List.copyOf(writers);
    }

    /**
     * The workflow's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * What the workflow computes.
     *
     * @return the description, or {@code null}
     */
    public String description() {
        return description;
    }

    /**
     * Where the workflow came from.
     *
     * @return the file or name, as the user gave it
     */
    public String source() {
        return source;
    }

    /**
     * The rate every step analyses.
     *
     * @return Hz
     */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * The steps in dependency order: each after every step that feeds it, otherwise in the order written.
     *
     * @return the steps
     */
    public List<Step> steps() {
        return steps;
    }

    /**
     * The outputs records carry.
     *
     * @return descriptors by {@code step.output}, in the order the workflow lists them
     */
    public Map<String, OutputDescriptor> outputs() {
        return outputs;
    }

    /**
     * The writers the workflow names, used when the command line names none.
     *
     * @return the writers, possibly empty
     */
    public List<WriterDefinition> writers() {
        return writers;
    }

    /**
     * What the workflow computes, as a digest: the rate, every step's extractor (id and version), parameters
     * completed with defaults, framing and inputs, and the outputs written. Two workflows with one digest write
     * the same kind of records, whatever their names, descriptions, formatting or step order in the file; a
     * resumed output must have been written by a workflow with the same digest.
     *
     * @return {@code sha256:} and 64 hex digits
     */
    public String digest() {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("sampleRate", sampleRate);
        List<Object> described = new ArrayList<>();
        for (Step step : steps) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", step.id());
            d.put("extractor", step.descriptor().id);
            d.put("version", step.descriptor().version);
            d.put("parameters", new TreeMap<>(step.parameters().asMap()));
            d.put("blockSize", step.blockSize());
            d.put("stepSize", step.stepSize());
            Map<String, String> inputs = new TreeMap<>();
            step.inputs().forEach((id, ref) -> inputs.put(id, ref.toString()));
            d.put("inputs", inputs);
            described.add(d);
        }
        what.put("steps", described);
        what.put("outputs", new ArrayList<>(outputs.keySet()));
        try {
            byte[] text = new ObjectMapper().writeValueAsString(what).getBytes(StandardCharsets.UTF_8);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest workflow " + name, e);
        }
    }

    /**
     * What this workflow's run is, for the writers that show it: the name and description, the inputs as named,
     * and the models that the steps' outputs name ({@link OutputDescriptor#model}), each once and in step order,
     * also those of steps whose outputs are not written.
     *
     * @param inputs the inputs as the user named them
     * @param auralisVersion the running Auralis version, or {@code null}
     * @return a new description
     */
    public RunInfo describe(List<String> inputs, String auralisVersion) {
        RunInfo run = new RunInfo();
        run.workflow = name;
        run.description = description;
        run.inputs = new ArrayList<>(inputs);
        run.auralisVersion = auralisVersion;
        Map<String, ModelDescriptor> models = new LinkedHashMap<>();
        for (Step step : steps) {
            for (OutputDescriptor d : step.outputs()) {
                if (d.model != null) {
                    models.putIfAbsent(d.model.location != null ? d.model.location : d.model.name, d.model);
                }
            }
        }
        run.models = new ArrayList<>(models.values());
        return run;
    }

    /**
     * The models the workflow's steps use: every {@code model} parameter, by step id.
     *
     * @return model names or paths as the parameters give them, possibly empty
     */
    public Map<String, String> models() {
        Map<String, String> models = new LinkedHashMap<>();
        for (Step step : steps) {
            Object model = step.parameters().asMap().get("model");
            if (model != null) {
                models.put(step.id(), model.toString());
            }
        }
        return models;
    }
}
