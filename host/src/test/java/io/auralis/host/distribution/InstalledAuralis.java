package io.auralis.host.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The built installation ({@code -Dauralis.dist}, which failsafe sets), run as a user runs it: {@code bin/auralis}
 * as a separate process, in a working folder of the test's, with a state folder of the test's. Standard output and
 * error go to files in the working folder, so that long outputs cannot fill a pipe and stall the launcher.
 */
public final class InstalledAuralis {
    /** SIGINT's bit in {@code /proc/<pid>/status}'s {@code SigIgn} mask (bit n - 1 for signal n). */
    private static final long SIGINT_BIT = 1L << 1;

    private final Path home;
    private final Path state;
    private final Path workingDirectory;

    /** What one run printed and returned. */
    public record Run(int code, String out, String err) {
        /**
         * The standard error lines.
         *
         * @return one string per line
         */
        public List<String> errLines() {
            return err.lines().toList();
        }
    }

    /**
     * Describes runs of the installation that failsafe names.
     *
     * @param state the state folder ({@code AURALIS_STATE}); runs that share it share installed bundles and caches
     * @param workingDirectory where relative arguments resolve and where stdout and stderr files are kept
     */
    public InstalledAuralis(Path state, Path workingDirectory) {
        String dist = System.getProperty("auralis.dist");
        if (dist == null) {
            throw new IllegalStateException("-Dauralis.dist is not set: run this test with failsafe (mvn verify)");
        }
        this.home = Path.of(dist).toAbsolutePath();
        this.state = state;
        this.workingDirectory = workingDirectory;
    }

    /**
     * The installation folder.
     *
     * @return the folder holding {@code bin/}, {@code lib/}, {@code workflows/}
     */
    public Path home() {
        return home;
    }

    /**
     * Runs {@code auralis ARGS} to the end.
     *
     * @param args the arguments after {@code auralis}
     * @return the exit code and what was printed
     * @throws Exception if the process cannot be started, or it runs for more than three minutes
     */
    public Run run(String... args) throws Exception {
        Process process = start("run", args);
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        assertTrue(finished, "auralis " + String.join(" ", args) + " finished within 3 minutes");
        return result("run", process.exitValue());
    }

    /**
     * Starts {@code auralis ARGS} and returns at once. Its output goes to {@code NAME.out} and {@code NAME.err} in
     * the working folder; {@link #result} reads them when the process has ended.
     *
     * <p>A process started in the background by a non-interactive shell inherits SIGINT as ignored, and the JVM
     * then installs no handler for it: Ctrl-C could not be tested. When this JVM ignores SIGINT, the launcher is
     * started through {@code env --default-signal=INT}, so it gets SIGINT as a terminal would deliver it.
     *
     * @param name names the output files
     * @param args the arguments after {@code auralis}
     * @return the launcher process
     * @throws IOException if it cannot be started
     */
    public Process start(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (ignoresSigint(ProcessHandle.current().pid())) {
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.add(home.resolve("bin/auralis").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().put("AURALIS_STATE", state.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("AURALIS_DEBUG");
        builder.environment().remove("JAVA_OPTS");
        builder.redirectOutput(workingDirectory.resolve(name + ".out").toFile())
            .redirectError(workingDirectory.resolve(name + ".err").toFile());
        return builder.start();
    }

    /**
     * What a started run printed, once it has ended.
     *
     * @param name the name given to {@link #start}
     * @param code its exit code
     * @return the run
     * @throws IOException if the output files cannot be read
     */
    public Run result(String name, int code) throws IOException {
        return new Run(code, Files.readString(workingDirectory.resolve(name + ".out"), StandardCharsets.UTF_8),
            Files.readString(workingDirectory.resolve(name + ".err"), StandardCharsets.UTF_8));
    }

    /**
     * The JVM behind a launcher process: {@code bin/auralis} is a shell script that execs Java, except on the run
     * that records the class data archive, where Java is its child. A signal for the program must reach the JVM.
     *
     * @param launcher the process {@link #start} returned
     * @return the JVM, once it is running
     * @throws InterruptedException if interrupted while waiting for it
     */
    public static ProcessHandle jvmOf(Process launcher) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && launcher.isAlive()) {
            if (isJava(launcher.toHandle())) {
                return launcher.toHandle();
            }
            Optional<ProcessHandle> child = launcher.descendants().filter(InstalledAuralis::isJava).findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no Java process under the launcher (pid " + launcher.pid() + ")");
    }

    /**
     * Sends SIGINT, as Ctrl-C in a terminal does.
     *
     * @param process the process
     * @throws Exception if {@code kill} fails, or the process ignores SIGINT (the test would prove nothing)
     */
    public static void interrupt(ProcessHandle process) throws Exception {
        if (ignoresSigint(process.pid())) {
            throw new IllegalStateException("process " + process.pid() + " ignores SIGINT");
        }
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).redirectErrorStream(true)
            .start();
        String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -INT " + process.pid() + " failed: " + said + " (the process is "
                + (process.isAlive() ? "running" : "gone") + ")");
        }
    }

    /**
     * Whether a process is the launcher's JVM. Its class name must be on the command line: a process that is still
     * being spawned (a copy of this JVM, before it execs) also runs {@code java} for a moment.
     */
    private static boolean isJava(ProcessHandle p) {
        ProcessHandle.Info info = p.info();
        return info.command().map(c -> c.endsWith("/java")).orElse(false)
            && info.arguments().map(a -> List.of(a).contains("io.auralis.host.Main")).orElse(false);
    }

    /** Whether a Linux process ignores SIGINT; {@code false} where {@code /proc} cannot tell. */
    private static boolean ignoresSigint(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & SIGINT_BIT) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux, or the process is gone.
        }
        return false;
    }
}
