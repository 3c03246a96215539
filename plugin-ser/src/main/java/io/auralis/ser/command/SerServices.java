package io.auralis.ser.command;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.ser.runtime.ModelService;

/**
 * The services subcommands use.
 *
 * @param models loads and shares models, and runs DJL work with the right class loader
 * @param decoder decodes audio files at the model's rate
 */
public record SerServices(ModelService models, AudioDecoder decoder) {
}
