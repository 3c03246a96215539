package io.auralis.host.workflow;

import io.auralis.api.extractor.ModelDescriptor;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.api.output.RunInfo;
import io.auralis.api.output.SummaryFeatures;

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
import java.util.Optional;
import java.util.TreeMap;

/**
 * A validated workflow, ready to run: steps in an order where every step comes after the steps that feed it, the
 * outputs to write with their descriptors, and the writers it names. Immutable; made by {@link WorkflowValidator}.
 */
public final class Workflow {
    /** The analysis rate when a workflow does not set one. */
    public static final int DEFAULT_SAMPLE_RATE = 16000;

    /** The {@link OutputDescriptor#kind} of outputs that cut a file into segments (the segmenter's {@code speech}). */
    public static final String SEGMENT_KIND = "segment";

    private final String name;
    private final String description;
    private final String source;
    private final int sampleRate;
    private final List<Step> steps;
    private final Map<String, OutputDescriptor> outputs;
    private final List<WriterDefinition> writers;
    private final SummaryScope summary;
    private final Map<String, String> summarised;

    Workflow(String name, String description, String source, int sampleRate, List<Step> steps,
            Map<String, OutputDescriptor> outputs, List<WriterDefinition> writers) {
        this(name, description, source, sampleRate, steps, outputs, writers, null, Map.of());
    }

    private Workflow(String name, String description, String source, int sampleRate, List<Step> steps,
            Map<String, OutputDescriptor> outputs, List<WriterDefinition> writers, SummaryScope summary,
            Map<String, String> summarised) {
        this.summary = summary;
        this.summarised = Collections.unmodifiableMap(new LinkedHashMap<>(summarised));
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
     * The first output of kind {@value #SEGMENT_KIND} that records carry: the segments that live input cuts its
     * records by and that {@link SummaryScope#SEGMENTS} summaries cover.
     *
     * @return its {@code step.output}, or empty when the workflow writes none
     */
    public Optional<String> segmentOutput() {
        return outputs.entrySet().stream().filter(o -> SEGMENT_KIND.equals(o.getValue().kind)).map(Map.Entry::getKey)
            .findFirst();
    }

    /**
     * This workflow with per-file summaries ({@code analyze --summary}): after its outputs, the summary of each
     * output with a fixed number of values, keyed and described as {@link SummaryFeatures} says, which the engine
     * computes once a file's features are complete. The summaries are part of what the workflow computes, so they
     * change its {@link #digest()}.
     *
     * @param scope what the summaries cover
     * @return the summarised workflow
     * @throws IllegalArgumentException for {@link SummaryScope#SEGMENTS} when the workflow writes no segment output,
     *     or a workflow that is summarised already
     */
    public Workflow summarised(SummaryScope scope) {
        if (summary != null) {
            throw new IllegalArgumentException("workflow '" + name + "' is summarised already");
        }
        String over = "the file";
        if (scope == SummaryScope.SEGMENTS) {
            String segments = segmentOutput().orElseThrow(() -> new IllegalArgumentException("writes no output of "
                + "kind " + SEGMENT_KIND + " (such as segments.speech) for the summaries to cover"));
            over = "the segments of " + segments;
        }
        Map<String, OutputDescriptor> all = new LinkedHashMap<>(outputs);
        Map<String, String> sources = new LinkedHashMap<>();
        for (Map.Entry<String, OutputDescriptor> o : outputs.entrySet()) {
            if (o.getValue().binCount >= 1 && !SummaryFeatures.KIND.equals(o.getValue().kind)) {
                String key = SummaryFeatures.key(o.getKey());
                all.put(key, SummaryFeatures.output(o.getKey(), o.getValue(), over));
                sources.put(key, o.getKey());
            }
        }
        return new Workflow(name, description, source, sampleRate, steps, all, writers, scope, sources);
    }

    /**
     * What the per-file summaries cover.
     *
     * @return the scope, or empty when the workflow computes no summaries
     */
    public Optional<SummaryScope> summary() {
        return Optional.ofNullable(summary);
    }

    /**
     * The summaries records carry, each with the output it summarises.
     *
     * @return summarised {@code step.output} by summary key ({@code pitch.f0} by {@code pitch.f0:summary}), in
     *     output order; empty without {@link #summary()}
     */
    public Map<String, String> summarisedOutputs() {
        return summarised;
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
     * completed with defaults (but for those the extractor marks {@link ParameterDescriptor#performanceOnly}, which
     * change only how fast it runs), framing and inputs, and the outputs written. Two workflows with one digest write
     * the same kind of records, whatever their names, descriptions, formatting or step order in the file; a
     * resumed output must have been written by a workflow with the same digest. Summaries add their scope (a
     * workflow without them digests as it always did).
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
            Map<String, Object> parameters = new TreeMap<>(step.parameters().asMap());
            // speed and memory settings (the SER extractor's batch) do not change what is computed
            for (ParameterDescriptor p : step.descriptor().parameters) {
                if (p.performanceOnly) {
                    parameters.remove(p.id);
                }
            }
            d.put("parameters", parameters);
            d.put("blockSize", step.blockSize());
            d.put("stepSize", step.stepSize());
            Map<String, String> inputs = new TreeMap<>();
            step.inputs().forEach((id, ref) -> inputs.put(id, ref.toString()));
            d.put("inputs", inputs);
            described.add(d);
        }
        what.put("steps", described);
        what.put("outputs", new ArrayList<>(outputs.keySet()));
        if (summary != null) {
            what.put("summary", summary.option());
        }
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
