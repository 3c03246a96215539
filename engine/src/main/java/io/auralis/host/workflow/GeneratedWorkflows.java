package io.auralis.host.workflow;

import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.InputDescriptor;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.ParameterDescriptor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Workflows written from the installed extractors' descriptors instead of a file: the one-shot
 * {@code analyze --extractor a,b} (Sonic Annotator's {@code -d}) and the skeleton {@code analyze --workflow-template}
 * prints (as {@code sonic-annotator -s} and openSMILE's {@code -cfgFileTemplate} do). Both are ordinary
 * {@link WorkflowDefinition}s, turned into JSON by {@link #json}, so they go through the same reader and validator
 * as a file, and a run of one is the run of the file it prints as.
 */
public final class GeneratedWorkflows {
    /** How messages name a one-shot workflow. */
    public static final String ONE_SHOT_SOURCE = "--extractor";

    private static final ObjectMapper JSON = new ObjectMapper()
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .enable(SerializationFeature.INDENT_OUTPUT);

    private GeneratedWorkflows() {
    }

    /**
     * The workflow of {@code --extractor}: one step per extractor, parameters at their defaults and framing at the
     * extractor's, every output written. Steps keep the order given, except that an extractor runs after those
     * that can feed it; an input is bound when exactly one output of the steps before it has its kind. A required
     * input with none, or any input with several, is an error that says to write a workflow, since a guess would
     * analyse something the user did not ask for. Extractors that are not installed are left for the validator to
     * report (with where to get them).
     *
     * @param ids extractor ids as the user listed them
     * @param installed the installed extractors
     * @return the definition, not yet validated
     * @throws WorkflowException naming every input that cannot be bound unambiguously
     */
    public static WorkflowDefinition oneShot(List<String> ids, Collection<FeatureExtractor> installed)
            throws WorkflowException {
        Map<String, ExtractorDescriptor> known = described(installed);
        List<String> order = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String unfed : feedersFirst(ids, known, order)) {
            InputDescriptor in = unfedInput(known.get(unfed), order, known);
            problems.add(unfed + " needs input '" + in.id + "'" + (in.kind == null ? "" : " of kind '" + in.kind
                + "'") + ", which none of the other extractors given produces; add one that does, or write a "
                + "workflow (auralis analyze --workflow-template)");
        }
        ids.stream().filter(id -> !known.containsKey(id)).forEach(order::add);
        List<StepDefinition> steps = steps(order);
        for (int i = 0; i < steps.size(); i++) {
            StepDefinition s = steps.get(i);
            ExtractorDescriptor d = known.get(s.extractor);
            if (d == null) {
                continue;
            }
            for (InputDescriptor in : d.inputs) {
                List<String> candidates = candidates(in, steps.subList(0, i), known);
                if (candidates.size() == 1) {
                    s.inputs = s.inputs == null ? new LinkedHashMap<>() : s.inputs;
                    s.inputs.put(in.id, candidates.get(0));
                } else if (candidates.size() > 1) {
                    problems.add(s.extractor + ": input '" + in.id + "' could take any of " + String.join(", ",
                        candidates) + "; write a workflow that says which (auralis analyze --workflow-template)");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkflowException(ONE_SHOT_SOURCE, problems);
        }
        WorkflowDefinition w = new WorkflowDefinition();
        w.name = String.join(",", ids);
        w.description = "One-shot run of " + String.join(", ", ids) + ": every output, parameters at their defaults.";
        w.sampleRate = agreedRate(steps, known);
        w.steps = steps;
        return w;
    }

    /**
     * A skeleton workflow for the installed extractors (or those listed): one step per extractor with every
     * parameter written out at its default, each explained in the step's {@code comment} (type, unit, range or
     * choices, description), inputs bound to the first output of the right kind with the others named, and every
     * output listed, so that a user deletes and edits instead of looking things up. It validates as printed. An
     * extractor that cannot be part of it (a required input nothing produces, a rate other than the workflow's) is
     * left out and named in the workflow's comment.
     *
     * @param ids the extractors to include, or {@code null} for every installed one
     * @param installed the installed extractors
     * @return the definition
     */
    public static WorkflowDefinition template(List<String> ids, Collection<FeatureExtractor> installed) {
        Map<String, ExtractorDescriptor> known = described(installed);
        List<String> wanted = ids == null ? new ArrayList<>(known.keySet()) : ids;
        List<String> notes = new ArrayList<>();
        notes.add("A skeleton written by 'auralis analyze --workflow-template': every parameter is at its default. "
            + "Delete the steps and outputs you do not need, change the rest, and run it with 'auralis analyze "
            + "--workflow FILE'. \"comment\" fields are notes; the reader ignores them.");
        notes.add("Optional: \"writers\": [{\"format\": \"jsonl\", \"path\": \"results.jsonl\"}] (default: JSON Lines "
            + "on standard output); \"blockSize\" and \"stepSize\" in a step override its framing.");
        List<String> usable = new ArrayList<>();
        for (String id : wanted) {
            if (known.containsKey(id)) {
                usable.add(id);
            } else {
                notes.add("Left out: " + id + " is not installed.");
            }
        }
        Integer rate = agreedRate(steps(usable), known);
        int workflowRate = rate == null ? Workflow.DEFAULT_SAMPLE_RATE : rate;
        usable.removeIf(id -> {
            int wants = known.get(id).sampleRate;
            if (wants != 0 && wants != workflowRate) {
                notes.add("Left out: " + id + " analyses at " + wants + " Hz, this workflow at " + workflowRate
                    + " Hz; write a workflow of its own for it.");
                return true;
            }
            return false;
        });
        List<String> order = new ArrayList<>();
        for (String unfed : feedersFirst(usable, known, order)) {
            notes.add("Left out: " + unfed + " needs input '" + unfedInput(known.get(unfed), order, known).id
                + "', which no other extractor here produces.");
        }
        List<StepDefinition> steps = steps(order);
        for (int i = 0; i < steps.size(); i++) {
            bindFirst(steps.get(i), steps.subList(0, i), known);
        }
        WorkflowDefinition w = new WorkflowDefinition();
        w.name = "my-workflow";
        w.description = "What this workflow computes (shown by auralis analyze --list-workflows).";
        w.comment = notes;
        w.sampleRate = workflowRate;
        w.steps = steps;
        w.outputs = new ArrayList<>();
        for (StepDefinition s : steps) {
            ExtractorDescriptor d = known.get(s.extractor);
            s.parameters = new LinkedHashMap<>();
            for (ParameterDescriptor p : d.parameters) {
                if (p.defaultValue != null) {
                    s.parameters.put(p.id, JSON.valueToTree(p.defaultValue));
                }
            }
            if (s.parameters.isEmpty()) {
                s.parameters = null;
            }
            List<String> lines = new ArrayList<>(s.comment == null ? List.of() : s.comment);
            lines.add(0, d.name + " " + d.version + (d.description == null ? "" : ": " + d.description));
            for (ParameterDescriptor p : d.parameters) {
                lines.add("parameter " + p.id + " (" + kind(p) + "): " + (p.description == null ? p.name
                    : p.description));
            }
            for (OutputDescriptor o : d.outputs) {
                w.outputs.add(s.id + "." + o.id);
                lines.add("output " + o.id + " (kind " + o.kind + (o.unit == null || o.unit.isEmpty() ? ""
                    : ", " + o.unit) + "): " + (o.description == null ? o.name : o.description));
            }
            s.comment = lines;
        }
        return w;
    }

    /**
     * A definition as workflow JSON, indented, without the properties it leaves unset.
     *
     * @param definition the definition
     * @return UTF-8 JSON that {@link WorkflowReader} reads back to the same definition
     */
    public static byte[] json(WorkflowDefinition definition) {
        try {
            return (JSON.writeValueAsString(definition) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write workflow " + definition.name, e);
        }
    }

    /** The installed extractors' descriptors by id; as the validator does, one that cannot describe itself is out. */
    private static Map<String, ExtractorDescriptor> described(Collection<FeatureExtractor> installed) {
        Map<String, ExtractorDescriptor> known = new TreeMap<>();
        for (FeatureExtractor e : installed) {
            try {
                ExtractorDescriptor d = e.descriptor();
                if (d != null && d.id != null) {
                    known.putIfAbsent(d.id, d);
                }
            } catch (RuntimeException ex) {
                // Left out, as WorkflowValidator leaves it out.
            }
        }
        return known;
    }

    /**
     * One step per extractor, named by the last part of its id ({@code auralis.pitch} is {@code pitch}), or by the
     * whole id with dots as dashes when two would share a name.
     */
    private static List<StepDefinition> steps(List<String> ids) {
        Map<String, Integer> uses = new HashMap<>();
        for (String id : ids) {
            uses.merge(shortName(id), 1, Integer::sum);
        }
        List<StepDefinition> steps = new ArrayList<>();
        for (String id : ids) {
            StepDefinition s = new StepDefinition();
            s.extractor = id;
            s.id = uses.get(shortName(id)) > 1 ? id.replaceAll("[^A-Za-z0-9_-]", "-") : shortName(id);
            steps.add(s);
        }
        return steps;
    }

    private static String shortName(String id) {
        String last = id.substring(id.lastIndexOf('.') + 1).replaceAll("[^A-Za-z0-9_-]", "-");
        return last.isEmpty() ? "step" : last;
    }

    /** The outputs of upstream steps that an input could be bound to, as {@code step.output}. */
    private static List<String> candidates(InputDescriptor in, List<StepDefinition> upstream,
            Map<String, ExtractorDescriptor> known) {
        List<String> found = new ArrayList<>();
        for (StepDefinition up : upstream) {
            ExtractorDescriptor d = known.get(up.extractor);
            if (d == null) {
                continue;
            }
            for (OutputDescriptor o : d.outputs) {
                if (fits(in, o)) {
                    found.add(up.id + "." + o.id);
                }
            }
        }
        return found;
    }

    private static boolean fits(InputDescriptor in, OutputDescriptor out) {
        return in.kind == null || in.kind.equals(out.kind);
    }

    private static boolean producedBy(InputDescriptor in, Collection<String> ids,
            Map<String, ExtractorDescriptor> known) {
        return ids.stream().anyMatch(id -> known.get(id).outputs.stream().anyMatch(o -> fits(in, o)));
    }

    /**
     * Orders installed extractors so that each comes after those that can feed it, otherwise as given, so that
     * inputs bind to upstream steps only and never make a cycle. Next is always the first one given whose
     * inputs are fed by the ones placed (an optional input only needs feeding when a remaining one could);
     * failing that, the first whose required inputs are fed.
     *
     * @param ids the extractors, in the order given; ids not in {@code known} are skipped
     * @param known the installed extractors' descriptors
     * @param order receives the placed ids, in order
     * @return the ids that cannot be placed: a required input that none of the others can feed
     */
    private static List<String> feedersFirst(List<String> ids, Map<String, ExtractorDescriptor> known,
            List<String> order) {
        List<String> remaining = new ArrayList<>();
        ids.stream().filter(known::containsKey).distinct().forEach(remaining::add);
        while (!remaining.isEmpty()) {
            String next = null;
            for (boolean strict : new boolean[] {true, false}) {
                for (String id : remaining) {
                    List<String> others = remaining.stream().filter(o -> !o.equals(id)).toList();
                    boolean ready = known.get(id).inputs.stream().allMatch(in -> producedBy(in, order, known)
                        || !in.required && (!strict || !producedBy(in, others, known)));
                    if (ready) {
                        next = id;
                        break;
                    }
                }
                if (next != null) {
                    break;
                }
            }
            if (next == null) {
                break;
            }
            order.add(next);
            remaining.remove(next);
        }
        return remaining;
    }

    /** The first required input of an extractor that the placed ones cannot feed. */
    private static InputDescriptor unfedInput(ExtractorDescriptor d, List<String> placed,
            Map<String, ExtractorDescriptor> known) {
        return d.inputs.stream().filter(in -> in.required && !producedBy(in, placed, known)).findFirst()
            .orElseThrow();
    }

    /** Binds each input of a template step to its first candidate upstream, noting the others in its comment. */
    private static void bindFirst(StepDefinition s, List<StepDefinition> upstream,
            Map<String, ExtractorDescriptor> known) {
        s.comment = new ArrayList<>();
        for (InputDescriptor in : known.get(s.extractor).inputs) {
            List<String> candidates = candidates(in, upstream, known);
            String what = "input " + in.id + " (" + (in.kind == null ? "any kind" : "kind " + in.kind)
                + (in.required ? ", required" : ", optional") + ")";
            if (candidates.isEmpty()) {
                s.comment.add(what + ": nothing here produces it; left unbound");
                continue;
            }
            s.inputs = s.inputs == null ? new LinkedHashMap<>() : s.inputs;
            s.inputs.put(in.id, candidates.get(0));
            s.comment.add(what + ": bound to " + candidates.get(0) + (candidates.size() > 1 ? " (or: "
                + String.join(", ", candidates.subList(1, candidates.size())) + ")" : "")
                + (in.required ? "" : "; remove it to run without"));
        }
    }

    /** The rate most of the extractors that name one ask for, or {@code null} when none does. */
    private static Integer agreedRate(List<StepDefinition> steps, Map<String, ExtractorDescriptor> known) {
        Map<Integer, Integer> votes = new TreeMap<>();
        for (StepDefinition s : steps) {
            ExtractorDescriptor d = known.get(s.extractor);
            if (d != null && d.sampleRate != 0) {
                votes.merge(d.sampleRate, 1, Integer::sum);
            }
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** A parameter's type, unit, allowed values and default, as the template's comment names them. */
    private static String kind(ParameterDescriptor p) {
        List<String> parts = new ArrayList<>();
        parts.add(p.type == null ? "number" : p.type.name().toLowerCase(Locale.ROOT));
        if (p.unit != null && !p.unit.isEmpty()) {
            parts.add(p.unit);
        }
        if (p.choices != null && !p.choices.isEmpty()) {
            parts.add("one of " + String.join(", ", p.choices));
        } else if (p.minValue != null || p.maxValue != null) {
            parts.add((p.minValue == null ? "up" : "from " + number(p.minValue)) + " to "
                + (p.maxValue == null ? "any" : number(p.maxValue)));
        }
        parts.add(p.defaultValue == null ? "no default" : "default " + (p.defaultValue instanceof Number n
            ? number(n) : JSON.valueToTree(p.defaultValue).toString()));
        return String.join(", ", parts);
    }

    /** A number as a person writes it: {@code 40}, not {@code 40.0}. */
    private static String number(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : n.toString();
    }
}
