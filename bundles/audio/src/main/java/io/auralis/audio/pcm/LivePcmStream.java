package io.auralis.audio.pcm;

import io.auralis.api.audio.AudioInfo;

import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.util.Locale;

/**
 * Interleaved PCM that arrives on a stream (a pipe, standard input), delivered as it comes: a read returns the
 * whole frames that have arrived and blocks only while none has, so that a live source is analysed while it plays.
 * It ends at the end of the stream or after the frames a header declared, whichever comes first; a stream that
 * ends early is not an error, since a live source stops when it stops.
 */
public final class LivePcmStream extends PcmStream {

    /** Bytes buffered at most: about 0.1 s of 16-bit stereo at 44.1 kHz, so reads never wait for a full buffer. */
    private static final int CHUNK_BYTES = 1 << 14;

    /**
     * Creates the stream. It owns {@code input} and closes it.
     *
     * @param input the bytes from the first sample on
     * @param encoding how samples are stored
     * @param order their byte order
     * @param info what {@link #info()} reports; its rate and channels describe the samples
     * @param frames the most frames to deliver (a header's count), or {@link #UNBOUNDED}
     */
    public LivePcmStream(InputStream input, PcmEncoding encoding, ByteOrder order, AudioInfo info, long frames) {
        super(info, frames, Channels.newChannel(input), encoding, info.channels, order, CHUNK_BYTES);
    }

    /**
     * Parses a raw encoding named as ffmpeg names its raw formats ({@code -f s16le}).
     *
     * @param name {@code s16le}, {@code s16be}, {@code s24le}, {@code s24be}, {@code s32le}, {@code s32be},
     *     {@code f32le}, {@code f32be}, {@code f64le}, {@code f64be}, {@code u8}, {@code s8}, {@code alaw} or
     *     {@code mulaw}
     * @return the encoding and its byte order, or {@code null} for a name not listed
     */
    public static Raw raw(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        ByteOrder order = n.endsWith("be") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        PcmEncoding encoding = switch (n) {
            case "u8" -> PcmEncoding.PCM_U8;
            case "s8" -> PcmEncoding.PCM_S8;
            case "s16le", "s16be" -> PcmEncoding.PCM_16;
            case "s24le", "s24be" -> PcmEncoding.PCM_24;
            case "s32le", "s32be" -> PcmEncoding.PCM_32;
            case "f32le", "f32be" -> PcmEncoding.FLOAT_32;
            case "f64le", "f64be" -> PcmEncoding.FLOAT_64;
            case "alaw" -> PcmEncoding.A_LAW;
            case "mulaw" -> PcmEncoding.MU_LAW;
            default -> null;
        };
        return encoding == null ? null : new Raw(encoding, order);
    }

    /**
     * A raw encoding.
     *
     * @param encoding how samples are stored
     * @param order their byte order
     */
    public record Raw(PcmEncoding encoding, ByteOrder order) {
    }

    /** The raw encodings {@link #raw} knows, for messages. */
    public static final String RAW_NAMES = "s16le, s16be, s24le, s24be, s32le, s32be, f32le, f32be, f64le, f64be, "
        + "u8, s8, alaw, mulaw";
}
