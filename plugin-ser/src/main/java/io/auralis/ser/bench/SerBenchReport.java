package io.auralis.ser.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auralis.api.command.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints {@code ser bench} figures: a table for people, or one JSON object for programs (the host's
 * {@code auralis bench} reads it).
 */
public final class SerBenchReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SerBenchReport() {
    }

    /**
     * The figures as a table, one row per network, then one row per batch size.
     *
     * @param r the figures
     * @return lines, each ending in {@code \n}
     */
    public static String table(SerBenchResult r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Speech emotion networks on %s (PyTorch threads: %s, %d cores), "
            + "%s s clips\n", r.device(), r.pytorchThreads() < 0 ? "unknown" : r.pytorchThreads(), r.cores(),
            number(r.clipSeconds())));
        TextTable rows = new TextTable(8, "architecture", "weights", "parameters", "inference batch 1", "best batch",
            "inference at best", "training (batch)", "training per CPU s");
        for (SerBenchResult.Network n : r.architectures()) {
            SerBenchResult.Pass first = n.smallestBatch();
            SerBenchResult.Pass best = n.bestBatch();
            SerBenchResult.Pass t = n.training();
            rows.add(n.architecture(), n.model(), n.parameters(),
                first == null ? "-" : times(first.realTimeFactor()) + (first.batch() == 1 ? "" : " (batch "
                    + first.batch() + ")"),
                best == null ? "-" : Integer.toString(best.batch()),
                best == null ? "-" : times(best.realTimeFactor()),
                t == null ? "-" : String.format(Locale.ROOT, "%.0f audio s/s (%d)", t.realTimeFactor(), t.batch()),
                t == null || Double.isNaN(t.perCpuSecond()) ? "n/a"
                    : String.format(Locale.ROOT, "%.0f audio s", t.perCpuSecond()));
        }
        out.append(rows.text(0));
        out.append(String.format(Locale.ROOT, "\nInference by batch size (x real time; audio seconds per CPU "
            + "second in brackets)\n"));
        List<List<String>> batches = new ArrayList<>();
        int columns = 1;
        for (SerBenchResult.Network n : r.architectures()) {
            List<String> row = new ArrayList<>(List.of(n.architecture()));
            for (SerBenchResult.Pass p : n.inference()) {
                row.add(String.format(Locale.ROOT, "b%d: %s (%s)", p.batch(), times(p.realTimeFactor()),
                    Double.isNaN(p.perCpuSecond()) ? "n/a" : String.format(Locale.ROOT, "%.0f", p.perCpuSecond())));
            }
            batches.add(row);
            columns = Math.max(columns, row.size());
        }
        TextTable byBatch = new TextTable(columns);
        batches.forEach(row -> byBatch.add(row.toArray()));
        out.append(byBatch.text(0));
        out.append(String.format(Locale.ROOT, "\nTraining times %s.\n", SerBenchmark.TRAINING));
        return out.toString();
    }

    /**
     * The figures as JSON.
     *
     * @param r the figures
     * @return one JSON object on one line
     */
    public static String json(SerBenchResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("device", r.device());
        if (r.pytorchThreads() >= 0) {
            root.put("pytorchThreads", r.pytorchThreads());
        } else {
            root.putNull("pytorchThreads");
        }
        root.put("cores", r.cores());
        root.put("clipSeconds", r.clipSeconds());
        root.put("training", SerBenchmark.TRAINING);
        ArrayNode networks = root.putArray("architectures");
        for (SerBenchResult.Network n : r.architectures()) {
            ObjectNode o = networks.addObject();
            o.put("architecture", n.architecture());
            o.put("weights", n.model());
            o.put("parameters", n.parameters());
            ArrayNode inference = o.putArray("inference");
            n.inference().forEach(p -> pass(inference.addObject(), p));
            SerBenchResult.Pass first = n.smallestBatch();
            SerBenchResult.Pass best = n.bestBatch();
            if (first != null) {
                o.put("realTimeFactorBatch1", round(first.realTimeFactor()));
                o.put("bestBatch", best.batch());
                o.put("realTimeFactorBestBatch", round(best.realTimeFactor()));
            }
            if (n.training() != null) {
                pass(o.putObject("training"), n.training());
            } else {
                o.putNull("training");
            }
        }
        return root.toString();
    }

    private static void pass(ObjectNode o, SerBenchResult.Pass p) {
        o.put("batch", p.batch());
        o.put("passes", p.passes());
        o.put("audioSeconds", round(p.audioSeconds()));
        o.put("wallSeconds", round(p.wallSeconds()));
        if (Double.isNaN(p.cpuSeconds())) {
            o.putNull("cpuSeconds");
        } else {
            o.put("cpuSeconds", round(p.cpuSeconds()));
        }
        o.put("audioSecondsPerSecond", round(p.realTimeFactor()));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String times(double factor) {
        return String.format(Locale.ROOT, factor >= 10 ? "%.0fx" : "%.1fx", factor);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
