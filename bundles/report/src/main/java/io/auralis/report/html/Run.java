package io.auralis.report.html;

import io.auralis.api.output.RunInfo;
import java.nio.file.Path;
import java.util.List;

/**
 * What a report knows of its run besides the files: what the host said of it (workflow, inputs, the models behind
 * the outputs), whether the workflow has emotion outputs at all (a report of pitch and loudness shows no emotion
 * cards), the classes of its emotion output (chance is one in that many), and the report's folder, which links to
 * the audio are relative to.
 *
 * @param info the run as the host described it; empty when it said nothing
 * @param emotions whether any output is an emotion output
 * @param classes the classes of the first emotion output that names them, or empty
 * @param folder the folder the report is written to
 */
public record Run(RunInfo info, boolean emotions, List<String> classes, Path folder) {
}
