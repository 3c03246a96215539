package io.auralis.host.runtime;

import io.auralis.api.Platform;
import io.auralis.host.engine.AnalysisServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * An embedded Apache Felix framework running an Auralis installation: the platform's bundles from
 * {@code <home>/conf/platform.bundles}, the bundles the user installed (kept in the state folder's bundle cache),
 * and jars dropped into {@code <state>/bundles/}.
 *
 * <pre>{@code
 * try (AuralisHost host = AuralisHost.builder().home(home).state(state).build().start()) {
 *     AnalysisServices services = host.services();
 *     ...
 * }
 * }</pre>
 *
 * <p>A host keeps no static state and never exits the JVM, so several hosts with different state folders can run
 * in one JVM (as on a Spark executor). Two hosts, in one JVM or two processes, cannot share a state folder: the
 * second fails to start with a {@link HostException} that says so.
 *
 * <p>The API jar on the class path is exported to bundles at the versions its own manifest declares, and so is
 * the OSGi log API: the host registers a log service that passes what bundles log to its message sink. The host
 * sets the framework properties named in {@link Platform}.
 */
public final class AuralisHost implements AutoCloseable {
    /** The platform bundle list inside an installation. */
    public static final String PLATFORM_BUNDLES = "conf/platform.bundles";
    /** The state folder's hot-deploy folder. */
    public static final String DEPLOY_FOLDER = "bundles";
    /** The bundle cache inside the state folder. */
    static final String FRAMEWORK_FOLDER = "framework";
    /** What the host installed from jars, inside the state folder. */
    static final String RECORDS_FILE = "installed-jars.properties";

    private final Path home;
    private final Path state;
    private final String device;
    private final Map<String, String> extraProperties;
    private final Duration serviceTimeout;
    private final Consumer<String> messages;
    private final boolean debug;
    private final boolean watchDeployFolder;
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private Framework framework;
    private RegistryServices services;
    private BundleManager bundles;
    private DeployFolder deployFolder;
    private boolean logBridge;
    private boolean closed;

    private AuralisHost(Builder builder) {
        this.home = builder.home.toAbsolutePath().normalize();
        this.state = (builder.state != null ? builder.state : defaultState(System.getenv()))
            .toAbsolutePath().normalize();
        this.device = builder.device;
        this.extraProperties = Collections.unmodifiableMap(new LinkedHashMap<>(builder.properties));
        this.serviceTimeout = builder.serviceTimeout;
        this.messages = builder.messages;
        this.debug = builder.debug;
        this.watchDeployFolder = builder.watchDeployFolder;
    }

    /**
     * Starts configuring a host.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The state folder used when none is given: {@code $AURALIS_STATE}, or {@code .auralis} in {@code $HOME}
     * (in the {@code user.home} system property when {@code HOME} is unset), the folder {@code bin/auralis} uses too.
     *
     * @param environment the process environment, such as {@link System#getenv()}
     * @return the folder
     */
    public static Path defaultState(Map<String, String> environment) {
        String fromEnvironment = environment.get("AURALIS_STATE");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment);
        }
        // Java's user.home is the passwd entry's folder, not $HOME: with HOME=/x the launcher script would keep its
        // class-data archive in /x/.auralis and the host its bundles elsewhere.
        String home = environment.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".auralis");
    }

    /**
     * Starts the framework: installs or updates the platform's bundles and the dropped-in jars, then starts the
     * framework, which starts every bundle marked to start. Problems with single bundles do not stop the host;
     * they go to the message sink and to {@link #problems()}.
     *
     * @return this host
     * @throws HostException if the installation is incomplete, the state folder cannot be used (or is in use),
     *     or the framework cannot start
     * @throws IllegalStateException if the host was started before
     */
    public synchronized AuralisHost start() throws HostException {
        if (framework != null || closed) {
            throw new IllegalStateException("this host was already started");
        }
        List<PlatformBundles.Entry> platform = PlatformBundles.read(home);
        Path deploy = state.resolve(DEPLOY_FOLDER);
        try {
            Files.createDirectories(deploy);
        } catch (IOException e) {
            String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way: " + e.getMessage()
                : e.getMessage();
            throw new HostException(state + ": cannot create the state folder (" + reason + ")", e);
        }
        Framework created = new FrameworkFactory().newFramework(frameworkProperties());
        try {
            created.init();
        } catch (BundleException e) {
            throw initFailure(e);
        }
        try {
            BundleContext context = created.getBundleContext();
            if (logBridge) {
                // Before any bundle starts, so that SCR logs through it from the first message.
                new BundleLogService(this::problem, debug).register(context);
            }
            JarRecords records = JarRecords.load(state.resolve(RECORDS_FILE));
            PlatformBundles.reconcile(context, platform, records, this::problem);
            BundleManager manager = new BundleManager(context, serviceTimeout);
            DeployFolder folder = new DeployFolder(deploy, context, records, this::problem, manager::refresh);
            DeployFolder.Changes dropped = folder.scan();
            folder.start(dropped.installed());
            records.save();
            created.start();
            framework = created;
            bundles = manager;
            deployFolder = folder;
            services = new RegistryServices(context, serviceTimeout);
            if (watchDeployFolder) {
                folder.watch();
            }
            return this;
        } catch (BundleException | IOException | RuntimeException e) {
            stop(created);
            throw new HostException("cannot start the framework in " + state + ": " + e.getMessage(), e);
        }
    }

    private HostException initFailure(BundleException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("lock bundle cache")) {
                return new HostException(state + ": the state folder is in use by another Auralis host; wait for it"
                    + " to finish, or give this one its own with --state DIR (or AURALIS_STATE)", e);
            }
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new HostException(state.resolve(FRAMEWORK_FOLDER) + ": cannot open the bundle cache: "
            + cause.getMessage(), e);
    }

    private Map<String, String> frameworkProperties() throws HostException {
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, state.resolve(FRAMEWORK_FOLDER).toString());
        String exports = ClassPathExports.API.exportPackage();
        // Without the log API on the class path (a repackaged jar), bundles log to standard error themselves.
        Optional<String> logApi = ClassPathExports.LOG.find();
        logBridge = logApi.isPresent();
        if (logBridge) {
            exports = exports + "," + logApi.get();
        }
        String extra = extraProperties.get(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
            extra == null || extra.isBlank() ? exports : exports + "," + extra);
        // Quiet unless something is wrong, and never on standard output.
        config.put("felix.log.logger", new FrameworkLog(this::problem, debug));
        config.put("felix.log.level", debug ? "2" : "1");
        // JVM-wide URL handler factories clash with other frameworks and with Spark's own; bundles here need none.
        config.put("felix.service.urlhandlers", "false");
        // SCR keeps the parsed component descriptions in the bundle cache instead of parsing XML at every start.
        config.put("ds.cache.metadata", "true");
        config.put(Platform.HOME, home.toString());
        config.put(Platform.STATE, state.toString());
        config.put(Platform.MODELS, home.resolve("models").toString());
        config.put(Platform.DEVICE, device);
        extraProperties.forEach((key, value) -> {
            if (!Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA.equals(key)) {
                config.put(key, value);
            }
        });
        // Felix accepts objects (its logger) in the configuration map, which the standard signature types as strings.
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> typed = (Map) config;
        return typed;
    }

    private void problem(String line) {
        problems.add(line);
        messages.accept(line);
    }

    /**
     * The framework's bundle context, for anything the other accessors do not cover.
     *
     * @return the system bundle's context
     * @throws IllegalStateException if the host is not running
     */
    public synchronized BundleContext bundleContext() {
        return running().getBundleContext();
    }

    /**
     * The services a workflow run needs, from the service registry.
     *
     * @return the services; the same object for the host's life
     * @throws IllegalStateException if the host is not running
     */
    public synchronized AnalysisServices services() {
        running();
        return services;
    }

    /**
     * Bundle administration: list, install, start, stop, uninstall.
     *
     * @return the manager
     * @throws IllegalStateException if the host is not running
     */
    public synchronized BundleManager bundles() {
        running();
        return bundles;
    }

    /**
     * The services of a type registered now, highest ranking first.
     *
     * @param type the service interface, from a package the host and the bundles share (the API)
     * @param <S> the service type
     * @return the services; empty if there are none
     * @throws IllegalStateException if the host is not running
     */
    public <S> List<S> services(Class<S> type) {
        BundleContext context = bundleContext();
        List<ServiceReference<S>> references;
        try {
            references = new ArrayList<>(context.getServiceReferences(type, null));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        // ServiceReference's natural order puts the highest ranking last.
        references.sort(Collections.reverseOrder());
        List<S> result = new ArrayList<>();
        for (ServiceReference<S> reference : references) {
            S service = context.getService(reference);
            if (service != null) {
                result.add(service);
            }
        }
        return result;
    }

    /**
     * Waits for a service to be registered.
     *
     * @param type the service interface
     * @param timeout how long to wait
     * @param <S> the service type
     * @return the service, or {@code null} if none was registered in time
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if the host is not running
     */
    public <S> S awaitService(Class<S> type, Duration timeout) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(bundleContext(), type, null);
        tracker.open();
        try {
            return tracker.waitForService(Math.max(1, timeout.toMillis()));
        } finally {
            tracker.close();
        }
    }

    /**
     * Problems met since the start: bundles that could not be installed, updated or started, framework errors.
     *
     * @return one line each, oldest first
     */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * The installation folder.
     *
     * @return an absolute path
     */
    public Path home() {
        return home;
    }

    /**
     * The state folder.
     *
     * @return an absolute path
     */
    public Path state() {
        return state;
    }

    private Framework running() {
        if (framework == null || closed) {
            throw new IllegalStateException("the Auralis host is not running");
        }
        return framework;
    }

    /** Stops the framework and waits for it; bundles keep their persistent state for the next start. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (deployFolder != null) {
            deployFolder.close();
        }
        if (services != null) {
            services.close();
        }
        if (framework != null) {
            stop(framework);
        }
    }

    private void stop(Framework running) {
        try {
            running.stop();
            running.waitForStop(serviceTimeout.toMillis());
        } catch (BundleException e) {
            problem("the framework did not stop cleanly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "AuralisHost[home=" + home + ", state=" + state + "]";
    }

    /** Configures an {@link AuralisHost}. */
    public static final class Builder {
        private Path home;
        private Path state;
        private String device = "auto";
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Duration serviceTimeout = Duration.ofSeconds(30);
        private Consumer<String> messages = line -> System.err.println("auralis: " + line);
        private boolean debug;
        private boolean watchDeployFolder;

        private Builder() {
        }

        /**
         * The installation: the folder with {@code conf/platform.bundles}, {@code bundles/}, {@code models/}.
         * Required.
         *
         * @param home the folder, such as {@code host/target/auralis}
         * @return this builder
         */
        public Builder home(Path home) {
            this.home = Objects.requireNonNull(home, "home");
            return this;
        }

        /**
         * The state folder: the bundle cache and the hot-deploy {@code bundles/} folder. Created if missing.
         * Defaults to {@link #defaultState}.
         *
         * @param state the folder
         * @return this builder
         */
        public Builder state(Path state) {
            this.state = Objects.requireNonNull(state, "state");
            return this;
        }

        /**
         * The compute device bundles should use ({@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}), passed as
         * {@link Platform#DEVICE}. Defaults to {@code auto}.
         *
         * @param device the device
         * @return this builder
         */
        public Builder device(String device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        /**
         * Adds a framework property, overriding the host's own (except that
         * {@code org.osgi.framework.system.packages.extra} is added to the API's packages).
         *
         * @param key the property
         * @param value its value
         * @return this builder
         */
        public Builder property(String key, String value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds framework properties; see {@link #property}.
         *
         * @param values the properties
         * @return this builder
         */
        public Builder properties(Map<String, String> values) {
            values.forEach(this::property);
            return this;
        }

        /**
         * How long to wait for a service the platform must provide, such as the audio decoder, and for the
         * framework to stop. Defaults to 30 seconds.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder serviceTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the service timeout must be positive: " + timeout);
            }
            this.serviceTimeout = timeout;
            return this;
        }

        /**
         * Where problems go, one line each: bundles that cannot be installed or started, framework errors.
         * Defaults to standard error with an {@code auralis: } prefix.
         *
         * @param sink receives each line
         * @return this builder
         */
        public Builder messages(Consumer<String> sink) {
            this.messages = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Whether to pass the framework's debug messages and stack traces to the message sink.
         *
         * @param debug {@code true} for debugging output
         * @return this builder
         */
        public Builder debug(boolean debug) {
            this.debug = debug;
            return this;
        }

        /**
         * Whether to keep watching {@code <state>/bundles/} while the host runs, installing, updating and
         * uninstalling bundles as jars come and go. The folder is always applied at start.
         *
         * @param watch {@code true} to watch
         * @return this builder
         */
        public Builder watchDeployFolder(boolean watch) {
            this.watchDeployFolder = watch;
            return this;
        }

        /**
         * Creates the host, not yet started.
         *
         * @return the host
         * @throws IllegalStateException if no home was given
         */
        public AuralisHost build() {
            if (home == null) {
                throw new IllegalStateException("an Auralis host needs a home (the installation folder)");
            }
            return new AuralisHost(this);
        }
    }
}
