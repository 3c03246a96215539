package io.auralis.host.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.auralis.api.command.CommandContext;
import io.auralis.api.command.CommandHelp;
import io.auralis.api.command.TextTable;
import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.InputDescriptor;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.api.extractor.ParameterType;
import io.auralis.api.extractor.SampleType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code auralis extractors [--json] [id...]}: every registered {@link FeatureExtractor} with what a workflow
 * author needs: parameters (type, default, range or choices, unit), inputs, outputs, rate and framing.
 */
final class ExtractorsCommand extends BuiltinCommand {
    private static final Option JSON = Option.builder().longOpt("json")
        .desc("print the descriptors as a JSON array instead of text").get();

    private final HostSession session;

    ExtractorsCommand(HostSession session) {
        this.session = session;
    }

    @Override
    public String name() {
        return "extractors";
    }

    @Override
    public String summary() {
        return "List the feature extractors with their parameters, inputs and outputs";
    }

    @Override
    Options options() {
        return new Options().addOption(JSON);
    }

    @Override
    List<String> synopsis() {
        return List.of("auralis extractors [--json] [id...]");
    }

    @Override
    String description() {
        return """
            Lists every feature extractor the installed bundles register, or only those with the given ids:
            what a workflow step can name as its "extractor", the parameters it accepts, the inputs it takes from
            other steps and the outputs it produces.
            """;
    }

    @Override
    int execute(CommandLine line, CommandContext context) throws Exception {
        List<FeatureExtractor> extractors = new ArrayList<>(session.host().services().extractors());
        Map<String, ExtractorDescriptor> descriptors = new LinkedHashMap<>();
        int broken = 0;
        for (FeatureExtractor extractor : extractors) {
            try {
                ExtractorDescriptor descriptor = extractor.descriptor();
                descriptors.putIfAbsent(descriptor.id, descriptor);
            } catch (RuntimeException e) {
                context.err().println("auralis: extractor " + extractor.getClass().getName()
                    + ": cannot describe itself: " + e);
                broken++;
            }
        }
        List<ExtractorDescriptor> shown = new ArrayList<>();
        for (String id : line.getArgList()) {
            ExtractorDescriptor descriptor = descriptors.get(id);
            if (descriptor == null) {
                throw usage("no extractor has id '" + id + "' (known: " + String.join(", ",
                    descriptors.keySet().stream().sorted().toList()) + ")");
            }
            shown.add(descriptor);
        }
        if (line.getArgList().isEmpty()) {
            shown.addAll(descriptors.values());
            shown.sort(Comparator.comparing(d -> d.id));
        }
        if (line.hasOption(JSON)) {
            ObjectMapper mapper = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
            context.out().println(mapper.writeValueAsString(shown));
        } else if (shown.isEmpty()) {
            context.err().println("No extractors are registered (see 'auralis bundles list').");
        } else {
            for (int i = 0; i < shown.size(); i++) {
                if (i > 0) {
                    context.out().println();
                }
                print(shown.get(i), context.out());
            }
        }
        return broken == 0 ? OK : PARTIAL_FAILURE;
    }

    /** Lines are kept within this width; the description columns wrap. */
    private static final int WIDTH = 110;

    private static void print(ExtractorDescriptor d, PrintStream out) {
        out.println(d.id + "  " + nonNull(d.name) + (d.version != null ? "  (version " + d.version + ")" : ""));
        if (d.description != null && !d.description.isBlank()) {
            CommandHelp.wrap(d.description, WIDTH - 2).forEach(line -> out.println("  " + line));
        }
        out.println("  Sample rate: " + (d.sampleRate > 0 ? d.sampleRate + " Hz" : "any")
            + "   Block: " + (d.blockSize > 0 ? d.blockSize + " samples, step " + d.stepSize : "whole file"));
        if (d.vendor != null) {
            out.println("  Vendor: " + d.vendor);
        }

        out.println("  Parameters:" + (d.parameters.isEmpty() ? " none" : ""));
        if (!d.parameters.isEmpty()) {
            TextTable table = new TextTable(6, "id", "type", "default", "allowed", "unit", "description");
            for (ParameterDescriptor p : d.parameters) {
                table.add(p.id, type(p.type), value(p.defaultValue), allowed(p), p.unit, p.performanceOnly
                    ? p.description + " (Speed only: the same features whatever its value, so --resume accepts a "
                        + "change.)" : p.description);
            }
            table.wrapLastColumn(WIDTH).print(out, 4);
        }

        out.println("  Inputs:" + (d.inputs.isEmpty() ? " none" : ""));
        if (!d.inputs.isEmpty()) {
            TextTable table = new TextTable(4, "id", "kind", "required", "description");
            for (InputDescriptor in : d.inputs) {
                table.add(in.id, in.kind == null ? "any" : in.kind, in.required ? "yes" : "no",
                    in.description != null ? in.description : in.name);
            }
            table.wrapLastColumn(WIDTH).print(out, 4);
        }

        out.println("  Outputs:" + (d.outputs.isEmpty() ? " none" : ""));
        if (!d.outputs.isEmpty()) {
            TextTable table = new TextTable(6, "id", "kind", "unit", "values", "timing", "description");
            for (OutputDescriptor o : d.outputs) {
                table.add(o.id, o.kind, o.unit, values(o), timing(o),
                    o.description != null ? o.description : o.name);
            }
            table.wrapLastColumn(WIDTH).print(out, 4);
        }
    }

    private static String type(ParameterType type) {
        return type == null ? "" : type.name().toLowerCase();
    }

    private static String allowed(ParameterDescriptor p) {
        if (p.type == ParameterType.CHOICE && p.choices != null) {
            return String.join("|", p.choices);
        }
        if (p.type == ParameterType.BOOLEAN) {
            return "true|false";
        }
        if (p.minValue == null && p.maxValue == null) {
            return "";
        }
        return (p.minValue == null ? "-inf" : value(p.minValue)) + ".." + (p.maxValue == null ? "inf" : value(p.maxValue));
    }

    private static String values(OutputDescriptor o) {
        String count = o.binCount < 0 ? "varies" : Integer.toString(o.binCount);
        if (o.binNames != null && !o.binNames.isEmpty()) {
            return count + " (" + String.join(", ", o.binNames) + ")";
        }
        return count;
    }

    private static String timing(OutputDescriptor o) {
        SampleType type = o.sampleType == null ? SampleType.ONE_PER_BLOCK : o.sampleType;
        String timing = switch (type) {
            case ONE_PER_BLOCK -> "one per block";
            case FIXED_RATE -> value(o.sampleRate) + " per second";
            case VARIABLE -> "variable";
        };
        return o.hasDuration ? timing + ", with duration" : timing;
    }

    /** Numbers without a useless {@code .0}, so that {@code 2048.0} prints as {@code 2048}. */
    private static String value(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (value instanceof Float f && f == Math.rint(f) && !f.isInfinite()) {
            return Long.toString(f.longValue());
        }
        return value == null ? "" : value.toString();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
