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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
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
 * in one JVM (as on a Spark executor). Hosts in several processes may share a state folder (see {@link #start});
 * two hosts in one JVM cannot: the second fails to start with a {@link HostException} that says so. Only one host in
 * a JVM can run the PyTorch engine, since its natives load once per JVM into one class loader (the first host's DJL
 * bundle): code that wants several handles on a model shares one host, as {@link io.auralis.host.embed.Auralis}
 * does.
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
    /** How long to wait for the framework to stop when a plugin never finished starting. */
    private static final long STUCK_STOP_MILLIS = 1000;

    private final Path home;
    private final Path state;
    private final String device;
    private final Map<String, String> extraProperties;
    private final Duration serviceTimeout;
    private final Consumer<String> messages;
    private final boolean debug;
    private final boolean watchDeployFolder;
    private final boolean exclusive;
    private final boolean startPlugins;
    private final Duration bundleStartTimeout;
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private Framework framework;
    private RegistryServices services;
    private BundleManager bundles;
    private DeployFolder deployFolder;
    private StateLock lock;
    private boolean logBridge;
    private boolean closed;
    private boolean pluginsStarting;
    /** Whether a plugin never finished starting: stopping would wait for it in vain. */
    private volatile boolean stuck;

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
        this.exclusive = builder.exclusive;
        this.startPlugins = builder.startPlugins;
        this.bundleStartTimeout = builder.bundleStartTimeout;
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
     * framework, which starts the platform's bundles, and then (unless {@link Builder#startPlugins} said not to) the
     * other bundles marked to start, waiting at most {@link Builder#bundleStartTimeout} for them. Problems with single
     * bundles do not stop the host; they go to the message sink and to {@link #problems()}.
     *
     * <p>Other processes may use the same state folder at the same time: the bundle cache is changed only under the
     * state folder's exclusive lock, which waits until no other host runs on it, and a host that finds the cache as it
     * needs it runs on it under a shared lock (see {@link Builder#exclusive}).
     *
     * @return this host
     * @throws HostException if the installation is incomplete, the state folder cannot be used (or is in use by
     *     another host in this JVM), or the framework cannot start
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
            // Felix creates its cache folder with exists-then-mkdirs and fails in the process that loses the race,
            // so hosts starting at once on a fresh state folder (under the shared lock) would fail; this one does not.
            Files.createDirectories(state.resolve(FRAMEWORK_FOLDER));
        } catch (IOException e) {
            String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way: " + e.getMessage()
                : e.getMessage();
            throw new HostException(state + ": cannot create the state folder (" + reason + ")", e);
        }
        StateLock stateLock = StateLock.open(state, this::problem);
        Framework created = null;
        try {
            stateLock.acquire(exclusive, "change bundles");
            created = initFramework();
            if (!stateLock.exclusive() && !upToDate(created, platform, deploy)) {
                // Set the cache up under the exclusive lock, from what is there once it is ours: a process that
                // held it before may have done the work already.
                stop(created);
                created = null;
                stateLock.acquire(true, "install or update the platform's bundles");
                created = initFramework();
            }
            BundleContext context = created.getBundleContext();
            if (logBridge) {
                // Before any bundle starts, so that SCR logs through it from the first message.
                new BundleLogService(this::problem, debug).register(context);
            }
            JarRecords records = JarRecords.load(state.resolve(RECORDS_FILE));
            BundleManager manager = new BundleManager(context, serviceTimeout, bundleStartTimeout);
            DeployFolder folder = new DeployFolder(deploy, context, records, this::problem, manager::refresh);
            if (stateLock.exclusive()) {
                PlatformBundles.reconcile(context, platform, records, this::problem);
            }
            // Under the shared lock the cache is up to date: the scan only reports jars that are not bundles.
            DeployFolder.Changes dropped = folder.scan();
            folder.start(dropped.installed());
            if (stateLock.exclusive()) {
                records.save();
            }
            // Starts the platform's bundles (start level 1); plugins wait for startPlugins().
            created.start();
            if (stateLock.exclusive() && !exclusive) {
                stateLock.acquire(false, null);
            }
            framework = created;
            bundles = manager;
            deployFolder = folder;
            lock = stateLock;
            services = new RegistryServices(context, serviceTimeout);
            if (watchDeployFolder) {
                folder.watch();
            }
        } catch (BundleException | IOException | RuntimeException e) {
            if (created != null) {
                stop(created);
            }
            stateLock.close();
            throw new HostException("cannot start the framework in " + state + ": " + e.getMessage(), e);
        } catch (HostException e) {
            if (created != null) {
                stop(created);
            }
            stateLock.close();
            throw e;
        }
        if (startPlugins) {
            startPlugins();
        }
        return this;
    }

    private Framework initFramework() throws HostException {
        Framework created = new FrameworkFactory().newFramework(frameworkProperties());
        try {
            created.init();
        } catch (BundleException e) {
            throw initFailure(e);
        }
        return created;
    }

    private HostException initFailure(BundleException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new HostException(state.resolve(FRAMEWORK_FOLDER) + ": cannot open the bundle cache: "
            + cause.getMessage(), e);
    }

    /** Whether a host can run on the cache as it is, without installing, updating or uninstalling anything. */
    private boolean upToDate(Framework initialised, List<PlatformBundles.Entry> platform, Path deploy)
            throws IOException {
        BundleContext context = initialised.getBundleContext();
        JarRecords records = JarRecords.load(state.resolve(RECORDS_FILE));
        return PlatformBundles.upToDate(context, platform, records)
            && new DeployFolder(deploy, context, records, line -> { }, changed -> { }).upToDate();
    }

    /**
     * Starts the bundles marked to start that are not the platform's (plugins), by raising the framework to their
     * start level, and waits at most {@link Builder#bundleStartTimeout} for them. A plugin whose activator has not
     * returned by then is reported, one line naming it, and left behind: the host goes on without it (and without
     * the plugins after it in the start order, also reported), and stops without waiting for it.
     *
     * <p>{@link #start} calls this unless {@link Builder#startPlugins} said not to, so that {@code bundles}
     * commands still work, and can uninstall it, when a plugin hangs. Calling it again does nothing.
     *
     * @throws IllegalStateException if the host is not running
     */
    public void startPlugins() {
        Framework running;
        synchronized (this) {
            running = running();
            if (pluginsStarting) {
                return;
            }
            pluginsStarting = true;
        }
        FrameworkStartLevel levels = running.adapt(FrameworkStartLevel.class);
        if (levels.getStartLevel() >= PlatformBundles.PLUGIN_LEVEL) {
            return;
        }
        CountDownLatch reached = new CountDownLatch(1);
        levels.setStartLevel(PlatformBundles.PLUGIN_LEVEL, event -> {
            if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                reached.countDown();
            }
        });
        boolean done;
        try {
            done = reached.await(bundleStartTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = false;
        }
        if (done) {
            return;
        }
        stuck = true;
        String seconds = bundleStartTimeout.toSeconds() + " s";
        Bundle blocking = null;
        for (Bundle bundle : bundles.list()) {
            if (bundle.getState() == Bundle.STARTING && !bundles.isPlatform(bundle)) {
                blocking = bundle;
                problem(BundleManager.describe(bundle) + ": did not start within " + seconds + " (its activator has"
                    + " not returned); going on without it. Remove it with 'auralis bundles uninstall "
                    + bundle.getBundleId() + "'");
            }
        }
        for (Bundle bundle : bundles.list()) {
            BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
            if (!bundles.isPlatform(bundle) && bundle.getState() != Bundle.STARTING
                    && bundle.getState() != Bundle.ACTIVE && level.isPersistentlyStarted()
                    && !BundleJar.isFragment(bundle)) {
                problem(BundleManager.describe(bundle) + ": not started: "
                    + (blocking != null ? BundleManager.describe(blocking) + " before it did not finish starting"
                        : "the plugins did not start within " + seconds));
            }
        }
    }

    private Map<String, String> frameworkProperties() throws HostException {
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, state.resolve(FRAMEWORK_FOLDER).toString());
        // The state folder's lock (StateLock) guards the cache; Felix's own does not work across processes, and would
        // stay taken in this JVM by a framework that cannot finish stopping (a plugin stuck in its activator).
        config.put("felix.cache.locking", "false");
        // The framework starts the platform (level 1) itself; plugins (level 2) wait for startPlugins().
        config.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(PlatformBundles.PLATFORM_LEVEL));
        config.put("felix.startlevel.bundle", Integer.toString(PlatformBundles.PLUGIN_LEVEL));
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
        if (lock != null) {
            lock.close();
        }
    }

    private void stop(Framework running) {
        try {
            running.stop();
            // A plugin stuck in its activator holds its bundle's lock: the framework would wait for it for ever.
            boolean hung = stuck || (bundles != null && bundles.stuck());
            running.waitForStop(hung ? STUCK_STOP_MILLIS : serviceTimeout.toMillis());
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
        private boolean exclusive;
        private boolean startPlugins = true;
        private Duration bundleStartTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /**
         * Whether the host holds the state folder's lock exclusively for its whole life, as it must to install,
         * update, start, stop or uninstall bundles (the {@code bundles} commands): it waits until the other hosts
         * on the state folder have stopped, and later hosts wait for it. Otherwise it holds the lock shared, except
         * while it sets the cache up. Defaults to {@code false}.
         *
         * @param exclusive {@code true} to change bundles
         * @return this builder
         */
        public Builder exclusive(boolean exclusive) {
            this.exclusive = exclusive;
            return this;
        }

        /**
         * Whether {@link AuralisHost#start} also starts the plugins (the bundles that are not the platform's). A
         * host that only manages bundles leaves them, so that one that hangs cannot stop it; it may start them later
         * with {@link AuralisHost#startPlugins}. Defaults to {@code true}.
         *
         * @param start {@code false} to start the platform only
         * @return this builder
         */
        public Builder startPlugins(boolean start) {
            this.startPlugins = start;
            return this;
        }

        /**
         * How long to wait for the plugins to start, and for a bundle that {@link BundleManager#start} starts.
         * Defaults to 10 seconds.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder bundleStartTimeout(Duration timeout) {
            this.bundleStartTimeout = positive(timeout, "bundle start");
            return this;
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
            this.serviceTimeout = positive(timeout, "service");
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

        private static Duration positive(Duration timeout, String what) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the " + what + " timeout must be positive: " + timeout);
            }
            return timeout;
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
