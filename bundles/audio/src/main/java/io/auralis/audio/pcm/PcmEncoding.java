package io.auralis.audio.pcm;

/**
 * The sample encodings read natively, one per container size: a 20-bit PCM file stored in 3-byte containers
 * reads as {@link #PCM_24}, because WAV and AIFF both left-justify the valid bits in their container. The byte
 * order is not part of the encoding: {@link PcmDecoder} takes it from its buffer (little-endian for WAV,
 * big-endian for AIFF and AU).
 */
public enum PcmEncoding {
    /** Unsigned 8-bit PCM, silence at 128 (WAV). */
    PCM_U8(1),
    /** Signed 8-bit PCM, silence at 0 (AIFF, AU). */
    PCM_S8(1),
    /** Signed 16-bit PCM. */
    PCM_16(2),
    /** Signed 24-bit PCM, packed in 3 bytes. */
    PCM_24(3),
    /** Signed 32-bit PCM. */
    PCM_32(4),
    /** IEEE 754 single precision. */
    FLOAT_32(4),
    /** IEEE 754 double precision. */
    FLOAT_64(8),
    /** G.711 A-law, 8 bits. */
    A_LAW(1),
    /** G.711 mu-law, 8 bits. */
    MU_LAW(1);

    private final int bytes;

    PcmEncoding(int bytes) {
        this.bytes = bytes;
    }

    /**
     * The size of one sample of one channel.
     *
     * @return bytes per sample
     */
    public int bytesPerSample() {
        return bytes;
    }
}
