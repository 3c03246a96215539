package io.auralis.audio.wav;

import io.auralis.audio.pcm.PcmEncoding;

/**
 * What a WAV file's chunks say about its audio: where the samples are and how to read them.
 *
 * @param container {@code wav}, {@code rf64} or {@code bw64}
 * @param encoding how samples are stored
 * @param encodingName the name reported in {@code AudioInfo.encoding}: {@code pcm8}, {@code pcm16},
 *     {@code pcm20} (valid bits of a larger container), {@code float32}, {@code alaw}, ...
 * @param sampleRate frames per second
 * @param channels interleaved channels per frame, at least 1
 * @param dataOffset the file position of the first sample
 * @param frames complete frames in the data chunk, at least 1
 */
public record WavHeader(String container, PcmEncoding encoding, String encodingName, int sampleRate, int channels,
                        long dataOffset, long frames) {

    /**
     * The size of one frame.
     *
     * @return bytes per frame: one sample of each channel
     */
    public int frameSize() {
        return channels * encoding.bytesPerSample();
    }
}
