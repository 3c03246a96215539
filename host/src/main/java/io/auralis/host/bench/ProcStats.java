package io.auralis.host.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux's {@code /proc} says about processes: peak resident memory ({@code VmHWM}) and the CPU time of
 * children this process has waited for. Elsewhere every figure is unknown (-1 or NaN), and the report says n/a.
 *
 * <p>The host reads no CPU time of its own from {@code /proc} (where it needs one, {@code ProcessHandle} or the
 * {@code OperatingSystemMXBean} give the same figure: 2.00 s, 2.02 s and 2.03 s for one process here). A child's
 * CPU time is another matter: Java sees a process only while it is alive, so polling
 * {@code ProcessHandle.info().totalCpuDuration()} of the child and its descendants (every 50 ms, as peak memory
 * is polled) misses what each does after the last poll and every short-lived descendant. Measured here against
 * the waited-for children's {@code cutime + cstime}: a busy shell loop 0.43 s polled for 0.51 s, two
 * {@code java -version} 0.16 s for 0.19 s, a script of 100 short commands 0.08 s for 0.24 s. So the children's
 * CPU time stays with {@code /proc/self/stat}, which the kernel keeps exactly for processes that were waited for.
 */
final class ProcStats {
    /** Linux counts CPU time in ticks of 1/100 s (USER_HZ) on every mainstream architecture. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcStats() {
    }

    /**
     * Whether this system has a Linux {@code /proc}.
     *
     * @return {@code true} when {@code /proc/self/status} is readable
     */
    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/status"));
    }

    /**
     * The peak resident set size of a live process.
     *
     * @param pid the process
     * @return KiB, or -1 when unknown (no {@code /proc}, or the process is gone)
     */
    static long peakRssKib(long pid) {
        try {
            return vmHwmKib(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Reads {@code VmHWM} from the text of {@code /proc/PID/status}.
     *
     * @param status the file's text
     * @return KiB, or -1 when the line is absent (kernel threads, zombies)
     */
    static long vmHwmKib(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                String[] f = line.substring(6).trim().split("\\s+");
                long value = Long.parseLong(f[0]);
                if (f.length > 1 && !f[1].equalsIgnoreCase("kB")) {
                    throw new IllegalArgumentException("unexpected unit in " + line);
                }
                return value;
            }
        }
        return -1;
    }

    /**
     * The CPU time, user and system, of this process's children that have ended and been waited for, including
     * their own waited-for children: the difference before and after a child's run is that run's CPU time.
     *
     * @return seconds, or NaN when unknown
     */
    static double waitedChildrenCpuSeconds() {
        try {
            return childrenCpuSeconds(Files.readString(Path.of("/proc/self/stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Reads cutime and cstime from a {@code /proc/PID/stat} line.
     *
     * @param stat the line
     * @return their sum in seconds
     * @throws IllegalArgumentException if the line is not a stat line
     */
    static double childrenCpuSeconds(String stat) {
        // The command name (field 2) is in parentheses and may hold blanks: count from its closing one.
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 > stat.length()) {
            throw new IllegalArgumentException("not a stat line: " + stat);
        }
        String[] f = stat.substring(close + 2).trim().split("\\s+");
        // f[0] is field 3; cutime and cstime are fields 16 and 17
        if (f.length < 15) {
            throw new IllegalArgumentException("too few fields in stat line: " + stat);
        }
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS_PER_SECOND;
    }
}
