package io.auralis.host.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Everything one {@code auralis bench} run measured. Figures of runs that failed are left out and the failure is
 * listed in {@link #problems()}.
 *
 * @param machine the machine
 * @param started when the run started, ISO-8601
 * @param loadAtStart load averages when it started
 * @param loadAtEnd load averages when it ended
 * @param startFile the file the start-up runs analysed
 * @param cold the first {@code analyze} in a fresh state folder, or {@code null}
 * @param warm the same again, or {@code null}
 * @param throughput {@code analyze} over the corpus, one per model
 * @param longRecordings the generated recordings through {@code emotion-timeline}, shortest first
 * @param ser {@code ser bench}, or {@code null}
 * @param problems one line per run that failed
 */
record BenchResult(Machine machine, String started, String loadAtStart, String loadAtEnd, String startFile,
                   ChildRun cold, ChildRun warm, List<Throughput> throughput, List<LongRecording> longRecordings,
                   SerBench ser, List<String> problems) {

    /**
     * One model's {@code analyze} run over the corpus.
     *
     * @param model the model's name in the installation
     * @param architecture its architecture, from its {@code model.json}
     * @param corpus the folder analysed
     * @param files records written
     * @param failed records with an error
     * @param audioSeconds the audio the records cover
     * @param analysisSeconds the batch's own time from analyze's summary (no JVM or platform start), or NaN
     * @param run the process
     */
    record Throughput(String model, String architecture, String corpus, int files, int failed, double audioSeconds,
                      double analysisSeconds, ChildRun run) {
    }

    /**
     * One generated recording through the {@code emotion-timeline} workflow.
     *
     * @param seconds its length
     * @param speechSegments the speech segments the segmenter found
     * @param emotions the emotion results the model gave
     * @param run the process
     */
    record LongRecording(double seconds, int speechSegments, int emotions, ChildRun run) {
    }

    /**
     * The {@code ser bench} child.
     *
     * @param run the process
     * @param figures its JSON output
     */
    record SerBench(ChildRun run, JsonNode figures) {
    }
}
