package io.auralis.audio;

import net.sourceforge.javaflacencoder.FLACEncoder;
import net.sourceforge.javaflacencoder.FLACFileOutputStream;
import net.sourceforge.javaflacencoder.StreamConfiguration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes FLAC files for tests: real encodings (LPC, fixed prediction, Rice coding, stereo decorrelation) by
 * javaFlacEncoder, a pure-Java encoder independent of the decoder under test; and long files of constant frames
 * written here bit by bit, which encode an hour of audio in a few hundred kilobytes.
 */
public final class TestFlac {
    private TestFlac() {
    }

    /**
     * Encodes interleaved integer samples.
     *
     * @param file the file to write
     * @param interleaved the samples, {@code channels} per frame, each within {@code bits}
     * @param channels channels per frame
     * @param rate the sample rate
     * @param bits bits per sample, 4 to 24
     * @return {@code file}
     */
    public static Path encode(Path file, int[] interleaved, int channels, int rate, int bits) throws IOException {
        int frames = interleaved.length / channels;
        StreamConfiguration config = new StreamConfiguration(channels, StreamConfiguration.DEFAULT_MIN_BLOCK_SIZE,
            StreamConfiguration.DEFAULT_MAX_BLOCK_SIZE, rate, bits);
        FLACEncoder encoder = new FLACEncoder();
        if (!encoder.setStreamConfiguration(config)) {
            throw new IllegalArgumentException("javaFlacEncoder refuses " + channels + " channels, " + rate + " Hz, "
                + bits + " bits");
        }
        FLACFileOutputStream out = new FLACFileOutputStream(file.toFile());
        try {
            encoder.setOutputStream(out);
            encoder.openFLACStream();
            encoder.addSamples(interleaved, frames);
            encoder.encodeSamples(frames, true);
        } finally {
            out.close();
        }
        return file;
    }

    /**
     * Writes a 16-bit mono file of constant frames of 4096 samples: the first frame's value, the second's, ...,
     * repeated. Each frame is 11 bytes, so an hour at 8 kHz takes 39 KB.
     *
     * @param file the file to write
     * @param rate the sample rate (one of FLAC's coded rates: 8000, 16000, 22050, 24000, 32000, 44100, 48000, 96000)
     * @param frames how many frames of 4096 samples
     * @param values the frames' values, used in turn
     * @return {@code file}
     */
    public static Path constantFrames(Path file, int rate, int frames, int... values) throws IOException {
        int block = 4096;
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(new byte[] {'f', 'L', 'a', 'C', (byte) 0x80, 0, 0, 34}); // the last block: STREAMINFO
            Bits info = new Bits();
            info.put(block, 16).put(block, 16).put(0, 24).put(0, 24).put(rate, 20).put(0, 3).put(15, 5)
                .put((long) frames * block, 36);
            out.write(info.bytes());
            out.write(new byte[16]); // no MD5
            for (int f = 0; f < frames; f++) {
                out.write(constantFrame(f, rate, values[f % values.length]));
            }
        }
        return file;
    }

    private static byte[] constantFrame(int number, int rate, int value) {
        Bits header = new Bits();
        header.put(0b11111111111110, 14).put(0, 1).put(0, 1); // sync, reserved, fixed block size
        header.put(12, 4).put(rateCode(rate), 4).put(0, 4).put(0b100, 3).put(0, 1); // 4096, rate, mono, 16 bits
        byte[] head = header.bytes();
        byte[] coded = utf8(number);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(head, 0, head.length);
        frame.write(coded, 0, coded.length);
        frame.write(crc8(frame.toByteArray()));
        frame.write(0); // subframe: constant, no wasted bits
        frame.write(value >> 8 & 0xFF);
        frame.write(value & 0xFF);
        int crc = crc16(frame.toByteArray());
        frame.write(crc >> 8);
        frame.write(crc & 0xFF);
        return frame.toByteArray();
    }

    private static int rateCode(int rate) {
        return switch (rate) {
            case 88200 -> 1;
            case 176400 -> 2;
            case 192000 -> 3;
            case 8000 -> 4;
            case 16000 -> 5;
            case 22050 -> 6;
            case 24000 -> 7;
            case 32000 -> 8;
            case 44100 -> 9;
            case 48000 -> 10;
            case 96000 -> 11;
            default -> throw new IllegalArgumentException("no rate code for " + rate);
        };
    }

    /** FLAC codes frame numbers like UTF-8 code points. */
    private static byte[] utf8(int n) {
        if (n < 0x80) {
            return new byte[] {(byte) n};
        }
        if (n < 0x800) {
            return new byte[] {(byte) (0xC0 | n >> 6), (byte) (0x80 | n & 0x3F)};
        }
        return new byte[] {(byte) (0xE0 | n >> 12), (byte) (0x80 | n >> 6 & 0x3F), (byte) (0x80 | n & 0x3F)};
    }

    private static int crc8(byte[] bytes) {
        int crc = 0;
        for (byte b : bytes) {
            crc ^= b & 0xFF;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x80) != 0 ? (crc << 1 ^ 0x07) & 0xFF : crc << 1 & 0xFF;
            }
        }
        return crc;
    }

    private static int crc16(byte[] bytes) {
        int crc = 0;
        for (byte b : bytes) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1 ^ 0x8005) & 0xFFFF : crc << 1 & 0xFFFF;
            }
        }
        return crc;
    }

    /** Big-endian bit writer. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long pending;
        private int count;

        Bits put(long value, int bits) {
            for (int i = bits - 1; i >= 0; i--) {
                pending = pending << 1 | (value >> i & 1);
                if (++count == 8) {
                    out.write((int) pending);
                    pending = 0;
                    count = 0;
                }
            }
            return this;
        }

        byte[] bytes() {
            if (count != 0) {
                throw new IllegalStateException(count + " bits left over");
            }
            return out.toByteArray();
        }
    }
}
