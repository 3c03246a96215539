package io.auralis.report.record;

import io.auralis.api.extractor.Feature;
import java.util.List;

/**
 * The first value of each feature of a one-dimensional output such as loudness or pitch, in time order.
 *
 * @param output the output's {@code step.output}
 * @param unit the unit of the values, or {@code null}
 * @param features the features, sorted by start time; each has at least one value
 */
public record ValueTrack(String output, String unit, List<Feature> features) {
}
