package io.auralis.report.record;

import java.util.Map;

/**
 * What an output of kind {@value RecordContent#SUMMARY_KIND} says about a file, such as the summary of
 * {@code auralis.emotion-timeline}.
 *
 * @param output the output's {@code step.output}
 * @param shares each class's share of the speech time, in class order
 * @param dominant the dominant class, or {@code null} when the file has no speech
 */
public record SummaryOutput(String output, Map<String, Double> shares, String dominant) {
}
