package io.auralis.host.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs {@code bin/auralis} of an installation as a child process, one at a time, as a user would: with this JVM's
 * Java, a state folder of the benchmark's own, and the caller's environment otherwise ({@code JAVA_OPTS} included).
 * Standard output is read line by line as it comes, so the time to the first record is seen; peak memory is polled
 * from {@code /proc} for the process and its descendants (the launcher script may run Java as its child).
 */
final class LauncherProcesses {
    /** How often peak memory is read: {@code VmHWM} is a high-water mark, so polling only has to catch the end. */
    private static final long POLL_MILLIS = 50;
    private static final int STDERR_TAIL_BYTES = 4096;

    private final Path launcher;
    private final Path state;
    private final Path workingDirectory;

    /**
     * Creates a runner.
     *
     * @param launcher the installation's {@code bin/auralis}
     * @param state the state folder every child gets through {@code --state}
     * @param workingDirectory where children run and keep their standard error
     */
    LauncherProcesses(Path launcher, Path state, Path workingDirectory) {
        this.launcher = launcher;
        this.state = state;
        this.workingDirectory = workingDirectory;
    }

    /**
     * Runs {@code auralis --state STATE ARGS...} to its end.
     *
     * @param label what the run measures
     * @param args the command and its arguments
     * @param stdoutLines receives each line of standard output
     * @return what the run did
     * @throws IOException if the process cannot be started
     * @throws InterruptedException if this thread is interrupted while waiting (the child is stopped)
     */
    ChildRun run(String label, List<String> args, Consumer<String> stdoutLines) throws IOException,
        InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "--state", state.toString()));
        command.addAll(args);
        return command(label, command, stdoutLines);
    }

    /**
     * Runs any program to its end, measured the same way: the reference the launcher is compared with.
     *
     * @param label what the run measures
     * @param command the program and its arguments
     * @param stdoutLines receives each line of standard output
     * @return what the run did
     * @throws IOException if the process cannot be started
     * @throws InterruptedException if this thread is interrupted while waiting (the child is stopped)
     */
    ChildRun command(String label, List<String> command, Consumer<String> stdoutLines) throws IOException,
        InterruptedException {
        Path stderr = Files.createTempFile(workingDirectory, "stderr-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
            .redirectError(stderr.toFile());
        // The same Java as this process, whatever the PATH says.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("AURALIS_STATE");
        double cpuBefore = ProcStats.waitedChildrenCpuSeconds();
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        Map<Long, Long> peaks = new HashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread poller = new Thread(() -> poll(process, peaks, running), "auralis-bench-rss");
        poller.setDaemon(true);
        poller.start();
        double firstRecord = Double.NaN;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (Double.isNaN(firstRecord) && line.startsWith("{")) {
                    firstRecord = (System.nanoTime() - start) / 1e9;
                }
                stdoutLines.accept(line);
            }
            int code = process.waitFor();
            double wall = (System.nanoTime() - start) / 1e9;
            running.set(false);
            poller.join();
            double cpu = ProcStats.waitedChildrenCpuSeconds() - cpuBefore;
            long peak;
            synchronized (peaks) {
                peak = peaks.values().stream().mapToLong(Long::longValue).max().orElse(-1);
            }
            return new ChildRun(label, code, wall, firstRecord, cpu, peak, tail(stderr));
        } finally {
            running.set(false);
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
            }
            Files.deleteIfExists(stderr);
        }
    }

    private static void poll(Process process, Map<Long, Long> peaks, AtomicBoolean running) {
        if (!ProcStats.available()) {
            return;
        }
        while (running.get() && process.isAlive()) {
            List<ProcessHandle> tree = new ArrayList<>();
            tree.add(process.toHandle());
            process.descendants().forEach(tree::add);
            for (ProcessHandle h : tree) {
                long kib = ProcStats.peakRssKib(h.pid());
                if (kib > 0) {
                    synchronized (peaks) {
                        peaks.merge(h.pid(), kib, Math::max);
                    }
                }
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String tail(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, f.length() - STDERR_TAIL_BYTES);
            byte[] bytes = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
