package io.auralis.report.html;

import io.auralis.report.card.ModelCard;
import java.nio.file.Path;

/**
 * What a report knows of its run besides the files: whether the workflow has emotion outputs at all (a report of
 * pitch and loudness shows no emotion cards), the model behind the emotion labels when it can be told, and the
 * report's folder, which links to the audio are relative to.
 *
 * @param emotions whether any output is an emotion output
 * @param model the model's card, or {@code null} when not known
 * @param folder the folder the report is written to
 */
public record Run(boolean emotions, ModelCard model, Path folder) {
}
