package io.auralis.host.bench;

/**
 * What one child process of the launcher did.
 *
 * @param label what the run measured, such as {@code cold start}
 * @param exitCode the launcher's exit code
 * @param wallSeconds from spawning the process to its end
 * @param firstRecordSeconds from spawning to the first line of JSON on its standard output, or NaN when it printed
 *     none
 * @param cpuSeconds user and system CPU time of the process and its children, or NaN when unknown
 * @param peakRssKib the largest peak resident set size among the process and its descendants, or -1 when unknown
 * @param stderrTail the last lines of its standard error, for reporting a failure
 */
record ChildRun(String label, int exitCode, double wallSeconds, double firstRecordSeconds, double cpuSeconds,
                long peakRssKib, String stderrTail) {

    /**
     * The last line of standard error that the launcher wrote as a message, for a one-line failure report.
     *
     * @return the line, or a note that there was none
     */
    String lastError() {
        String[] lines = stderrTail.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith("auralis: ")) {
                return lines[i].substring("auralis: ".length()).strip();
            }
        }
        return lines.length == 0 || lines[lines.length - 1].isBlank() ? "no message"
            : lines[lines.length - 1].strip();
    }
}
