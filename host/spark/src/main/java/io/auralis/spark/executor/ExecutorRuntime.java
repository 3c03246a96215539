package io.auralis.spark.executor;

import io.auralis.host.files.FileTrees;
import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.output.OutputWriter;
import io.auralis.api.output.RecordEncoder;
import io.auralis.host.engine.AnalysisServices;
import io.auralis.host.engine.FileAnalyzer;
import io.auralis.host.runtime.AuralisHost;
import io.auralis.host.runtime.HostException;
import io.auralis.host.workflow.Workflow;
import io.auralis.host.workflow.WorkflowDefinition;
import io.auralis.host.workflow.WorkflowException;
import io.auralis.host.workflow.WorkflowReader;
import io.auralis.host.workflow.WorkflowValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The Auralis host of one executor JVM: started on the first task that needs it, shared by every task the executor
 * runs (at once, on several cores, and one job after another), and stopped when the JVM exits. So the bundles are
 * installed, the framework and Declarative Services started and any model loaded once per executor, not per task
 * or per file.
 *
 * <p>On a cluster, {@link HostPlugin} starts the host as the executor starts, in the background, so that it is
 * ready when the first task arrives rather than making that task wait. In local mode the executor is the driver's
 * JVM, which already runs the command line's host: the driver {@linkplain #adopt adopts} that host for the job,
 * and tasks use it rather than start a second framework.
 *
 * <p>Each executor holds a state folder of its own under {@code java.io.tmpdir} (hosts cannot share one), which
 * the next executor on the node reuses ({@link ExecutorState}); DJL's native libraries go to a cache shared by the
 * node's executors, so they are unpacked once per node.
 */
public final class ExecutorRuntime {
    private static ExecutorRuntime shared;
    private static CompletableFuture<ExecutorRuntime> starting;

    private final AnalysisServices services;
    private final AuralisHost host;
    private final Path scratch;
    private final Map<String, Analysis> analyses = new ConcurrentHashMap<>();

    /** A validated workflow ready to run on this executor. */
    public static final class Analysis {
        private final FileAnalyzer analyzer;
        private final Map<String, OutputDescriptor> outputs;

        Analysis(FileAnalyzer analyzer, Map<String, OutputDescriptor> outputs) {
            this.analyzer = analyzer;
            this.outputs = outputs;
        }

        /**
         * The per-file engine, thread-safe.
         *
         * @return the analyzer
         */
        public FileAnalyzer analyzer() {
            return analyzer;
        }

        /**
         * The outputs records carry, for encoding them.
         *
         * @return descriptors by {@code step.output}
         */
        public Map<String, OutputDescriptor> outputs() {
            return outputs;
        }
    }

    private ExecutorRuntime(AnalysisServices services, AuralisHost host, Path scratch) {
        this.services = services;
        this.host = host;
        this.scratch = scratch;
    }

    /**
     * This JVM's runtime, started now if this is the first call.
     *
     * @param plan where to find an installation and which device to use
     * @return the runtime
     * @throws IOException if no installation can be found or extracted, or the host does not start; the message
     *     says why
     */
    public static ExecutorRuntime get(ExecutorPlan plan) throws IOException {
        CompletableFuture<ExecutorRuntime> pending;
        synchronized (ExecutorRuntime.class) {
            if (shared != null) {
                return shared;
            }
            if (starting == null) {
                shared = start(plan.home(), plan.device());
                return shared;
            }
            pending = starting;
        }
        try {
            ExecutorRuntime started = pending.join();
            synchronized (ExecutorRuntime.class) {
                if (shared == null) {
                    shared = started;
                }
                return shared;
            }
        } catch (CompletionException e) {
            synchronized (ExecutorRuntime.class) {
                // Let the next task try again rather than fail every task of the executor for good.
                if (starting == pending) {
                    starting = null;
                }
            }
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /**
     * Starts this JVM's host in the background, for {@link #get} to pick up; does nothing if one runs or is
     * starting.
     *
     * @param home an installation folder to use where it exists, or {@code null} for the application jar's
     * @param device the compute device
     */
    public static synchronized void prestart(String home, String device) {
        if (shared != null || starting != null) {
            return;
        }
        CompletableFuture<ExecutorRuntime> future = new CompletableFuture<>();
        starting = future;
        Thread thread = new Thread(() -> {
            try {
                future.complete(start(home, device));
            } catch (IOException | RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "auralis-executor-host-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops this JVM's host, if it started one (the executor is shutting down). */
    public static void stop() {
        ExecutorRuntime runtime;
        CompletableFuture<ExecutorRuntime> pending;
        synchronized (ExecutorRuntime.class) {
            runtime = shared;
            pending = starting;
            shared = null;
            starting = null;
        }
        if (runtime == null && pending != null) {
            try {
                runtime = pending.join();
            } catch (CompletionException e) {
                return;
            }
        }
        if (runtime != null && runtime.host != null) {
            runtime.host.close();
        }
    }

    /**
     * Lets tasks in this JVM use a host that is already running (the driver's, in local mode) until the returned
     * handle is closed.
     *
     * @param services the running host's services
     * @param scratch a folder for temporary copies of remote inputs
     * @return a handle that withdraws the host again; it does not stop it
     * @throws IllegalStateException if this JVM already has a runtime
     */
    public static synchronized AutoCloseable adopt(AnalysisServices services, Path scratch) {
        if (shared != null || starting != null) {
            throw new IllegalStateException("this JVM already runs an executor host");
        }
        ExecutorRuntime adopted = new ExecutorRuntime(services, null, scratch);
        shared = adopted;
        return () -> {
            synchronized (ExecutorRuntime.class) {
                if (shared == adopted) {
                    shared = null;
                }
            }
        };
    }

    private static ExecutorRuntime start(String homeHint, String device) throws IOException {
        long started = System.nanoTime();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path home = homeHint != null && EmbeddedHome.isHome(Path.of(homeHint)) ? Path.of(homeHint)
            : EmbeddedHome.extract(tmp);
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            // Otherwise each executor would unpack the PyTorch natives (hundreds of MB) into its own state folder.
            System.setProperty("DJL_CACHE_DIR", tmp.resolve("auralis-djl").toString());
        }
        ExecutorState state = ExecutorState.acquire(tmp, home);
        AuralisHost host;
        try {
            host = startHost(home, state, device);
        } catch (HostException e) {
            if (!state.reused()) {
                state.close();
                throw new IOException("the executor's Auralis host did not start (installation " + home + "): "
                    + e.getMessage(), e);
            }
            // A cache left by an executor that died mid-write: start from scratch once.
            System.err.println("auralis: executor: starting afresh in " + state.folder() + ": " + e.getMessage());
            state.wipe();
            try {
                host = startHost(home, state, device);
            } catch (HostException again) {
                state.close();
                throw new IOException("the executor's Auralis host did not start (installation " + home + "): "
                    + again.getMessage(), again);
            }
        }
        AuralisHost running = host;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            try {
                state.close();
            } catch (IOException e) {
                System.err.println("auralis: executor: cannot release " + state.folder() + ": " + e.getMessage());
            }
        }, "auralis-executor-host"));
        Path copies = state.folder().resolve("copies");
        // Copies a killed executor left behind.
        FileTrees.delete(copies);
        System.err.printf(java.util.Locale.ROOT, "auralis: executor: host started in %.1f s from %s (%s bundle"
            + " cache in %s)%n", (System.nanoTime() - started) / 1e9, home, state.reused() ? "reused" : "new",
            state.folder());
        return new ExecutorRuntime(host.services(), host, Files.createDirectories(copies));
    }

    private static AuralisHost startHost(Path home, ExecutorState state, String device) throws HostException {
        return AuralisHost.builder()
            .home(home)
            .state(state.folder())
            .device(device)
            .messages(line -> System.err.println("auralis: executor: " + line))
            .build()
            .start();
    }

    /**
     * The workflow of a plan, validated against this executor's extractors once, summarised as the plan says, and
     * then reused.
     *
     * @param plan the plan
     * @return the analysis
     * @throws WorkflowException if the workflow is not valid here (an extractor the driver had is missing)
     */
    public Analysis analysis(ExecutorPlan plan) throws WorkflowException {
        Analysis known = analyses.get(plan.key());
        if (known != null) {
            return known;
        }
        WorkflowDefinition definition = new WorkflowReader().parse(plan.workflowJson(), plan.workflowSource());
        if (definition.name == null || definition.name.isBlank()) {
            definition.name = plan.workflowName();
        }
        List<String> formats = services.writers().stream().map(OutputWriter::format).collect(Collectors.toList());
        Workflow workflow = new WorkflowValidator(services.extractors(), formats)
            .validate(definition, plan.workflowSource());
        if (plan.summary() != null) {
            try {
                workflow = workflow.summarised(plan.summary());
            } catch (IllegalArgumentException e) {
                throw new WorkflowException(plan.workflowSource(), e.getMessage());
            }
        }
        AudioDecoder decoder = services.decoder();
        Analysis analysis = new Analysis(new FileAnalyzer(workflow, decoder), workflow.outputs());
        Analysis raced = analyses.putIfAbsent(plan.key(), analysis);
        return raced != null ? raced : analysis;
    }

    /**
     * An encoder of records in a writer's format, for one partition's thread.
     *
     * @param format the writer's format
     * @param outputs the outputs the records carry
     * @return the encoder
     * @throws IllegalStateException if no such writer is installed here, or it cannot encode a stream
     */
    public RecordEncoder encoder(String format, Map<String, OutputDescriptor> outputs) {
        for (OutputWriter w : services.writers()) {
            if (w.format().equals(format)) {
                return w.encoder(outputs).orElseThrow(() -> new IllegalStateException("the " + format
                    + " writer cannot write the part files of a distributed run"));
            }
        }
        throw new IllegalStateException("no " + format + " writer is installed on this executor");
    }

    /**
     * The folder for temporary copies of remote inputs.
     *
     * @return an existing folder on this executor's disk
     */
    public Path scratch() {
        return scratch;
    }

    /**
     * Whether this runtime started a host of its own (rather than adopting the driver's).
     *
     * @return {@code true} on a cluster executor
     */
    public boolean ownsHost() {
        return host != null;
    }
}
