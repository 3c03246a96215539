package io.auralis.audio.mix;

/**
 * Folds interleaved multi-channel audio to mono by averaging the channels, the same for every source format, so
 * that a mono signal copied to all channels comes out unchanged.
 */
public final class MonoDownmix {

    private MonoDownmix() {
    }

    /**
     * Averages each frame's channels.
     *
     * @param interleaved frames of {@code channels} samples each, starting at index 0
     * @param frames how many frames to fold
     * @param channels samples per frame, at least 1
     * @param out destination of one sample per frame
     * @param offset the index of the first sample written to {@code out}
     */
    public static void average(float[] interleaved, int frames, int channels, float[] out, int offset) {
        if (channels == 1) {
            System.arraycopy(interleaved, 0, out, offset, frames);
        } else if (channels == 2) {
            for (int f = 0, i = 0; f < frames; f++, i += 2) {
                out[offset + f] = (interleaved[i] + interleaved[i + 1]) * 0.5f;
            }
        } else {
            float scale = 1f / channels;
            for (int f = 0, i = 0; f < frames; f++) {
                float sum = 0;
                for (int end = i + channels; i < end; i++) {
                    sum += interleaved[i];
                }
                out[offset + f] = sum * scale;
            }
        }
    }
}
