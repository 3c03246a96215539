package io.auralis.api.audio;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns audio files into mono float samples at the rate an analysis needs. Registered as an OSGi service by the
 * audio input bundle; the host and extractors never parse files themselves.
 *
 * <p>Implementations are thread-safe: each {@link #open} returns an independent stream.
 */
@ProviderType
public interface AudioDecoder {

    /**
     * Reads a file's header without decoding its audio.
     *
     * @param file the file to inspect
     * @return what the header says
     * @throws AudioFormatException if the file is missing, empty, not audio, or in an unsupported format; the
     *     message names the file and the problem
     * @throws IOException if the file cannot be read
     */
    AudioInfo probe(Path file) throws IOException;

    /**
     * Opens a file for decoding, downmixed to mono and resampled to {@code sampleRate} with a band-limited
     * resampler.
     *
     * @param file the file to decode
     * @param sampleRate the output rate in Hz
     * @return a stream the caller must close
     * @throws AudioFormatException if the file is missing, empty, not audio, or in an unsupported format
     * @throws IOException if the file cannot be read
     */
    AudioStream open(Path file, int sampleRate) throws IOException;
}
