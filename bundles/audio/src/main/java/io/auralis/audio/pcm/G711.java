package io.auralis.audio.pcm;

/**
 * Decoding tables for ITU-T G.711 A-law and mu-law, the 8-bit telephone encodings (WAV format tags 6 and 7, AU
 * encodings 27 and 1), scaled to [-1, 1] like 16-bit PCM.
 */
final class G711 {

    /** A-law byte to sample. */
    static final float[] A_LAW = new float[256];

    /** Mu-law byte to sample. */
    static final float[] MU_LAW = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            A_LAW[i] = alawToLinear(i) / 32768f;
            MU_LAW[i] = mulawToLinear(i) / 32768f;
        }
    }

    private G711() {
    }

    /** The reference decoder from G.711 (as in Sun's g711.c): 13-bit magnitude, 3-bit segment, sign. */
    private static int alawToLinear(int code) {
        int a = code ^ 0x55;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        if (segment == 0) {
            t += 8;
        } else {
            t = (t + 0x108) << (segment - 1);
        }
        return (a & 0x80) != 0 ? t : -t;
    }

    private static int mulawToLinear(int code) {
        int u = ~code & 0xFF;
        int t = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
        return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }
}
