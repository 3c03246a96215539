package io.auralis.spark.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A real Spark standalone cluster on 127.0.0.1: one master and some workers, each a separate JVM started from the
 * jars on the test class path, the way {@code sbin/start-master.sh} and {@code start-worker.sh} would start them.
 *
 * <p>Nothing listens beyond loopback: master, workers, their web UIs and the executors the workers launch all
 * bind to 127.0.0.1 ({@code SPARK_LOCAL_IP}). Logs go to {@code <dir>/logs}; a test that fails should print them.
 */
public final class LoopbackCluster implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final Path sparkHome;
    private final String classPath;
    private final List<String> jvmOptions;
    private final int masterPort = freePort();
    private final int masterUiPort = freePort();
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private int submissions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LoopbackCluster(Path dir, List<String> jvmOptions) throws IOException {
        this.dir = dir;
        this.jvmOptions = jvmOptions;
        List<Path> jars = sparkJars();
        this.classPath = jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        // Workers build executor class paths from $SPARK_HOME/jars, so that folder must look like an install. It
        // lives outside dir: JUnit's @TempDir warns about every link it deletes.
        this.sparkHome = Files.createTempDirectory("auralis-spark-home");
        Path jarsDir = Files.createDirectories(sparkHome.resolve("jars"));
        for (Path jar : jars) {
            Path link = jarsDir.resolve(jar.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, jar);
            }
        }
        Files.createDirectories(dir.resolve("logs"));
    }

    /**
     * Starts a master and {@code workerCount} workers with one core and {@code workerMemory} each, and waits until
     * the master lists every worker as alive.
     *
     * @param dir an empty folder for the Spark home, work folders and logs
     * @param workerCount how many workers
     * @param workerMemory memory a worker offers executors, such as {@code 1g}
     * @param jvmOptions options for the master and worker JVMs (the JDK 17 {@code --add-opens} list)
     * @return the running cluster; close it to stop every process
     * @throws IOException if a process cannot be started
     * @throws TimeoutException if the cluster does not come up within 90 seconds
     * @throws InterruptedException if interrupted while waiting
     */
    public static LoopbackCluster start(Path dir, int workerCount, String workerMemory, List<String> jvmOptions)
            throws IOException, TimeoutException, InterruptedException {
        LoopbackCluster cluster = new LoopbackCluster(dir, jvmOptions);
        try {
            cluster.startMaster();
            for (int i = 0; i < workerCount; i++) {
                cluster.startWorker(i, workerMemory);
            }
            cluster.awaitAliveWorkers(workerCount);
            return cluster;
        } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * The URL to submit applications to.
     *
     * @return {@code spark://127.0.0.1:<port>}
     */
    public String masterUrl() {
        return "spark://" + LOOPBACK + ":" + masterPort;
    }

    /**
     * The executor JVMs the workers run now.
     *
     * @return one handle per live executor process
     */
    public List<ProcessHandle> executors() {
        return workers.stream()
            .flatMap(Process::descendants)
            .filter(ProcessHandle::isAlive)
            .filter(p -> p.info().arguments().map(Arrays::asList)
                .map(args -> args.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend"))
                .orElse(false))
            .collect(Collectors.toList());
    }

    /**
     * The executor process that runs the executor with the given Spark id.
     *
     * @param executorId the id Spark gave the executor ({@code TaskInfo.executorId()})
     * @return the process, if it is alive
     */
    public Optional<ProcessHandle> executor(String executorId) {
        return executors().stream()
            .filter(p -> {
                List<String> args = Arrays.asList(p.info().arguments().orElse(new String[0]));
                int at = args.indexOf("--executor-id");
                return at >= 0 && at + 1 < args.size() && args.get(at + 1).equals(executorId);
            })
            .findFirst();
    }

    /**
     * Runs {@code spark-submit} against this cluster, as a separate driver JVM, and waits for it: Spark's own
     * {@code SparkSubmit} from the same jars, which is all the {@code spark-submit} script does.
     *
     * @param driverOptions JVM options for the driver (in client mode the JVM is already running when
     *     {@code --driver-java-options} would apply)
     * @param arguments what follows {@code spark-submit} (options, the application jar, its arguments); the
     *     master is added
     * @param workingDirectory the driver's working directory
     * @param timeout how long to wait
     * @return the driver's exit code; its output is in {@code <logs>/submit-N.log}
     * @throws IOException if the driver cannot be started
     * @throws InterruptedException if interrupted while waiting
     * @throws TimeoutException if it runs longer than {@code timeout} (it is killed)
     */
    public int submit(List<String> driverOptions, List<String> arguments, Path workingDirectory, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        List<String> args = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master", masterUrl()));
        args.addAll(arguments);
        Path log = logs().resolve("submit-" + submissions++ + ".log");
        List<String> options = new ArrayList<>(List.of("-Xmx512m"));
        options.addAll(driverOptions);
        Process driver = launch(log.getFileName().toString().replace(".log", ""), options, args, workingDirectory);
        if (!driver.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            driver.descendants().forEach(ProcessHandle::destroyForcibly);
            driver.destroyForcibly();
            throw new TimeoutException("spark-submit ran longer than " + timeout + "; see " + log);
        }
        return driver.exitValue();
    }

    /**
     * The master's and workers' log files, for a failing test to print.
     *
     * @return the logs folder
     */
    public Path logs() {
        return dir.resolve("logs");
    }

    @Override
    public void close() {
        // Workers first, so they do not restart executors of a master that is going away.
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (Process process : processes) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        deleteLinks();
    }

    private void deleteLinks() {
        try (var paths = Files.walk(sparkHome)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + sparkHome, e);
        }
    }

    private void startMaster() throws IOException, TimeoutException, InterruptedException {
        processes.add(launch("master", List.of("org.apache.spark.deploy.master.Master",
            "--host", LOOPBACK, "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterUiPort))));
        awaitAliveWorkers(0);
    }

    private void startWorker(int index, String memory) throws IOException {
        Path workDir = Files.createDirectories(dir.resolve("work-" + index));
        Process worker = launch("worker-" + index, List.of("org.apache.spark.deploy.worker.Worker", masterUrl(),
            "--host", LOOPBACK, "--cores", "1", "--memory", memory, "--work-dir", workDir.toString(),
            "--webui-port", Integer.toString(freePort())));
        processes.add(worker);
        workers.add(worker);
    }

    private Process launch(String name, List<String> mainAndArgs) throws IOException {
        // Master and workers only pass messages: the quick JIT compiler and the serial collector start them with
        // the least CPU, which the 2 cores of a CI machine share with every other process of the test.
        return launch(name, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), mainAndArgs, dir);
    }

    private Process launch(String name, List<String> options, List<String> mainAndArgs, Path workingDirectory)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(options);
        command.add("-cp");
        command.add(classPath);
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("logs").resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", sparkHome.toString());
        // Without it a worker looks for a source checkout's build folders to find the Scala version.
        env.put("SPARK_SCALA_VERSION", "2.13");
        // Web UIs and executors bind here rather than to every interface.
        env.put("SPARK_LOCAL_IP", LOOPBACK);
        env.remove("SPARK_CONF_DIR");
        return builder.start();
    }

    private void awaitAliveWorkers(int expected) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            for (Process process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("a Spark process exited with " + process.exitValue()
                        + "; see " + logs());
                }
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://" + LOOPBACK + ":" + masterUiPort + "/json/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode state = new ObjectMapper().readTree(response.body());
                int alive = state.path("aliveworkers").asInt(-1);
                if (alive >= expected && "ALIVE".equals(state.path("status").asText())) {
                    return;
                }
                last = "status " + state.path("status").asText() + ", " + alive + " alive workers";
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new TimeoutException("the loopback Spark master did not report " + expected
            + " alive workers within " + START_TIMEOUT + " (" + last + "); see " + logs());
    }

    /**
     * Spark's jars and their dependencies from the test class path, as a Spark installation would have them: the
     * project's own classes and the launcher's libraries stay out (the application jar brings those). Felix in
     * particular must not be there: loaded by the system class loader, its system bundle could not see the API
     * classes the application jar brings.
     */
    private static List<Path> sparkJars() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
            .filter(entry -> entry.endsWith(".jar"))
            .map(Path::of)
            .filter(jar -> {
                String name = jar.getFileName().toString();
                return !name.startsWith("auralis-") && !name.startsWith("junit-") && !name.startsWith("opentest4j")
                    && !name.startsWith("apiguardian") && !name.startsWith("surefire") && !name.startsWith("common-java5")
                    && !name.startsWith("org.apache.felix") && !name.startsWith("org.osgi.")
                    && !name.startsWith("commons-cli-") && !name.startsWith("progressbar-")
                    && !name.startsWith("jline-") && !name.startsWith("animal-sniffer");
            })
            .collect(Collectors.toList());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + LOOPBACK, e);
        }
    }
}
