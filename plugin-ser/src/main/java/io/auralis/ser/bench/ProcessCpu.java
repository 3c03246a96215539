package io.auralis.ser.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this process, all threads included. The JVM's own beans see only Java threads, not PyTorch's native
 * worker threads, so this reads {@code /proc/self/stat} (Linux) and knows nothing elsewhere.
 */
final class ProcessCpu {
    /** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every mainstream architecture. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /**
     * The CPU time used so far.
     *
     * @return seconds of user and system time, or NaN when unknown
     */
    static double seconds() {
        try {
            return parseStat(Files.readString(Path.of("/proc/self/stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Reads utime and stime from a {@code /proc/PID/stat} line.
     *
     * @param stat the line
     * @return their sum in seconds
     * @throws IllegalArgumentException if the line does not have the fields
     */
    static double parseStat(String stat) {
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a stat line: " + stat);
        }
        String[] f = stat.substring(close + 2).trim().split("\\s+");
        // f[0] is field 3 (state); utime and stime are fields 14 and 15
        if (f.length < 13) {
            throw new IllegalArgumentException("too few fields in stat line: " + stat);
        }
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }
}
