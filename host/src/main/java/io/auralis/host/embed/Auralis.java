package io.auralis.host.embed;

import io.auralis.api.output.FileRecord;
import io.auralis.api.output.OutputWriter;
import io.auralis.host.cli.ChosenWorkflow;
import io.auralis.host.engine.AnalysisServices;
import io.auralis.host.runtime.AuralisHost;
import io.auralis.host.runtime.HostException;
import io.auralis.host.workflow.WorkflowException;
import io.auralis.host.workflow.WorkflowLibrary;
import io.auralis.host.workflow.WorkflowValidator;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Auralis as a library: the platform of an installation (its bundles, extractors, models and workflows) running in
 * the caller's JVM, as {@code auralis analyze} runs it, with records returned as objects instead of written.
 *
 * <pre>{@code
 * try (Auralis auralis = Auralis.open(Path.of("/opt/auralis"))) {
 *     Analysis timeline = auralis.workflow("emotion-timeline");
 *     FileRecord record = timeline.analyze(Path.of("call.wav"));
 *     for (EmotionResult emotion : timeline.emotions(record, "emotion.emotion")) {
 *         System.out.println(emotion.time + " s: " + emotion.label);
 *     }
 * }
 * }</pre>
 *
 * <p><b>One platform per JVM.</b> PyTorch's native libraries load once per JVM, into one class loader: a second
 * framework's DJL bundle could never use them. So every {@code Auralis} opened in a JVM shares one running
 * framework (and each model, loaded once): objects may be opened and used from several threads and parts of a
 * program at once, and closing one leaves the others working. The framework stays up after the last one closes,
 * until the JVM exits, so that a later {@link #open} finds it (and its models) ready instead of starting one that
 * could not load PyTorch. For the same reason a JVM runs one installation: opening another while the first runs is
 * refused, and so is a state folder or device other than the one the first opening chose.
 *
 * <p>The class path needs the jars of the installation's {@code lib/} (or the Maven artifact
 * {@code io.auralis:auralis-host} with its dependencies); the bundles come from the installation folder. The state
 * folder (bundle cache, extracted natives) is {@code $AURALIS_STATE} or {@code ~/.auralis} unless
 * {@link Options#state} names one; other processes, such as the {@code auralis} command, may share it.
 */
public final class Auralis implements AutoCloseable {
    /** The JVM's one running platform; see the class comment for why it is shared and never restarted. */
    private static Platform running;

    private final Platform platform;
    private final Map<String, Analysis> workflows = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** The framework every {@code Auralis} of this JVM uses, and what it was opened with. */
    private record Platform(AuralisHost host, Path home, Path state, String device, WorkflowLibrary library) {
    }

    private Auralis(Platform platform) {
        this.platform = platform;
    }

    /**
     * Opens Auralis on an installation, with the default state folder and device ({@code auto}).
     *
     * @param installation the installation folder (holding {@code conf/platform.bundles}, {@code bundles/},
     *     {@code models/}, {@code workflows/}), such as {@code host/target/auralis}
     * @return an open handle; close it when done
     * @throws HostException if the platform cannot start, or this JVM runs another installation
     */
    public static Auralis open(Path installation) throws HostException {
        return options(installation).open();
    }

    /**
     * Starts describing how to open Auralis on an installation.
     *
     * @param installation the installation folder
     * @return options to set, then {@link Options#open}
     */
    public static Options options(Path installation) {
        return new Options(installation);
    }

    private static synchronized Platform platform(Options options) throws HostException {
        Path home = options.installation.toAbsolutePath().normalize();
        if (running == null) {
            AuralisHost.Builder builder = AuralisHost.builder().home(home).messages(options.messages);
            if (options.state != null) {
                builder.state(options.state);
            }
            if (options.device != null) {
                builder.device(options.device);
            }
            AuralisHost host = builder.build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(host::close, "auralis-library-host"));
            running = new Platform(host, home, host.state(), options.device != null ? options.device : "auto",
                new WorkflowLibrary(home.resolve("workflows")));
            return running;
        }
        String refused = !running.home().equals(home) ? "installation " + home
            : options.state != null && !running.state().equals(options.state.toAbsolutePath().normalize())
                ? "state folder " + options.state
            : options.device != null && !running.device().equals(options.device) ? "device " + options.device
            : null;
        if (refused != null) {
            throw new HostException("cannot open Auralis with " + refused + ": this JVM runs Auralis from "
                + running.home() + " (state " + running.state() + ", device " + running.device() + "), and PyTorch "
                + "loads once per JVM, so every Auralis in it shares that one");
        }
        return running;
    }

    /**
     * A workflow of the installation ({@code default}, {@code features}, {@code emotion-timeline}, ...) or a
     * workflow file, read and validated against the running extractors once; later calls with the same name return
     * the same object.
     *
     * @param nameOrFile a name in the installation's {@code workflows/} or a file (an existing file wins), a
     *     relative one resolved against the working directory
     * @return the analysis, thread-safe
     * @throws WorkflowException if the workflow is missing, unreadable or invalid; the message lists every problem
     * @throws IllegalStateException if this handle is closed
     */
    public Analysis workflow(String nameOrFile) throws WorkflowException {
        Objects.requireNonNull(nameOrFile, "workflow");
        checkOpen();
        Analysis known = workflows.get(nameOrFile);
        if (known != null) {
            return known;
        }
        AnalysisServices services = platform.host().services();
        Set<String> formats = services.writers().stream().map(OutputWriter::format).collect(Collectors.toSet());
        ChosenWorkflow chosen = ChosenWorkflow.resolve(platform.library(), nameOrFile,
            Path.of("").toAbsolutePath(), new WorkflowValidator(services.extractors(), formats));
        Analysis analysis = new Analysis(this, chosen.workflow(), services.decoder());
        Analysis raced = workflows.putIfAbsent(nameOrFile, analysis);
        return raced != null ? raced : analysis;
    }

    /**
     * Analyses one audio file with a workflow; short for {@code workflow(workflow).analyze(file)}.
     *
     * @param file the file (WAV, FLAC, AIFF, AU; other formats through ffmpeg)
     * @param workflow a workflow name or file, as for {@link #workflow}
     * @return the record: every output of the workflow, or the error that stopped the file
     * @throws WorkflowException if the workflow is missing or invalid
     */
    public FileRecord analyze(Path file, String workflow) throws WorkflowException {
        return workflow(workflow).analyze(file);
    }

    /**
     * Analyses mono samples with a workflow; short for {@code workflow(workflow).analyze(samples, sampleRate)}.
     *
     * @param samples the audio, mono, full scale at -1 and 1
     * @param sampleRate their rate in Hz; resampled to the workflow's rate as a file would be
     * @param workflow a workflow name or file, as for {@link #workflow}
     * @return the record, named {@code samples}
     * @throws WorkflowException if the workflow is missing or invalid
     */
    public FileRecord analyze(float[] samples, int sampleRate, String workflow) throws WorkflowException {
        return workflow(workflow).analyze(samples, sampleRate);
    }

    /**
     * The installation this handle runs.
     *
     * @return an absolute path
     */
    public Path installation() {
        return platform.home();
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this Auralis handle is closed");
        }
    }

    /**
     * Closes this handle: it and its {@link Analysis} objects refuse further work. Other handles go on; the shared
     * platform keeps running until the JVM exits (see the class comment).
     */
    @Override
    public void close() {
        closed = true;
    }

    /** How to open Auralis: the installation, and optionally the state folder, device and message sink. */
    public static final class Options {
        private final Path installation;
        private Path state;
        private String device;
        private Consumer<String> messages = line -> System.err.println("auralis: " + line);

        private Options(Path installation) {
            this.installation = Objects.requireNonNull(installation, "installation");
        }

        /**
         * The state folder: bundle cache and extracted natives. Defaults to {@code $AURALIS_STATE}, else
         * {@code ~/.auralis}.
         *
         * @param folder the folder, created if missing
         * @return these options
         */
        public Options state(Path folder) {
            this.state = Objects.requireNonNull(folder, "state");
            return this;
        }

        /**
         * The device for models: {@code auto} (the default), {@code cpu}, {@code gpu} or {@code gpu:N}.
         *
         * @param device the device
         * @return these options
         */
        public Options device(String device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        /**
         * Where the platform's problems go (a bundle that cannot start, say), one line each. Defaults to standard
         * error. Only the opening that starts the platform sets it.
         *
         * @param sink receives each line
         * @return these options
         */
        public Options messages(Consumer<String> sink) {
            this.messages = Objects.requireNonNull(sink, "messages");
            return this;
        }

        /**
         * Opens Auralis: starts the JVM's platform on the installation, or joins it if it runs already.
         *
         * @return an open handle
         * @throws HostException if the platform cannot start (the message says why), or this JVM runs another
         *     installation, state folder or device
         */
        public Auralis open() throws HostException {
            return new Auralis(platform(this));
        }
    }
}
