package io.auralis.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes WAV files for tests, byte by byte, including the odd ones real corpora contain: extra chunks before
 * {@code data}, odd-sized chunks with their pad byte, {@code fmt } after {@code data}, RF64, extensible headers,
 * streaming-recorder size placeholders, and broken files.
 */
public final class TestWav {
    private String riff = "RIFF";
    private String form = "WAVE";
    private int tag = 1;
    private int channels = 1;
    private int sampleRate = 16000;
    private int bits = 16;
    private int blockAlign = -1;
    private int fmtSize = 16;
    private boolean extensible;
    private int validBits;
    private int subFormatTag;
    private final List<byte[]> beforeFmt = new ArrayList<>();
    private final List<byte[]> beforeData = new ArrayList<>();
    private final List<byte[]> afterData = new ArrayList<>();
    private boolean fmtAfterData;
    private boolean omitFmt;
    private boolean omitData;
    private long dataSize = -1;
    private byte[] data = new byte[0];
    private int truncateTo = -1;

    private TestWav(int tag, int bits) {
        this.tag = tag;
        this.bits = bits;
    }

    /** Integer PCM of the given bits per sample. */
    public static TestWav pcm(int bits) {
        return new TestWav(1, bits);
    }

    /** IEEE float of 32 or 64 bits. */
    public static TestWav ieeeFloat(int bits) {
        return new TestWav(3, bits);
    }

    /** Any format tag with the given bits per sample. */
    public static TestWav format(int tag, int bits) {
        return new TestWav(tag, bits);
    }

    public TestWav rate(int rate) {
        this.sampleRate = rate;
        return this;
    }

    public TestWav channels(int n) {
        this.channels = n;
        return this;
    }

    public TestWav blockAlign(int align) {
        this.blockAlign = align;
        return this;
    }

    /** Writes a 40-byte WAVE_FORMAT_EXTENSIBLE fmt chunk whose sub-format GUID carries this file's tag. */
    public TestWav extensible(int validBits) {
        this.extensible = true;
        this.validBits = validBits;
        this.subFormatTag = tag;
        return this;
    }

    public TestWav riff(String id) {
        this.riff = id;
        return this;
    }

    public TestWav form(String type) {
        this.form = type;
        return this;
    }

    /** A chunk before fmt; an odd-sized body gets its pad byte. */
    public TestWav chunkBeforeFmt(String id, byte[] body) {
        beforeFmt.add(chunk(id, body));
        return this;
    }

    /** A chunk between fmt and data; an odd-sized body gets its pad byte. */
    public TestWav chunkBeforeData(String id, byte[] body) {
        beforeData.add(chunk(id, body));
        return this;
    }

    /** Raw bytes between fmt and data, for chunks written without their pad byte. */
    public TestWav rawBeforeData(byte[] bytes) {
        beforeData.add(bytes);
        return this;
    }

    public TestWav chunkAfterData(String id, byte[] body) {
        afterData.add(chunk(id, body));
        return this;
    }

    public TestWav fmtAfterData() {
        this.fmtAfterData = true;
        return this;
    }

    public TestWav fmtSize(int size) {
        this.fmtSize = size;
        return this;
    }

    public TestWav withoutFmt() {
        this.omitFmt = true;
        return this;
    }

    public TestWav withoutData() {
        this.omitData = true;
        return this;
    }

    /** The size written in the data chunk's header instead of the real one (0 and 0xFFFFFFFF mean unknown). */
    public TestWav declaredDataSize(long size) {
        this.dataSize = size;
        return this;
    }

    public TestWav data(byte[] bytes) {
        this.data = bytes;
        return this;
    }

    /** Cuts the written file after this many bytes. */
    public TestWav truncateTo(int length) {
        this.truncateTo = length;
        return this;
    }

    public Path write(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes());
        return file;
    }

    public byte[] bytes() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean rf64 = !riff.equals("RIFF");
        if (rf64) {
            ByteBuffer ds64 = le(28);
            ds64.putLong(0).putLong(dataSize >= 0 ? dataSize : data.length).putLong(0).putInt(0);
            body.writeBytes(chunk("ds64", ds64.array()));
        }
        beforeFmt.forEach(body::writeBytes);
        if (!omitFmt && !fmtAfterData) {
            body.writeBytes(fmt());
        }
        beforeData.forEach(body::writeBytes);
        if (!omitData) {
            long declared = rf64 ? 0xFFFFFFFFL : dataSize >= 0 ? dataSize : data.length;
            ByteBuffer header = le(8);
            header.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) declared);
            body.writeBytes(header.array());
            body.writeBytes(data);
            if ((data.length & 1) == 1) {
                body.write(0);
            }
        }
        if (!omitFmt && fmtAfterData) {
            body.writeBytes(fmt());
        }
        afterData.forEach(body::writeBytes);
        ByteBuffer head = le(12);
        head.put(riff.getBytes(StandardCharsets.US_ASCII)).putInt(rf64 ? -1 : 4 + body.size())
            .put(form.getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(head.array());
        file.writeBytes(body.toByteArray());
        byte[] bytes = file.toByteArray();
        return truncateTo >= 0 ? java.util.Arrays.copyOf(bytes, truncateTo) : bytes;
    }

    private byte[] fmt() {
        int container = (bits + 7) / 8;
        int align = blockAlign >= 0 ? blockAlign : channels * container;
        ByteBuffer b = le(extensible ? 40 : Math.max(fmtSize, 16));
        b.putShort((short) (extensible ? 0xFFFE : tag)).putShort((short) channels).putInt(sampleRate)
            .putInt(sampleRate * align).putShort((short) align).putShort((short) bits);
        if (extensible) {
            b.putShort((short) 22).putShort((short) validBits).putInt(0);
            b.putShort((short) subFormatTag).put(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00,
                0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71});
        }
        byte[] body = b.array();
        if (!extensible && fmtSize < 16) {
            body = java.util.Arrays.copyOf(body, fmtSize);
        }
        return chunk("fmt ", body);
    }

    /** A chunk: id, little-endian size, body, and a pad byte when the size is odd. */
    public static byte[] chunk(String id, byte[] body) {
        ByteBuffer b = le(8 + body.length + (body.length & 1));
        b.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
        return b.array();
    }

    public static byte[] pcm8(int... unsigned) {
        byte[] b = new byte[unsigned.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) unsigned[i];
        }
        return b;
    }

    public static byte[] pcm16(int... values) {
        ByteBuffer b = le(2 * values.length);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    public static byte[] pcm24(int... values) {
        ByteBuffer b = le(3 * values.length);
        for (int v : values) {
            b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
        }
        return b.array();
    }

    public static byte[] pcm32(int... values) {
        ByteBuffer b = le(4 * values.length);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    public static byte[] float32(float... values) {
        ByteBuffer b = le(4 * values.length);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    public static byte[] float64(double... values) {
        ByteBuffer b = le(8 * values.length);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    /** {@code amplitude * sin(2 pi f t)} at the given rate, for {@code frames} frames. */
    public static float[] sine(double frequency, double amplitude, int rate, int frames) {
        float[] s = new float[frames];
        for (int i = 0; i < frames; i++) {
            s[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
        }
        return s;
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
