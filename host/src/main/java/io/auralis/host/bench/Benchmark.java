package io.auralis.host.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auralis.api.command.InputFile;
import io.auralis.api.command.InputFiles;
import io.auralis.api.command.UsageException;
import io.auralis.host.files.FileTrees;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runs of {@code auralis bench}, one child process of the installation's launcher each, in a temporary folder
 * that holds the children's state folder, the generated workflows and recordings, and is deleted at the end.
 *
 * <ol>
 *   <li>cold start: {@code analyze} (the default workflow) on one short file with a fresh state folder, which
 *       installs the platform and unpacks PyTorch; warm start: the same again;</li>
 *   <li>per model, {@code analyze} over the corpus with a workflow of one step, {@code auralis.ser} in clip mode
 *       (one emotion per whole file) with that model;</li>
 *   <li>with {@code --long}: generated speech-like recordings through the {@code emotion-timeline} workflow;</li>
 *   <li>{@code ser bench --json};</li>
 *   <li>with {@code --reference DIR}: per model, {@code ser predict}, the PyTorch reference script
 *       ({@code bench/torch_reference.py}) and {@code analyze} over each folder, alternating.</li>
 * </ol>
 */
public final class Benchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUMMARY_RATE = Pattern.compile("\\(([0-9.]+) audio seconds per second\\)");

    private final Path home;
    private final PrintStream log;

    /**
     * Creates the benchmark of an installation.
     *
     * @param home the installation folder, holding {@code bin/auralis}, {@code models/} and {@code samples/}
     * @param log receives a line as each run starts and ends
     */
    Benchmark(Path home, PrintStream log) {
        this.home = home;
        this.log = log;
    }

    /**
     * Takes the figures the options ask for and prints the report: {@code auralis bench}.
     *
     * @param home the installation folder
     * @param options the settings
     * @param log receives a line as each run starts and ends
     * @param out receives the report, tables or JSON as the options say
     * @return whether every run succeeded (otherwise the report lists the failed ones)
     * @throws IllegalArgumentException for a setting that does not fit this installation (one line)
     * @throws IOException if the temporary folder cannot be written or a child cannot be started
     * @throws InterruptedException if interrupted
     */
    public static boolean measure(Path home, BenchOptions options, PrintStream log, PrintStream out)
            throws IOException, InterruptedException {
        BenchResult result = new Benchmark(home, log).run(options);
        out.print(options.json() ? Report.json(result) + System.lineSeparator() : Report.table(result));
        out.flush();
        return result.problems().isEmpty();
    }

    /**
     * The launcher the children run.
     *
     * @return {@code bin/auralis} of the installation
     */
    Path launcher() {
        return home.resolve("bin").resolve("auralis");
    }

    /**
     * The models installed.
     *
     * @return names of the folders under {@code models/} that hold a {@code model.json}, sorted
     */
    List<String> installedModels() {
        Path models = home.resolve("models");
        if (!Files.isDirectory(models)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(models)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("model.json"))).map(p -> p.getFileName().toString())
                .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Runs every measurement the options ask for.
     *
     * @param options the settings
     * @return the figures
     * @throws IllegalArgumentException for a setting that does not fit this installation (one line)
     * @throws IOException if the temporary folder cannot be written or a child cannot be started
     * @throws InterruptedException if interrupted
     */
    BenchResult run(BenchOptions options) throws IOException, InterruptedException {
        if (!Files.isExecutable(launcher())) {
            throw new IllegalArgumentException(launcher() + ": no launcher to run (is this an installation?)");
        }
        List<String> models = options.modelsFrom(installedModels());
        Path corpus = options.corpus() != null ? options.corpus() : home.resolve("samples");
        Path startFile = smallestAudio(home.resolve("samples"));
        if (startFile == null) {
            startFile = smallestAudio(corpus);
        }
        if (startFile == null) {
            throw new IllegalArgumentException(corpus + ": no audio files to analyse");
        }
        Machine machine = Machine.describe();
        String started = OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString();
        String loadAtStart = Machine.loadAverage();
        List<String> problems = new ArrayList<>();
        Path scratch = Files.createTempDirectory("auralis-bench");
        // On Ctrl-C the JVM runs shutdown hooks but no finally blocks: the scratch folder holds PyTorch's unpacked
        // natives and the long recordings, hundreds of MB, so it goes in a hook too, after this process's own child
        // (which a terminal's Ctrl-C reaches anyway, but a kill of this process alone does not).
        Thread cleanup = new Thread(() -> {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
            deleteTree(scratch);
        }, "auralis-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            Path work = Files.createDirectories(scratch.resolve("work"));
            LauncherProcesses children = new LauncherProcesses(launcher(), scratch.resolve("state"), work);

            ChildRun cold = checked(start(children, "cold start", startFile), problems);
            ChildRun warm = checked(start(children, "warm start", startFile), problems);

            // the comparison with the reference is a benchmark of its own: the other parts would only lengthen it
            boolean others = options.reference().isEmpty();
            List<BenchResult.Throughput> throughput = new ArrayList<>();
            for (String model : others ? models : List.<String>of()) {
                BenchResult.Throughput t = throughput(children, work, model, corpus);
                if (checked(t.run(), problems) != null) {
                    throughput.add(t);
                }
            }

            List<BenchResult.LongRecording> recordings = new ArrayList<>();
            if (others && options.longRecordings()) {
                for (double seconds : options.recordingSeconds()) {
                    BenchResult.LongRecording r = longRecording(children, scratch, seconds);
                    if (checked(r.run(), problems) != null) {
                        recordings.add(r);
                    }
                }
            }

            BenchResult.SerBench ser = others ? serBench(children, options.serBenchArguments()) : null;
            if (ser != null && (checked(ser.run(), problems) == null || ser.figures() == null)) {
                if (ser.figures() == null && ser.run().exitCode() == 0) {
                    problems.add("ser bench: printed no JSON");
                }
                ser = null;
            }
            List<BenchResult.Reference> reference = new ArrayList<>();
            if (!options.reference().isEmpty()) {
                String missing = pythonProblem(children);
                if (missing != null) {
                    problems.add(missing);
                } else {
                    for (String model : models) {
                        for (Path folder : options.reference()) {
                            reference.add(compare(children, work, model, folder, problems));
                        }
                    }
                }
            }
            return new BenchResult(machine, started, loadAtStart, Machine.loadAverage(), startFile.toString(), cold,
                warm, throughput, recordings, ser, reference, problems);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // shutting down: the hook deletes the folder
            }
            deleteTree(scratch);
        }
    }

    /** Returns the run when it succeeded (exit code 0 or 1, some files failed), else records the problem. */
    private static ChildRun checked(ChildRun run, List<String> problems) {
        if (run.exitCode() == 0 || run.exitCode() == 1) {
            return run;
        }
        problems.add(run.label() + ": exit code " + run.exitCode() + ": " + run.lastError());
        return null;
    }

    private ChildRun start(LauncherProcesses children, String label, Path file) throws IOException,
        InterruptedException {
        log.println("auralis: bench: " + label + ": analyze " + file.getFileName());
        ChildRun run = children.run(label, List.of("analyze", file.toString()), line -> { });
        log.printf(Locale.ROOT, "auralis: bench: %s: first record after %.2f s, %.2f s in all%n", label,
            run.firstRecordSeconds(), run.wallSeconds());
        return run;
    }

    private BenchResult.Throughput throughput(LauncherProcesses children, Path work, String model, Path corpus)
        throws IOException, InterruptedException {
        Path file = clipWorkflow(work, model);
        log.println("auralis: bench: analyze " + corpus + " with model " + model);
        Counts counts = new Counts();
        ChildRun run = children.run("analyze with " + model, List.of("analyze", "--workflow", file.toString(),
            corpus.toString()), counts::add);
        double analysis = Double.NaN;
        Matcher m = SUMMARY_RATE.matcher(run.stderrTail());
        if (m.find() && Double.parseDouble(m.group(1)) > 0) {
            analysis = counts.audioSeconds / Double.parseDouble(m.group(1));
        }
        log.printf(Locale.ROOT, "auralis: bench: %d files, %.0f s of audio in %.1f s%n", counts.files,
            counts.audioSeconds, run.wallSeconds());
        return new BenchResult.Throughput(model, architecture(model), corpus.toString(), counts.files, counts.failed,
            counts.audioSeconds, analysis, run);
    }

    /** Why the reference cannot run here, or {@code null} when Debian's PyTorch and torchaudio import. */
    private static String pythonProblem(LauncherProcesses children) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(BenchOptions.PYTHON))) {
            return "reference: " + BenchOptions.PYTHON + " is missing (Debian: apt-get install python3-torch "
                + "python3-torchaudio)";
        }
        ChildRun check = children.command("reference check", List.of(BenchOptions.PYTHON, "-c",
            "import torch, torchaudio"), line -> { });
        return check.exitCode() == 0 ? null : "reference: " + BenchOptions.PYTHON + " cannot import torch and "
            + "torchaudio (Debian: apt-get install python3-torch python3-torchaudio)";
    }

    /**
     * {@code ser predict}, the reference and {@code analyze} over one folder, alternating, so that a machine
     * whose speed drifts (a shared virtual machine) treats them alike.
     */
    private BenchResult.Reference compare(LauncherProcesses children, Path work, String model, Path folder,
            List<String> problems) throws IOException, InterruptedException {
        List<String> files = audioIn(folder).stream().map(Path::toString).toList();
        Path workflow = clipWorkflow(work, model);
        Path script = home.resolve("bench").resolve("torch_reference.py");
        List<ChildRun> predict = new ArrayList<>();
        List<ChildRun> torch = new ArrayList<>();
        List<ChildRun> analyze = new ArrayList<>();
        double[] audio = {0};
        for (int round = 1; round <= BenchOptions.REFERENCE_ROUNDS; round++) {
            log.printf(Locale.ROOT, "auralis: bench: reference round %d: %d files of %s with %s%n", round,
                files.size(), folder, model);
            List<String> args = new ArrayList<>(List.of("ser", "predict", "--model", model));
            args.addAll(files);
            audio[0] = 0;
            ChildRun p = checked(children.run("ser predict with " + model, args, line -> {
                if (line.startsWith("{")) {
                    try {
                        audio[0] += JSON.readTree(line).path("duration").asDouble();
                    } catch (JsonProcessingException e) {
                        // not a record
                    }
                }
            }), problems);
            List<String> reference = new ArrayList<>(List.of(BenchOptions.PYTHON, script.toString(), "--model",
                home.resolve("models").resolve(model).toString()));
            reference.addAll(files);
            ChildRun t = checked(children.command("PyTorch reference with " + model, reference, line -> { }),
                problems);
            ChildRun a = checked(children.run("analyze with " + model, List.of("analyze", "--workflow",
                workflow.toString(), folder.toString()), line -> { }), problems);
            if (p == null || t == null || a == null) {
                break;
            }
            predict.add(p);
            torch.add(t);
            analyze.add(a);
            log.printf(Locale.ROOT, "auralis: bench: ser predict %.1f s, reference %.1f s, analyze %.1f s%n",
                p.wallSeconds(), t.wallSeconds(), a.wallSeconds());
        }
        return new BenchResult.Reference(model, architecture(model), folder.toString(), files.size(), audio[0],
            predict, torch, analyze);
    }

    /** A workflow of one step: the emotion of each whole file with the model. */
    private static Path clipWorkflow(Path work, String model) throws IOException {
        ObjectNode workflow = JSON.createObjectNode();
        workflow.put("name", "bench-" + model);
        workflow.put("description", "auralis bench: the emotion of each whole file with model " + model);
        workflow.put("sampleRate", 16000);
        ObjectNode step = workflow.putArray("steps").addObject();
        step.put("id", "emotion");
        step.put("extractor", "auralis.ser");
        step.putObject("parameters").put("model", model).put("mode", "clip");
        workflow.putArray("outputs").add("emotion.emotion");
        Path file = work.resolve("bench-" + model + ".json");
        Files.writeString(file, workflow.toPrettyString());
        return file;
    }

    private BenchResult.LongRecording longRecording(LauncherProcesses children, Path scratch, double seconds)
        throws IOException, InterruptedException {
        Path file = scratch.resolve(String.format(Locale.ROOT, "speech-%.0fs.wav", seconds));
        log.printf(Locale.ROOT, "auralis: bench: writing a %s recording%n", Report.length(seconds));
        SpeechLikeRecording.write(file, seconds, 1);
        Counts counts = new Counts();
        ChildRun run = children.run("emotion-timeline on " + Report.length(seconds), List.of("analyze", "--workflow",
            "emotion-timeline", file.toString()), counts::add);
        Files.deleteIfExists(file);
        log.printf(Locale.ROOT, "auralis: bench: %s recording: %.1f s, %d speech segments%n",
            Report.length(seconds), run.wallSeconds(), counts.segments);
        return new BenchResult.LongRecording(seconds, counts.segments, counts.emotions, run);
    }

    private BenchResult.SerBench serBench(LauncherProcesses children, List<String> args) throws IOException,
        InterruptedException {
        List<String> command = new ArrayList<>(List.of("ser", "bench"));
        command.addAll(args);
        log.println("auralis: bench: ser bench " + String.join(" ", args));
        JsonNode[] figures = new JsonNode[1];
        ChildRun run = children.run("ser bench", command, line -> {
            if (line.startsWith("{")) {
                try {
                    figures[0] = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    // reported as missing figures
                }
            }
        });
        return new BenchResult.SerBench(run, figures[0]);
    }

    private String architecture(String model) {
        try {
            JsonNode config = JSON.readTree(home.resolve("models").resolve(model).resolve("model.json").toFile());
            return config.path("architecture").asText("?");
        } catch (IOException e) {
            return "?";
        }
    }

    /** Tallies the records of an analyze run as they arrive. */
    private static final class Counts {
        int files;
        int failed;
        double audioSeconds;
        int segments;
        int emotions;

        void add(String line) {
            if (!line.startsWith("{")) {
                return;
            }
            JsonNode r;
            try {
                r = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                return;
            }
            files++;
            if (!r.path("error").isNull() && !r.path("error").isMissingNode()) {
                failed++;
            }
            audioSeconds += r.path("duration").asDouble();
            JsonNode outputs = r.path("outputs");
            segments += outputs.path("segments.speech").size();
            emotions += outputs.path("emotion.emotion").size();
        }
    }

    /** The smallest audio file directly in a folder or below it, or {@code null}. */
    static Path smallestAudio(Path folder) {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        Comparator<Path> bySize = Comparator.comparingLong(Benchmark::sizeOrMax);
        return audioIn(folder).stream().min(bySize.thenComparing(Path::toString)).orElse(null);
    }

    /** The audio files in a folder and below it, found as analyze finds them; empty when there are none. */
    private static List<Path> audioIn(Path folder) {
        try {
            return InputFiles.collect(List.of(folder.toString()), folder, warning -> { }).stream()
                .filter(f -> f.problem() == null).map(InputFile::path).toList();
        } catch (UsageException e) {
            return List.of();
        }
    }

    private static long sizeOrMax(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void deleteTree(Path root) {
        try {
            FileTrees.delete(root);
        } catch (IOException e) {
            // a leftover temporary folder is harmless; the operating system cleans its temporary folder
        }
    }
}
