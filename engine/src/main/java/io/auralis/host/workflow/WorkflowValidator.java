package io.auralis.host.workflow;

import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.InputDescriptor;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.Parameters;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a workflow against the extractors and writers that are installed, before any audio is touched, and
 * turns it into a runnable {@link Workflow}. Every problem is reported, one line each, so that a user fixes a
 * workflow in one round: unknown extractors, step ids or parameters; values of the wrong type, out of range or not
 * among the choices; framing; inputs bound to unknown steps or outputs, of the wrong kind, or missing; cycles;
 * sample-rate conflicts; unknown outputs and writer formats.
 *
 * <p>Framing: a step's {@code blockSize} and {@code stepSize} default to its extractor's. A step that sets only
 * {@code blockSize} keeps its extractor's overlap: the step size is scaled by the same factor (an extractor that
 * wants 1024 every 512 gets 4096 every 2048 when the workflow asks for blocks of 4096). {@code blockSize} 0 hands
 * the whole file over as one block and takes no {@code stepSize}.
 */
public final class WorkflowValidator {
    /** The lowest analysis rate accepted, Hz. */
    public static final int MIN_SAMPLE_RATE = 1000;

    /** The highest analysis rate accepted, Hz. */
    public static final int MAX_SAMPLE_RATE = 384_000;

    /** The largest block, in samples (64 MiB of floats); longer spans are what {@code blockSize} 0 is for. */
    public static final int MAX_BLOCK_SIZE = 1 << 24;

    private static final Pattern STEP_ID = Pattern.compile("[A-Za-z0-9_-]+");

    private final Map<String, Extractor> extractors = new TreeMap<>();
    private final Set<String> formats;
    private final Map<String, Path> providers;

    /** An installed extractor with the descriptor it gave once. */
    private record Extractor(FeatureExtractor service, ExtractorDescriptor descriptor) {
    }

    /** A step as checked so far, with everything the later passes need. */
    private static final class Draft {
        final int index;
        final StepDefinition definition;
        final String label;
        final Extractor extractor;
        Parameters parameters;
        int blockSize;
        int stepSize;
        final Map<String, OutputRef> inputs = new LinkedHashMap<>();
        final Set<Draft> upstream = new LinkedHashSet<>();
        List<OutputDescriptor> outputs;

        Draft(int index, StepDefinition definition, String label, Extractor extractor) {
            this.index = index;
            this.definition = definition;
            this.label = label;
            this.extractor = extractor;
        }

        String id() {
            return definition.id;
        }

        OutputDescriptor output(String id) {
            if (extractor == null) {
                return null;
            }
            for (OutputDescriptor o : extractor.descriptor.outputs) {
                if (o.id.equals(id)) {
                    return o;
                }
            }
            return null;
        }

        String outputIds() {
            return extractor.descriptor.outputs.stream().map(o -> o.id).collect(Collectors.joining(", "));
        }
    }

    /**
     * Creates a validator for the services installed now. Each extractor's descriptor is asked for once; an
     * extractor whose descriptor cannot be had is left out. When two extractors share an id, the first is used.
     *
     * @param extractors the installed extractors
     * @param writerFormats the formats of the installed writers
     */
    public WorkflowValidator(Collection<FeatureExtractor> extractors, Collection<String> writerFormats) {
        this(extractors, writerFormats, Map.of());
    }

    /**
     * Creates a validator that can say where a missing extractor comes from: a workflow that names one of
     * {@code providers} while it is not installed is told which bundle to install (the shipped {@code escalation}
     * workflow needs the example plugin in the distribution's {@code examples/}).
     *
     * @param extractors the installed extractors
     * @param writerFormats the formats of the installed writers
     * @param providers bundle jars by the id of an extractor they provide, for extractors that may be missing
     */
    public WorkflowValidator(Collection<FeatureExtractor> extractors, Collection<String> writerFormats,
            Map<String, Path> providers) {
        this.providers = Map.copyOf(providers);
        for (FeatureExtractor e : extractors) {
            ExtractorDescriptor d;
            try {
                d = e.descriptor();
            } catch (RuntimeException ex) {
                continue;
            }
            if (d != null && d.id != null) {
                this.extractors.putIfAbsent(d.id, new Extractor(e, d));
            }
        }
        this.formats = new TreeSet<>(writerFormats);
    }

    /**
     * Validates a workflow.
     *
     * @param definition the workflow as read
     * @param source the workflow file or name, for messages
     * @return the runnable workflow
     * @throws WorkflowException listing every problem found
     */
    public Workflow validate(WorkflowDefinition definition, String source) throws WorkflowException {
        List<String> problems = new ArrayList<>();
        int rate = definition.sampleRate == null ? Workflow.DEFAULT_SAMPLE_RATE : definition.sampleRate;
        if (rate < MIN_SAMPLE_RATE || rate > MAX_SAMPLE_RATE) {
            problems.add("sampleRate is " + rate + " Hz, out of range: must be between " + MIN_SAMPLE_RATE + " and "
                + MAX_SAMPLE_RATE + " Hz");
        }
        List<Draft> drafts = checkSteps(definition.steps, rate, problems);
        Map<String, Draft> byId = new LinkedHashMap<>();
        for (Draft d : drafts) {
            if (d.id() != null) {
                byId.putIfAbsent(d.id(), d);
            }
        }
        for (Draft d : drafts) {
            bindInputs(d, byId, problems);
        }
        List<Draft> order = order(drafts, problems);
        Map<String, OutputDescriptor> outputs = new LinkedHashMap<>();
        if (problems.isEmpty()) {
            for (Draft d : order) {
                describeOutputs(d, problems);
            }
        }
        List<String> wanted = checkOutputs(definition.outputs, drafts, byId, problems);
        List<WriterDefinition> writers = checkWriters(definition.writers, problems);
        if (!problems.isEmpty()) {
            throw new WorkflowException(source, problems);
        }
        for (String key : wanted) {
            OutputRef ref = OutputRef.parse(key);
            Draft d = byId.get(ref.step());
            for (OutputDescriptor o : d.outputs) {
                if (o.id.equals(ref.output())) {
                    outputs.put(key, o);
                }
            }
        }
        List<Step> steps = new ArrayList<>();
        for (Draft d : order) {
            Map<String, OutputDescriptor> fed = new LinkedHashMap<>();
            for (Map.Entry<String, OutputRef> in : d.inputs.entrySet()) {
                fed.put(in.getKey(), outputOf(byId.get(in.getValue().step()), in.getValue().output()));
            }
            steps.add(new Step(d.id(), d.extractor.service, d.extractor.descriptor, d.parameters, d.blockSize,
                d.stepSize, d.inputs, fed, d.outputs));
        }
        String name = definition.name == null || definition.name.isBlank() ? source : definition.name;
        return new Workflow(name, definition.description, source, rate, steps, outputs, writers);
    }

    private List<Draft> checkSteps(List<StepDefinition> steps, int rate, List<String> problems) {
        List<Draft> drafts = new ArrayList<>();
        if (steps == null || steps.isEmpty()) {
            problems.add("no steps: a workflow needs at least one step");
            return drafts;
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            StepDefinition s = steps.get(i);
            if (s == null) {
                problems.add("steps[" + i + "] is null: expected a step object");
                continue;
            }
            String label = s.id == null ? "steps[" + i + "]" : "step '" + s.id + "'";
            if (s.id == null || s.id.isEmpty()) {
                problems.add("steps[" + i + "]: missing \"id\"");
            } else if (!STEP_ID.matcher(s.id).matches()) {
                problems.add(label + ": the id may hold only letters, digits, _ and -");
            } else if (firstIndex.containsKey(s.id)) {
                problems.add(label + ": duplicate step id (steps[" + firstIndex.get(s.id) + "] and steps[" + i + "])");
            } else {
                firstIndex.put(s.id, i);
            }
            Extractor e = null;
            if (s.extractor == null || s.extractor.isEmpty()) {
                problems.add(label + ": missing \"extractor\" (" + knownExtractors() + ")");
            } else {
                e = extractors.get(s.extractor);
                if (e == null) {
                    problems.add(label + ": unknown extractor '" + s.extractor + "'" + provider(s.extractor) + " ("
                        + knownExtractors() + ")");
                }
            }
            Draft d = new Draft(i, s, label, e);
            drafts.add(d);
            if (e == null) {
                continue;
            }
            d.parameters = ParameterResolver.resolve(label, e.descriptor, s.parameters, problems);
            checkFraming(d, problems);
            int wants = e.descriptor.sampleRate;
            if (wants != 0 && wants != rate) {
                problems.add(label + ": " + e.descriptor.id + " analyses audio at " + wants
                    + " Hz, but the workflow's sampleRate is " + rate + " Hz");
            }
        }
        return drafts;
    }

    /** Where a missing extractor can be had, when it is one whose bundle is known. */
    private String provider(String extractor) {
        Path jar = providers.get(extractor);
        return jar == null ? "" : ": it is in the bundle " + jar + ", which is not installed; install it with "
            + "'auralis bundles install " + jar + "'";
    }

    private String knownExtractors() {
        return extractors.isEmpty() ? "no extractors are installed" : "known: " + String.join(", ",
            extractors.keySet());
    }

    private static void checkFraming(Draft d, List<String> problems) {
        ExtractorDescriptor e = d.extractor.descriptor;
        StepDefinition s = d.definition;
        int block = s.blockSize != null ? s.blockSize : e.blockSize;
        if (block < 0 || block > MAX_BLOCK_SIZE) {
            problems.add(d.label + ": blockSize must be 0 (the whole file as one block) or a number of samples up "
                + "to " + MAX_BLOCK_SIZE + ", not " + block);
            return;
        }
        int step;
        if (block == 0) {
            if (s.stepSize != null) {
                problems.add(d.label + ": stepSize has no effect with blockSize 0 (the whole file as one block); "
                    + "remove it");
            }
            step = 0;
        } else if (s.stepSize != null) {
            step = s.stepSize;
        } else if (s.blockSize != null && e.blockSize > 0 && e.stepSize > 0) {
            // Keep the extractor's overlap: an extractor that needs every sample exactly once still gets that.
            step = (int) Math.max(1, Math.round(block * (double) e.stepSize / e.blockSize));
        } else {
            step = e.stepSize > 0 && s.blockSize == null ? e.stepSize : block;
        }
        if (block > 0 && step <= 0) {
            problems.add(d.label + ": stepSize must be a positive number of samples, not " + step);
        }
        d.blockSize = block;
        d.stepSize = step;
    }

    private void bindInputs(Draft d, Map<String, Draft> byId, List<String> problems) {
        if (d.extractor == null) {
            return;
        }
        ExtractorDescriptor e = d.extractor.descriptor;
        Map<String, InputDescriptor> declared = new LinkedHashMap<>();
        for (InputDescriptor in : e.inputs) {
            declared.put(in.id, in);
        }
        Map<String, String> bound = d.definition.inputs == null ? Map.of() : d.definition.inputs;
        for (Map.Entry<String, String> b : bound.entrySet()) {
            InputDescriptor in = declared.get(b.getKey());
            if (in == null) {
                problems.add(d.label + ": " + e.id + " has no input '" + b.getKey() + "' (" + (declared.isEmpty()
                    ? "it takes no inputs" : "inputs: " + String.join(", ", declared.keySet())) + ")");
                continue;
            }
            String prefix = d.label + ": input '" + in.id + "' ";
            OutputRef ref = OutputRef.parse(b.getValue());
            if (ref == null) {
                problems.add(prefix + "must name an upstream output as step.output, not \"" + b.getValue() + "\"");
                continue;
            }
            Draft up = byId.get(ref.step());
            if (up == null) {
                problems.add(prefix + "refers to unknown step '" + ref.step() + "' (steps: "
                    + String.join(", ", byId.keySet()) + ")");
                continue;
            }
            if (up.extractor == null) {
                continue;
            }
            OutputDescriptor out = up.output(ref.output());
            if (out == null) {
                problems.add(prefix + "refers to unknown output '" + ref + "' (outputs of step '" + up.id() + "': "
                    + up.outputIds() + ")");
                continue;
            }
            if (in.kind != null && !in.kind.equals(out.kind)) {
                problems.add(prefix + "needs kind '" + in.kind + "', but '" + ref + "' is of kind '" + out.kind
                    + "'");
                continue;
            }
            d.inputs.put(in.id, ref);
            d.upstream.add(up);
        }
        for (InputDescriptor in : e.inputs) {
            if (in.required && !bound.containsKey(in.id)) {
                problems.add(d.label + ": missing required input '" + in.id + "'"
                    + (in.kind == null ? "" : " (kind '" + in.kind + "')") + "; bind it with \"inputs\": {\""
                    + in.id + "\": \"<step>.<output>\"}" + candidates(in, d, byId));
            }
        }
    }

    /** The outputs of other steps that could feed an input, as a hint. */
    private static String candidates(InputDescriptor in, Draft d, Map<String, Draft> byId) {
        List<String> found = new ArrayList<>();
        for (Draft up : byId.values()) {
            if (up == d || up.extractor == null) {
                continue;
            }
            for (OutputDescriptor o : up.extractor.descriptor.outputs) {
                if (in.kind == null || in.kind.equals(o.kind)) {
                    found.add(up.id() + "." + o.id);
                }
            }
        }
        return found.isEmpty() ? "" : " (candidates: " + String.join(", ", found) + ")";
    }

    /**
     * Orders the steps so that each follows the steps that feed it, otherwise keeping the written order; reports
     * every cycle.
     */
    private static List<Draft> order(List<Draft> drafts, List<String> problems) {
        Map<Draft, Integer> waiting = new HashMap<>();
        Map<Draft, List<Draft>> downstream = new HashMap<>();
        for (Draft d : drafts) {
            waiting.put(d, d.upstream.size());
            for (Draft up : d.upstream) {
                downstream.computeIfAbsent(up, k -> new ArrayList<>()).add(d);
            }
        }
        PriorityQueue<Draft> ready = new PriorityQueue<>((a, b) -> Integer.compare(a.index, b.index));
        for (Draft d : drafts) {
            if (d.upstream.isEmpty()) {
                ready.add(d);
            }
        }
        List<Draft> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            Draft d = ready.poll();
            order.add(d);
            for (Draft down : downstream.getOrDefault(d, List.of())) {
                if (waiting.merge(down, -1, Integer::sum) == 0) {
                    ready.add(down);
                }
            }
        }
        if (order.size() < drafts.size()) {
            Set<Draft> left = new LinkedHashSet<>(drafts);
            order.forEach(left::remove);
            reportCycles(left, problems);
        }
        return order;
    }

    private static void reportCycles(Set<Draft> left, List<String> problems) {
        Set<Draft> reported = new HashSet<>();
        for (Draft start : left) {
            if (reported.contains(start)) {
                continue;
            }
            List<Draft> cycle = findCycle(start, left);
            if (cycle == null || cycle.stream().anyMatch(reported::contains)) {
                continue;
            }
            reported.addAll(cycle);
            String path = cycle.stream().map(Draft::id).collect(Collectors.joining(" -> "));
            problems.add("cycle: steps " + path + " -> " + cycle.get(0).id()
                + " feed each other; a step may only consume outputs of steps before it");
        }
    }

    /** A cycle through {@code start} following upstream links among {@code among}, in feeding order. */
    private static List<Draft> findCycle(Draft start, Set<Draft> among) {
        List<Draft> found = search(start, among);
        if (found == null) {
            return null;
        }
        // The search walks against the flow (consumer to producer): reverse it, and start at the step written first.
        List<Draft> flow = new ArrayList<>(found);
        Collections.reverse(flow);
        Draft first = flow.stream().min((a, b) -> Integer.compare(a.index, b.index)).orElseThrow();
        Collections.rotate(flow, -flow.indexOf(first));
        return flow;
    }

    /**
     * A depth-first search from {@code start} back to it: the path, or {@code null}. The stack is explicit, not the
     * thread's: a workflow is user input, and a cycle of 20,000 steps overflowed a recursive search.
     */
    private static List<Draft> search(Draft start, Set<Draft> among) {
        Deque<Draft> path = new ArrayDeque<>();
        Deque<Iterator<Draft>> pending = new ArrayDeque<>();
        Set<Draft> onPath = new HashSet<>();
        Set<Draft> done = new HashSet<>();
        path.addLast(start);
        onPath.add(start);
        pending.push(start.upstream.iterator());
        while (!pending.isEmpty()) {
            Iterator<Draft> ups = pending.peek();
            if (!ups.hasNext()) {
                pending.pop();
                Draft at = path.removeLast();
                onPath.remove(at);
                done.add(at);
                continue;
            }
            Draft up = ups.next();
            if (up == start) {
                return new ArrayList<>(path);
            }
            if (among.contains(up) && !onPath.contains(up) && !done.contains(up)) {
                path.addLast(up);
                onPath.add(up);
                pending.push(up.upstream.iterator());
            }
        }
        return null;
    }

    /** Asks the extractor for its outputs given what feeds it, and checks it kept their ids and order. */
    private static void describeOutputs(Draft d, List<String> problems) {
        ExtractorDescriptor e = d.extractor.descriptor;
        Map<String, OutputDescriptor> fed = new LinkedHashMap<>();
        for (Map.Entry<String, OutputRef> in : d.inputs.entrySet()) {
            Draft up = null;
            for (Draft u : d.upstream) {
                if (u.id().equals(in.getValue().step())) {
                    up = u;
                }
            }
            fed.put(in.getKey(), outputOf(up, in.getValue().output()));
        }
        List<OutputDescriptor> outputs;
        try {
            outputs = d.extractor.service.outputs(fed, d.parameters);
        } catch (IllegalArgumentException ex) {
            problems.add(d.label + ": " + ex.getMessage());
            return;
        } catch (RuntimeException ex) {
            problems.add(d.label + ": " + e.id + " cannot describe its outputs for these settings: " + ex);
            return;
        }
        List<String> expected = e.outputs.stream().map(o -> o.id).toList();
        List<String> got = outputs == null ? List.of() : outputs.stream().map(o -> o == null ? null : o.id).toList();
        if (!Objects.equals(expected, got)) {
            problems.add(d.label + ": " + e.id + " describes its outputs as " + got + " for these inputs, but as "
                + expected + " in its descriptor");
            return;
        }
        d.outputs = outputs;
    }

    private static OutputDescriptor outputOf(Draft d, String id) {
        for (OutputDescriptor o : d.outputs) {
            if (o.id.equals(id)) {
                return o;
            }
        }
        throw new IllegalStateException("no output " + id + " in validated step " + d.id());
    }

    private static List<String> checkOutputs(List<String> listed, List<Draft> drafts, Map<String, Draft> byId,
            List<String> problems) {
        List<String> wanted = new ArrayList<>();
        if (listed == null) {
            for (Draft d : byId.values()) {
                if (d.extractor != null) {
                    for (OutputDescriptor o : d.extractor.descriptor.outputs) {
                        wanted.add(d.id() + "." + o.id);
                    }
                }
            }
            return wanted;
        }
        Set<String> seen = new HashSet<>();
        for (String text : listed) {
            OutputRef ref = OutputRef.parse(text);
            if (ref == null) {
                problems.add("outputs: \"" + text + "\" must name an output as step.output");
                continue;
            }
            Draft d = byId.get(ref.step());
            if (d == null) {
                problems.add("outputs: '" + text + "' refers to unknown step '" + ref.step() + "' (steps: "
                    + String.join(", ", byId.keySet()) + ")");
                continue;
            }
            if (d.extractor == null) {
                continue;
            }
            if (d.output(ref.output()) == null) {
                problems.add("outputs: '" + text + "' is not an output of step '" + d.id() + "' (outputs: "
                    + d.outputIds() + ")");
                continue;
            }
            if (!seen.add(ref.toString())) {
                problems.add("outputs: '" + text + "' is listed twice");
                continue;
            }
            wanted.add(ref.toString());
        }
        return wanted;
    }

    private List<WriterDefinition> checkWriters(List<WriterDefinition> writers, List<String> problems) {
        if (writers == null) {
            return List.of();
        }
        for (int i = 0; i < writers.size(); i++) {
            WriterDefinition w = writers.get(i);
            String label = "writers[" + i + "]";
            if (w == null) {
                problems.add(label + " is null: expected {\"format\": ..., \"path\": ...}");
                continue;
            }
            if (w.format == null || w.format.isEmpty()) {
                problems.add(label + ": missing \"format\" (" + knownFormats() + ")");
            } else if (!formats.contains(w.format)) {
                problems.add(label + ": unknown format '" + w.format + "' (" + knownFormats() + ")");
            }
            if (w.path == null || w.path.isBlank()) {
                problems.add(label + ": missing \"path\"");
            }
        }
        return writers;
    }

    private String knownFormats() {
        return formats.isEmpty() ? "no writers are installed" : "known: " + String.join(", ", formats);
    }
}
