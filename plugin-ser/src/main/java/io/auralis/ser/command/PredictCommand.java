package io.auralis.ser.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auralis.api.audio.AudioBlock;
import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioStream;
import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.command.InputFile;
import io.auralis.api.command.UsageException;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.ser.extractor.ClipSession;
import io.auralis.ser.extractor.EmotionDelivery;
import io.auralis.ser.extractor.EmotionSessions;
import io.auralis.ser.extractor.SerExtractor;
import io.auralis.ser.inference.EmotionModel;
import io.auralis.ser.inference.EmotionPrediction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code auralis ser predict}: the emotion of each file, one JSON line per file on standard output. Where it
 * overlaps {@code analyze} it behaves the same: its arguments are expanded by the host's own search
 * ({@link CommandContext#inputs}), so it reads the files {@code analyze} would from the same arguments, named as the
 * user typed them, and the exit codes mean the same.
 */
final class PredictCommand implements Subcommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BLOCK = 16384;
    /** Decoded samples handed to the model and not yet predicted, at most: 64 MB, 17 minutes of 16 kHz audio. */
    private static final int IN_FLIGHT_SAMPLES = 16 << 20;
    /** Files decoded or predicted ahead of the one printed next, at most. */
    private static final int MAX_AHEAD = 512;

    @Override
    public String name() {
        return "predict";
    }

    @Override
    public String summary() {
        return "recognise the emotion of audio files; one JSON line per file";
    }

    @Override
    public String usage() {
        return CommandLines.usage(List.of("auralis ser predict [--model DIR|NAME] [--window S [--hop S]] [--workers N]",
                "                    [--device D] <file|folder>..."),
            String.join("\n",
                "Decodes each file at 16 kHz mono and prints one JSON line per file on standard output, in input",
                "order. Folders are searched exactly as analyze searches them (recursively, for the audio",
                "extensions 'auralis help analyze' lists, hidden names skipped); files named explicitly are always",
                "read. Each line:",
                "  {\"file\", \"duration\", \"model\", \"device\", \"label\", \"confidence\",",
                "   \"distribution\": {class: p, ...}, \"logprobs\": [in class order]}"),
            options(),
            String.join("\n",
                "A file that cannot be decoded, or is shorter than the model's minimum (about 74 ms), gets one line on",
                "standard error and the others go on. Exit codes, as analyze's: 0 every file worked; 1 some or all",
                "failed; 2 bad arguments, a missing file or folder, or a bad model (nothing read)."));
    }

    private static Options options() {
        return new Options()
            .addOption(CommandLines.model())
            .addOption(CommandLines.valued("window", "S", "predict windows of S seconds instead of the whole file; "
                + "adds \"windows\" (time, duration, label, confidence, distribution, logprobs) and reports the mean "
                + "of the windows' probabilities (logprobs: its logarithm) as the file's result"))
            .addOption(CommandLines.valued("hop", "S", "seconds between window starts (default: the window length)"))
            .addOption(CommandLines.valued("workers", "N", "files decoded at once while the network runs on batches of "
                + "their clips (default: twice the number of cores)"))
            .addOption(CommandLines.device());
    }

    @Override
    public int run(List<String> args, CommandContext context, SerServices services) throws Exception {
        CommandLine a = CommandLines.parse(options(), args);
        if (a.getArgList().isEmpty()) {
            throw new UsageException("no audio files or folders given");
        }
        Double window = CommandLines.positive(a, "window");
        Double hop = CommandLines.positive(a, "hop");
        if (hop != null && window == null) {
            throw new UsageException("--hop needs --window");
        }
        EmotionModel model = services.model(a, context.workingDirectory());
        int rate = model.sampleRate();
        int windowSamples = window == null ? 0 : (int) Math.round(window * rate);
        int hopSamples = window == null ? 0 : (int) Math.round((hop == null ? window : hop) * rate);
        if (window != null && windowSamples < model.minimumSamples()) {
            throw new UsageException("--window " + window + " is shorter than the " + model.minimumSamples()
                + " samples (" + model.minimumSamples() * 1000 / rate + " ms) the model needs");
        }
        int failed = 0;
        int workers = workers(a);
        List<InputFile> inputs = context.inputs(a.getArgList());
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "auralis-ser-predict");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(IN_FLIGHT_SAMPLES);
        try {
            // Files decode on the workers. In clip mode a worker hands its file's clip to the model and goes on to
            // the next file, so the inference threads find many files' clips waiting and fill whole batches (with
            // each worker waiting for its own clip, batches were never larger than the number of workers). Results
            // are printed in the order the files were given.
            Deque<Future<CompletableFuture<String[]>>> ahead = new ArrayDeque<>();
            int next = 0;
            for (int done = 0; done < inputs.size(); done++) {
                while (next < inputs.size() && ahead.size() < MAX_AHEAD) {
                    InputFile input = inputs.get(next++);
                    ahead.add(pool.submit(() -> outcome(input, model, windowSamples, hopSamples, services,
                        inFlight)));
                }
                String[] outcome = result(ahead.removeFirst());
                if (outcome[0] != null) {
                    context.out().println(outcome[0]);
                } else {
                    context.err().println(outcome[1]);
                    failed++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        context.out().flush();
        // As analyze: files that could not be read are failed work (1), however many; 2 is for bad usage only.
        return failed == 0 ? Command.OK : Command.PARTIAL_FAILURE;
    }

    private static int workers(CommandLine a) throws UsageException {
        return CommandLines.integer(a, "workers", 2 * Runtime.getRuntime().availableProcessors(), 1);
    }

    /** The file's JSON line, or its one-line error: {line, null} or {null, error}; in clip mode still to come. */
    private CompletableFuture<String[]> outcome(InputFile input, EmotionModel model, int window, int hop,
                                                SerServices services, Semaphore inFlight)
        throws IOException, InterruptedException {
        String name = input.name();
        if (input.problem() != null) {
            return failed(name, input.problem());
        }
        try {
            if (window > 0) {
                return CompletableFuture.completedFuture(
                    new String[] {JSON.writeValueAsString(windows(name, input.path(), model, window, hop, services)),
                        null});
            }
            ClipSession session = EmotionSessions.clip(model, (p, time, duration, sink) -> { },
                SerExtractor.MAX_CLIP_SECONDS);
            long frames = decode(input.path(), model, session, services);
            // the clip stays in memory until predicted: wait here while too many samples are waiting already
            int samples = (int) Math.min(frames, IN_FLIGHT_SAMPLES);
            inFlight.acquire(samples);
            CompletableFuture<EmotionPrediction> prediction;
            try {
                prediction = session.finishWithoutWaiting();
            } catch (ExtractionException | RuntimeException e) {
                inFlight.release(samples);
                throw e;
            }
            prediction.whenComplete((p, e) -> inFlight.release(samples));
            double seconds = frames / (double) model.sampleRate();
            return prediction.handle((p, e) -> {
                if (e != null) {
                    return new String[] {null, "auralis: " + name + ": " + EmotionModel.failure(e)};
                }
                try {
                    return new String[] {JSON.writeValueAsString(line(name, seconds, model, p)), null};
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            });
        } catch (AudioFormatException e) {
            // the decoder names the file by the path it was given; the user typed the name
            return failed(name, e.problem());
        } catch (ExtractionException | IOException e) {
            return failed(name, e.getMessage());
        }
    }

    private static CompletableFuture<String[]> failed(String name, String problem) {
        return CompletableFuture.completedFuture(new String[] {null, "auralis: " + name + ": " + problem});
    }

    private static String[] result(Future<CompletableFuture<String[]>> f) throws Exception {
        try {
            return f.get().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    /** Feeds the file to the session and returns its length in frames; the session is not finished. */
    private static long decode(Path file, EmotionModel model, ExtractorSession session, SerServices services)
        throws IOException, ExtractionException {
        long frames = 0;
        try (AudioStream in = services.decoder().open(file, model.sampleRate())) {
            float[] buffer = new float[BLOCK];
            for (int n; (n = in.read(buffer, 0, buffer.length)) >= 0; ) {
                if (n > 0) {
                    session.process(new AudioBlock(buffer, n, frames, model.sampleRate()), null);
                    frames += n;
                }
            }
        }
        return frames;
    }

    private static ObjectNode line(String name, double seconds, EmotionModel model, EmotionPrediction p) {
        ObjectNode line = JSON.createObjectNode();
        line.put("file", name);
        line.put("duration", seconds);
        line.put("model", model.directory().path().getFileName().toString());
        line.put("device", model.deviceName());
        put(line, p);
        return line;
    }

    private ObjectNode windows(String name, Path file, EmotionModel model, int window, int hop,
                               SerServices services) throws IOException, ExtractionException {
        List<Object[]> results = new ArrayList<>();
        EmotionDelivery collect = (p, time, duration, sink) -> results.add(new Object[] {p, time, duration});
        long frames;
        try (ExtractorSession session = EmotionSessions.windows(model, collect, window, hop)) {
            frames = decode(file, model, session, services);
            session.finish(null);
        }
        float[] mean = new float[model.classes().size()];
        ArrayNode windows = JSON.createArrayNode();
        for (Object[] r : results) {
            EmotionPrediction p = (EmotionPrediction) r[0];
            float[] probs = p.probabilities();
            for (int i = 0; i < mean.length; i++) {
                mean[i] += probs[i] / results.size();
            }
            ObjectNode w = windows.addObject();
            w.put("time", (Double) r[1]);
            w.put("duration", (Double) r[2]);
            put(w, p);
        }
        float[] logMean = new float[mean.length];
        for (int i = 0; i < mean.length; i++) {
            logMean[i] = (float) Math.log(mean[i]);
        }
        ObjectNode line = line(name, frames / (double) model.sampleRate(), model,
            new EmotionPrediction(model.classes(), logMean));
        line.set("windows", windows);
        return line;
    }

    private static void put(ObjectNode node, EmotionPrediction p) {
        node.put("label", p.label());
        node.put("confidence", p.confidence());
        ObjectNode probabilities = node.putObject("distribution");
        float[] probs = p.probabilities();
        for (int i = 0; i < probs.length; i++) {
            probabilities.put(p.classes().get(i), probs[i]);
        }
        ArrayNode logprobs = node.putArray("logprobs");
        for (float v : p.logProbabilities()) {
            logprobs.add(v);
        }
    }
}
