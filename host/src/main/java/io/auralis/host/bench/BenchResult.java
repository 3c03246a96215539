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
 * @param reference the comparisons with the PyTorch reference script
 * @param problems one line per run that failed
 */
record BenchResult(Machine machine, String started, String loadAtStart, String loadAtEnd, String startFile,
                   ChildRun cold, ChildRun warm, List<Throughput> throughput, List<LongRecording> longRecordings,
                   SerBench ser, List<Reference> reference, List<String> problems) {

    /**
     * One model on one folder: {@code ser predict}, the PyTorch reference script and {@code analyze} (clip mode),
     * each run {@link BenchOptions#REFERENCE_ROUNDS} times, alternating, whole processes.
     *
     * @param model the model's name in the installation
     * @param architecture its architecture
     * @param corpus the folder
     * @param files the audio files in it
     * @param audioSeconds the audio they hold, from {@code ser predict}'s records
     * @param predict the {@code ser predict} runs
     * @param torch the reference runs
     * @param analyze the {@code analyze} runs
     */
    record Reference(String model, String architecture, String corpus, int files, double audioSeconds,
                     List<ChildRun> predict, List<ChildRun> torch, List<ChildRun> analyze) {

        /**
         * How many times faster a program was than the reference: the ratio of the median walls.
         *
         * @param runs the program's runs
         * @return the ratio, or NaN without runs
         */
        double speedup(List<ChildRun> runs) {
            return median(torch) / median(runs);
        }

        static double median(List<ChildRun> runs) {
            double[] w = runs.stream().mapToDouble(ChildRun::wallSeconds).sorted().toArray();
            if (w.length == 0) {
                return Double.NaN;
            }
            return w.length % 2 == 1 ? w[w.length / 2] : (w[w.length / 2 - 1] + w[w.length / 2]) / 2;
        }
    }

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
