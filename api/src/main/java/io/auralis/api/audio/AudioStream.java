package io.auralis.api.audio;

import java.io.Closeable;
import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Mono float audio at a fixed rate, read in pieces so that a recording of any length never has to sit in
 * memory. Samples are in [-1, 1]. Not thread-safe: one reader at a time.
 */
@ProviderType
public interface AudioStream extends Closeable {

    /**
     * Describes the source this stream decodes.
     *
     * @return the source's format, rate and channel count
     */
    AudioInfo info();

    /**
     * The rate of the samples this stream delivers, which is the rate the caller asked for.
     *
     * @return the output sample rate in Hz
     */
    int sampleRate();

    /**
     * Reads up to {@code length} mono samples.
     *
     * @param buffer destination
     * @param offset first index written in {@code buffer}
     * @param length maximum number of samples to read
     * @return the number of samples read, at least 1 unless {@code length} is 0, or -1 at the end of the audio
     * @throws AudioFormatException if the file turns out to be truncated or corrupt while reading
     * @throws IOException if reading fails
     */
    int read(float[] buffer, int offset, int length) throws IOException;
}
