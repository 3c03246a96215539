package io.auralis.host.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine the figures were taken on, as far as the JVM and {@code /proc} tell.
 *
 * @param cpu the processor model, or the architecture when {@code /proc/cpuinfo} does not name one
 * @param cores the processors the JVM may use
 * @param memoryBytes physical memory, or -1 when unknown
 * @param os operating system name, version and architecture
 * @param java the Java runtime's vendor and version
 */
record Machine(String cpu, int cores, long memoryBytes, String os, String java) {

    /**
     * Describes this machine.
     *
     * @return the description
     */
    static Machine describe() {
        String cpu = System.getProperty("os.arch");
        long memory = -1;
        try {
            cpu = cpuModel(Files.readAllLines(Path.of("/proc/cpuinfo")), cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture will do
        }
        try {
            memory = memTotalBytes(Files.readAllLines(Path.of("/proc/meminfo")));
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return new Machine(cpu, Runtime.getRuntime().availableProcessors(), memory,
            System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
            System.getProperty("java.vm.vendor", "") + " " + System.getProperty("java.runtime.name", "Java") + " "
                + System.getProperty("java.runtime.version", System.getProperty("java.version")));
    }

    /**
     * The system's load averages over 1, 5 and 15 minutes.
     *
     * @return such as {@code 1.20 0.80 0.55}, or the 1-minute figure alone where {@code /proc/loadavg} is missing,
     *     or {@code n/a}
     */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return one < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", one);
        }
    }

    static String cpuModel(List<String> cpuinfo, String fallback) {
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals("model name")) {
                return line.substring(colon + 1).trim();
            }
        }
        return fallback;
    }

    static long memTotalBytes(List<String> meminfo) {
        for (String line : meminfo) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.substring(9).trim().split("\\s+")[0]) * 1024;
            }
        }
        return -1;
    }

    /**
     * One line for the report.
     *
     * @return such as {@code AMD EPYC, 2 cores, 23.5 GiB, Linux 6.1.0 amd64, Java 17.0.15}
     */
    String summary() {
        return cpu + ", " + cores + (cores == 1 ? " core, " : " cores, ")
            + (memoryBytes < 0 ? "memory unknown" : String.format(Locale.ROOT, "%.1f GiB", memoryBytes / 1073741824.0))
            + ", " + os + ", " + java.strip();
    }
}
