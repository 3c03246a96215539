package io.auralis.ser.command;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.command.UsageException;
import io.auralis.ser.extractor.SerExtractor;
import io.auralis.ser.inference.EmotionModel;
import io.auralis.ser.model.ModelException;
import io.auralis.ser.runtime.ModelService;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;

/**
 * The services subcommands use.
 *
 * @param models loads and shares models, and runs DJL work with the right class loader
 * @param decoder decodes audio files at the model's rate
 */
public record SerServices(ModelService models, AudioDecoder decoder) {
    /**
     * The model that {@code --model} and {@code --device} name (see {@link CommandLines#model()} and
     * {@link CommandLines#device()}).
     *
     * @param line the parsed subcommand
     * @param workingDirectory where a relative model directory resolves
     * @return the loaded model
     * @throws UsageException if the model cannot be found or loaded, or the device is unknown
     */
    EmotionModel model(CommandLine line, Path workingDirectory) throws UsageException {
        try {
            return models.model(line.getOptionValue("model", SerExtractor.DEFAULT_MODEL), workingDirectory,
                line.getOptionValue("device"));
        } catch (ModelException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
