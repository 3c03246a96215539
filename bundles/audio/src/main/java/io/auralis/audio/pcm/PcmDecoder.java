package io.auralis.audio.pcm;

import io.auralis.audio.mix.MonoDownmix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts interleaved PCM frames to mono floats in [-1, 1], for every container that stores raw samples (WAV,
 * AIFF, AU), so that the same samples give the same floats whichever file they came in. Integer samples are
 * scaled by 2<sup>1-bits</sup> of their container (16-bit by 1/32768), as most audio libraries do; channels are
 * averaged by {@link MonoDownmix}. Conversion arrays are reused, so memory does not grow with the audio read.
 * Not thread-safe: one per stream.
 */
public final class PcmDecoder {

    private final PcmEncoding encoding;
    private final int channels;
    private float[] interleaved = new float[0];
    private short[] shorts = new short[0];
    private int[] ints = new int[0];
    private double[] doubles = new double[0];

    /**
     * Creates a decoder.
     *
     * @param encoding how each sample is stored
     * @param channels samples per frame, at least 1
     */
    public PcmDecoder(PcmEncoding encoding, int channels) {
        this.encoding = encoding;
        this.channels = channels;
    }

    /**
     * The size of one frame.
     *
     * @return bytes per frame: one sample of each channel
     */
    public int frameSize() {
        return channels * encoding.bytesPerSample();
    }

    /**
     * Converts frames at the buffer's position, in the buffer's byte order, and advances past them.
     *
     * @param bytes a heap buffer holding at least {@code frames} whole frames from its position
     * @param frames how many frames to convert
     * @param out destination of one mono sample per frame
     * @param offset the index of the first sample written to {@code out}
     */
    public void decode(ByteBuffer bytes, int frames, float[] out, int offset) {
        if (channels == 1) {
            decodeSamples(bytes, frames, out, offset);
        } else {
            int samples = frames * channels;
            if (interleaved.length < samples) {
                interleaved = new float[Math.max(samples, bytes.capacity() / encoding.bytesPerSample())];
            }
            decodeSamples(bytes, samples, interleaved, 0);
            MonoDownmix.average(interleaved, frames, channels, out, offset);
        }
    }

    /** Converts {@code count} samples at the buffer's position to floats and advances past them. */
    private void decodeSamples(ByteBuffer bytes, int count, float[] out, int offset) {
        int start = bytes.position();
        byte[] raw = bytes.array();
        int base = bytes.arrayOffset() + start;
        switch (encoding) {
            case PCM_U8 -> {
                for (int i = 0; i < count; i++) {
                    out[offset + i] = ((raw[base + i] & 0xFF) - 128) * (1f / 128);
                }
            }
            case PCM_S8 -> {
                for (int i = 0; i < count; i++) {
                    out[offset + i] = raw[base + i] * (1f / 128);
                }
            }
            case PCM_16 -> {
                if (shorts.length < count) {
                    shorts = new short[Math.max(count, bytes.capacity() / 2)];
                }
                bytes.asShortBuffer().get(shorts, 0, count);
                for (int i = 0; i < count; i++) {
                    out[offset + i] = shorts[i] * (1f / 32768);
                }
            }
            case PCM_24 -> {
                // No 3-byte buffer view exists; the top byte keeps its sign, the lower two are unsigned.
                if (bytes.order() == ByteOrder.LITTLE_ENDIAN) {
                    for (int i = 0, b = base; i < count; i++, b += 3) {
                        int v = (raw[b] & 0xFF) | (raw[b + 1] & 0xFF) << 8 | raw[b + 2] << 16;
                        out[offset + i] = v * (1f / 8388608);
                    }
                } else {
                    for (int i = 0, b = base; i < count; i++, b += 3) {
                        int v = raw[b] << 16 | (raw[b + 1] & 0xFF) << 8 | (raw[b + 2] & 0xFF);
                        out[offset + i] = v * (1f / 8388608);
                    }
                }
            }
            case PCM_32 -> {
                if (ints.length < count) {
                    ints = new int[Math.max(count, bytes.capacity() / 4)];
                }
                bytes.asIntBuffer().get(ints, 0, count);
                for (int i = 0; i < count; i++) {
                    out[offset + i] = ints[i] * (1f / 2147483648f);
                }
            }
            case FLOAT_32 -> bytes.asFloatBuffer().get(out, offset, count);
            case FLOAT_64 -> {
                if (doubles.length < count) {
                    doubles = new double[Math.max(count, bytes.capacity() / 8)];
                }
                bytes.asDoubleBuffer().get(doubles, 0, count);
                for (int i = 0; i < count; i++) {
                    out[offset + i] = (float) doubles[i];
                }
            }
            case A_LAW, MU_LAW -> {
                float[] table = encoding == PcmEncoding.A_LAW ? G711.A_LAW : G711.MU_LAW;
                for (int i = 0; i < count; i++) {
                    out[offset + i] = table[raw[base + i] & 0xFF];
                }
            }
            default -> throw new IllegalStateException("no decoder for " + encoding);
        }
        bytes.position(start + count * encoding.bytesPerSample());
    }
}
