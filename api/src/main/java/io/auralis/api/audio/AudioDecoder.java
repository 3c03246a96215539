package io.auralis.api.audio;

import java.io.IOException;
import java.io.InputStream;
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

    /**
     * Opens audio that arrives on a stream, such as standard input fed by {@code ffmpeg -f wav -} or {@code arecord},
     * for decoding as it arrives: {@link AudioStream#read} returns the samples that have come and blocks only while
     * none has, so a live source is analysed while it plays, in bounded memory. Only formats that can be read
     * front to back are accepted: a WAV (its data size may be unknown, as a writer to a pipe leaves it: 0 or
     * {@code 0xFFFFFFFF}; the audio then runs to the end of the stream, and a stream that ends early is not
     * truncated, since a live source stops when it stops), or raw PCM described by {@code raw}.
     *
     * @param input the bytes; closed by the returned stream's {@code close}
     * @param name the source as the user named it (such as {@code -}), for messages and {@link AudioInfo#file}
     * @param raw for raw PCM, its {@link AudioInfo#sampleRate}, {@link AudioInfo#channels} and
     *     {@link AudioInfo#encoding} (ffmpeg's names: {@code s16le}, {@code s16be}, {@code s24le}, {@code s32le},
     *     {@code f32le}, {@code f64le}, {@code u8}, {@code s8}, {@code alaw}, {@code mulaw}); {@code null} when the
     *     stream carries a header that says
     * @param sampleRate the output rate in Hz
     * @return a stream the caller must close
     * @throws AudioFormatException if the header is not one that can be read from a stream, or {@code raw} names
     *     an encoding, rate or channel count this decoder cannot read
     * @throws IOException if reading the header fails
     * @since 1.1
     */
    default AudioStream open(InputStream input, String name, AudioInfo raw, int sampleRate) throws IOException {
        throw new AudioFormatException(name, "this decoder cannot read audio from a stream");
    }
}
